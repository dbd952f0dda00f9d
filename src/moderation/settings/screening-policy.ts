import type { AppContext } from '../../context.js';
import { notFound, unprocessable } from '../../api/errors.js';
import { generateId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { InstanceRuleError, validateInstanceRule, type InstanceRule } from '../screening/index.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';
import { assertSafeUrl, UnsafeDestinationError } from '../../lib/safe-http.js';
import type { Moderator } from '../moderator.js';
import { loadModerationSettings, saveModerationSettings, type ModerationSettings } from './instance-settings.js';

/**
 * Loads the admin's screening rules and thresholds into `ctx.screeningPolicy`, which the
 * screener reads on every call. Called at start and after every change.
 */
export async function refreshScreeningPolicy(ctx: AppContext): Promise<void> {
  const { db } = ctx.database;
  const rows = await db.selectFrom('screening_rules').selectAll().orderBy('id').execute();
  const settings = await loadModerationSettings(db);
  ctx.screeningPolicy.rules = rows.map((r) => ({ id: String(r.id), lang: r.lang, kind: r.kind, pattern: r.pattern, action: r.action }));
  ctx.screeningPolicy.thresholds = settings.screeningThresholds;
}

export interface NewScreeningRule {
  lang: string | null;
  kind: string;
  pattern: string;
  action: string;
}

export async function addScreeningRule(ctx: AppContext, admin: Moderator, input: NewScreeningRule): Promise<InstanceRule> {
  const id = generateId();
  let rule: InstanceRule;
  try {
    rule = validateInstanceRule({ id: String(id), ...input });
  } catch (err) {
    if (err instanceof InstanceRuleError) throw unprocessable(`Validation failed: ${err.message}`);
    throw err;
  }
  await ctx.database.transaction(async (tx) => {
    await tx.db
      .insertInto('screening_rules')
      .values({ id, lang: rule.lang, kind: rule.kind, pattern: rule.pattern, action: rule.action, created_by_account_id: admin.account.id, created_at: nowIso() })
      .execute();
    await recordModerationEvent(tx.db, {
      actor_account_id: admin.account.id,
      actor_type: admin.actorType,
      action: 'screening_rule.added',
      subject_type: 'screening_rule',
      subjectId: id,
      data: { lang: rule.lang, kind: rule.kind, pattern: rule.pattern, action: rule.action },
    });
  });
  await refreshScreeningPolicy(ctx);
  return rule;
}

export async function removeScreeningRule(ctx: AppContext, admin: Moderator, ruleId: number): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    const rule = await tx.db.selectFrom('screening_rules').selectAll().where('id', '=', ruleId).executeTakeFirst();
    if (!rule) throw notFound();
    await tx.db.deleteFrom('screening_rules').where('id', '=', ruleId).execute();
    await recordModerationEvent(tx.db, {
      actor_account_id: admin.account.id,
      actor_type: admin.actorType,
      action: 'screening_rule.removed',
      subject_type: 'screening_rule',
      subjectId: ruleId,
      data: { lang: rule.lang, kind: rule.kind, pattern: rule.pattern, action: rule.action },
    });
  });
  await refreshScreeningPolicy(ctx);
}

export async function updateModerationSettings(ctx: AppContext, admin: Moderator, changes: Partial<ModerationSettings>): Promise<ModerationSettings> {
  const thresholds = { ...changes.screeningThresholds };
  for (const [name, value] of Object.entries(thresholds)) {
    if (typeof value !== 'number' || value <= 0 || value > 1) throw unprocessable(`Validation failed: threshold ${name} must be in (0, 1]`);
  }
  if (thresholds.review !== undefined && thresholds.hold !== undefined && thresholds.hold < thresholds.review) {
    throw unprocessable('Validation failed: the hold threshold must not be below the review threshold');
  }
  if (changes.alertWebhookUrl) {
    try {
      assertSafeUrl(changes.alertWebhookUrl);
    } catch (err) {
      if (err instanceof UnsafeDestinationError) throw unprocessable(`Validation failed: alert_webhook_url ${err.message}`);
      throw err;
    }
  }
  const retention = changes.retentionDays;
  const window = changes.appealWindowDays;
  if (retention !== undefined || window !== undefined) {
    const current = await loadModerationSettings(ctx.database.db);
    // Removed content must outlive the appeal window, or an upheld appeal restores nothing.
    if ((retention ?? current.retentionDays) <= (window ?? current.appealWindowDays)) {
      throw unprocessable('Validation failed: retention_days must be longer than appeal_window_days');
    }
  }
  const settings = await ctx.database.transaction(async (tx) => {
    const current = await loadModerationSettings(tx.db);
    const next: ModerationSettings = {
      ...current,
      ...changes,
      deadlineMinutes: { ...current.deadlineMinutes, ...(changes.deadlineMinutes ?? {}) },
      screeningThresholds: { ...current.screeningThresholds, ...thresholds },
    };
    await saveModerationSettings(tx.db, next);
    await recordModerationEvent(tx.db, {
      actor_account_id: admin.account.id,
      actor_type: admin.actorType,
      action: 'setting.changed',
      subject_type: 'setting',
      data: { changes },
    });
    return next;
  });
  await refreshScreeningPolicy(ctx);
  return settings;
}
