import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { notFound, unprocessable } from '../../api/errors.js';
import { isoIn, nowIso } from '../../lib/time.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';
import type { Actor } from '../moderator.js';
import { resolveReportIn } from '../reports/report-lifecycle.js';
import { assertMayActOn, assertReportConcerns } from '../assert-may-act-on.js';
import { issueWarning, STRIKE_SEVERITY, type WarningAction } from '../warnings/issue-warning.js';
import { escalateStrikes } from '../warnings/escalate-strikes.js';

/** Mastodon's `POST /api/v1/admin/accounts/:id/action` types. */
export const ACCOUNT_ACTIONS = ['none', 'sensitive', 'disable', 'silence', 'suspend'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];
export type LiftableSanction = 'suspend' | 'silence' | 'sensitive' | 'disable';

export interface AccountDecision {
  accountId: number;
  type: AccountAction;
  text: string;
  reportId?: number | null;
  /** Seconds until a timed sanction lifts itself; absent for indefinite ones. */
  durationSeconds?: number | null;
  /** Also resolve every other open report about this account (Mastodon's default). */
  resolveOpenReports?: boolean;
}

/**
 * Applies a sanction to an account. Its effects are immediate everywhere because every read
 * filters on the account's state; nothing is deleted, so an appeal can undo it. Timed sanctions
 * schedule their own lifting.
 */
export async function actOnAccount(ctx: AppContext, moderator: Actor, decision: AccountDecision): Promise<number> {
  if (!(ACCOUNT_ACTIONS as readonly string[]).includes(decision.type)) {
    throw unprocessable(`Validation failed: type must be one of ${ACCOUNT_ACTIONS.join(', ')}`);
  }
  if (decision.durationSeconds !== undefined && decision.durationSeconds !== null) {
    if (!Number.isInteger(decision.durationSeconds) || decision.durationSeconds < 60) {
      throw unprocessable('Validation failed: duration must be a whole number of seconds, at least 60');
    }
    // Only suspensions and limits record their end, so only they can lift themselves safely.
    if (decision.type !== 'silence' && decision.type !== 'suspend') {
      throw unprocessable('Validation failed: only silence and suspend can have a duration');
    }
  }
  return ctx.database.transaction(async (tx) => {
    const account = await tx.db.selectFrom('accounts').selectAll().where('id', '=', decision.accountId).executeTakeFirst();
    if (!account) throw notFound();
    await assertMayActOn(tx.db, moderator, account.id);
    const category = decision.reportId ? (await assertReportConcerns(tx.db, decision.reportId, account.id)).category : null;
    const now = nowIso();
    const endsAt = decision.durationSeconds ? isoIn(decision.durationSeconds * 1000) : null;
    await applySanction(tx, account.id, decision.type, now, endsAt);
    if (endsAt && decision.type !== 'none') {
      await ctx.jobs.enqueue(tx, 'lift-account-sanction', { accountId: account.id, sanction: decision.type, endsAt }, { delayMs: decision.durationSeconds! * 1000 });
    }
    await recordModerationEvent(tx.db, {
      actor_account_id: moderator.account.id,
      actor_type: moderator.actorType,
      action: `account.${decision.type === 'none' ? 'warned' : decision.type}`,
      subject_type: 'account',
      subjectId: account.id,
      reportId: decision.reportId ?? null,
      text: decision.text,
      data: { ends_at: endsAt },
    });
    const warningId = await issueWarning(tx, {
      targetAccountId: account.id,
      moderator,
      action: decision.type as WarningAction,
      text: decision.text,
      reportId: decision.reportId ?? null,
      category,
      endsAt,
    });
    await escalateStrikes(ctx, tx, moderator, account.id, STRIKE_SEVERITY[decision.type as WarningAction]);
    if (decision.reportId) await resolveReportIn(tx.db, moderator, decision.reportId, decision.type === 'none' ? 'warned' : decision.type, decision.text);
    if (decision.resolveOpenReports !== false && decision.type !== 'none') {
      const open = await tx.db.selectFrom('reports').select('id').where('target_account_id', '=', account.id).where('action_taken_at', 'is', null).execute();
      for (const r of open) await resolveReportIn(tx.db, moderator, r.id, decision.type, decision.text);
    }
    return warningId;
  });
}

export async function applySanction(tx: Tx, accountId: number, type: AccountAction, now: string, endsAt: string | null): Promise<void> {
  switch (type) {
    case 'none':
      return;
    case 'sensitive':
      await tx.db.updateTable('accounts').set({ sensitized_at: now }).where('id', '=', accountId).execute();
      return;
    case 'silence':
      await tx.db.updateTable('accounts').set({ silenced_at: now, silence_ends_at: endsAt }).where('id', '=', accountId).execute();
      return;
    case 'suspend':
      // Tokens are kept: a suspended user can still read their statement of reasons and appeal
      // (auth lets suspended accounts reach only those routes).
      await tx.db.updateTable('accounts').set({ suspended_at: now, suspension_ends_at: endsAt }).where('id', '=', accountId).execute();
      return;
    case 'disable':
      await tx.db.updateTable('users').set({ disabled: 1 }).where('account_id', '=', accountId).execute();
      return;
  }
}

/**
 * Lifts a sanction: `unsuspend`, `unsilence`, `unsensitive`, `enable` — by a moderator, or by
 * the system when a timed sanction ends (`moderator` null).
 */
export async function liftAccountSanction(ctx: AppContext, moderator: Actor | null, accountId: number, sanction: LiftableSanction, text = ''): Promise<void> {
  await ctx.database.transaction((tx) => liftAccountSanctionIn(tx, moderator, accountId, sanction, text));
}

export async function liftAccountSanctionIn(tx: Tx, moderator: Actor | null, accountId: number, sanction: LiftableSanction, text = ''): Promise<void> {
  const account = await tx.db.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst();
  if (!account) throw notFound();
  if (moderator) await assertMayActOn(tx.db, moderator, accountId);
  if (sanction === 'suspend') await tx.db.updateTable('accounts').set({ suspended_at: null, suspension_ends_at: null }).where('id', '=', accountId).execute();
  if (sanction === 'silence') await tx.db.updateTable('accounts').set({ silenced_at: null, silence_ends_at: null }).where('id', '=', accountId).execute();
  if (sanction === 'sensitive') await tx.db.updateTable('accounts').set({ sensitized_at: null }).where('id', '=', accountId).execute();
  if (sanction === 'disable') await tx.db.updateTable('users').set({ disabled: 0 }).where('account_id', '=', accountId).execute();
  await recordModerationEvent(tx.db, {
    actor_account_id: moderator?.account.id ?? null,
    actor_type: moderator?.actorType ?? 'system',
    action: `account.${sanction === 'disable' ? 'enabled' : `un${sanction === 'suspend' ? 'suspended' : sanction === 'silence' ? 'silenced' : 'sensitized'}`}`,
    subject_type: 'account',
    subjectId: accountId,
    text: text || (moderator ? '' : 'timed sanction ended'),
  });
}

/** Job handler: a timed sanction ends, unless a moderator has changed it since. */
export async function liftExpiredSanction(ctx: AppContext, payload: { accountId: number; sanction: LiftableSanction; endsAt: string }): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    const account = await tx.db.selectFrom('accounts').selectAll().where('id', '=', payload.accountId).executeTakeFirst();
    if (!account) return;
    const current = payload.sanction === 'suspend' ? account.suspension_ends_at : payload.sanction === 'silence' ? account.silence_ends_at : null;
    // Changed since (lifted, replaced, made indefinite): this job no longer applies.
    if (current !== payload.endsAt) return;
    await liftAccountSanctionIn(tx, null, payload.accountId, payload.sanction);
  });
}
