import type { AppContext } from '../../context.js';
import type { DbExecutor } from '../../db/database.js';
import { notFound, unprocessable } from '../../api/errors.js';
import { isoIn, nowIso } from '../../lib/time.js';
import { loadModerationSettings } from '../settings/instance-settings.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';
import type { Actor } from '../moderator.js';

async function loadReport(db: DbExecutor, reportId: number, actor?: Actor) {
  const report = await db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
  // A report about the actor does not exist for them.
  if (!report || (actor && actor.actorType !== 'juror' && report.target_account_id === actor.account.id)) throw notFound();
  return report;
}

export async function assignReportToSelf(ctx: AppContext, moderator: Actor, reportId: number): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    await loadReport(tx.db, reportId, moderator);
    await tx.db.updateTable('reports').set({ assigned_account_id: moderator.account.id, updated_at: nowIso() }).where('id', '=', reportId).execute();
    await recordModerationEvent(tx.db, {
      actor_account_id: moderator.account.id,
      actor_type: moderator.actorType,
      action: 'report.assigned',
      subject_type: 'report',
      subjectId: reportId,
      reportId,
    });
  });
}

export async function unassignReport(ctx: AppContext, moderator: Actor, reportId: number): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    await loadReport(tx.db, reportId, moderator);
    await tx.db.updateTable('reports').set({ assigned_account_id: null, updated_at: nowIso() }).where('id', '=', reportId).execute();
    await recordModerationEvent(tx.db, {
      actor_account_id: moderator.account.id,
      actor_type: moderator.actorType,
      action: 'report.unassigned',
      subject_type: 'report',
      subjectId: reportId,
      reportId,
    });
  });
}

/**
 * Closes a report with a decision. Called by the actions (remove, approve, suspend …) in their
 * transaction, and by `POST /api/v1/admin/reports/:id/resolve` for "no action needed".
 */
export async function resolveReportIn(db: DbExecutor, moderator: Actor, reportId: number, resolution: string, text = ''): Promise<void> {
  const report = await loadReport(db, reportId, moderator);
  if (report.action_taken_at) return;
  const now = nowIso();
  await db
    .updateTable('reports')
    .set({ action_taken_at: now, action_taken_by_account_id: moderator.account.id, resolution, updated_at: now })
    .where('id', '=', reportId)
    .execute();
  await recordModerationEvent(db, {
    actor_account_id: moderator.account.id,
    actor_type: moderator.actorType,
    action: 'report.resolved',
    subject_type: 'report',
    subjectId: reportId,
    reportId,
    text,
    data: { resolution },
  });
}

export async function resolveReport(ctx: AppContext, moderator: Actor, reportId: number): Promise<void> {
  await ctx.database.transaction((tx) => resolveReportIn(tx.db, moderator, reportId, 'dismissed'));
}

export async function reopenReport(ctx: AppContext, moderator: Actor, reportId: number): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    const report = await loadReport(tx.db, reportId, moderator);
    if (!report.action_taken_at) throw unprocessable('Validation failed: the report is not resolved');
    const settings = await loadModerationSettings(tx.db);
    await tx.db
      .updateTable('reports')
      // A reopened report gets a fresh deadline and may alert again.
      .set({
        action_taken_at: null,
        action_taken_by_account_id: null,
        resolution: null,
        deadline_at: isoIn(settings.deadlineMinutes[report.lane] * 60_000),
        overdue_alerted_at: null,
        updated_at: nowIso(),
      })
      .where('id', '=', reportId)
      .execute();
    await recordModerationEvent(tx.db, {
      actor_account_id: moderator.account.id,
      actor_type: moderator.actorType,
      action: 'report.reopened',
      subject_type: 'report',
      subjectId: reportId,
      reportId,
    });
  });
}
