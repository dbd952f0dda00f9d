import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { forbidden, notFound, unprocessable } from '../../api/errors.js';
import { nowIso } from '../../lib/time.js';
import { restoreStatusIn } from '../actions/moderate-status.js';
import { liftAccountSanctionIn, type LiftableSanction } from '../actions/act-on-account.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';
import { assertMayActOn } from '../assert-may-act-on.js';
import type { Actor } from '../moderator.js';

/**
 * A moderator decides an appeal. The one who took the original decision may not: an appeal is
 * a second pair of eyes. Approving reverses the decision (restores posts, lifts the sanction)
 * and marks the strike as overturned; rejecting keeps it.
 */
export async function decideAppeal(ctx: AppContext, moderator: Actor, appealId: number, outcome: 'approve' | 'reject', text = ''): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    const appeal = await tx.db.selectFrom('appeals').selectAll().where('id', '=', appealId).executeTakeFirst();
    if (!appeal) throw notFound();
    if (appeal.state !== 'pending') throw unprocessable('Validation failed: the appeal has already been decided');
    const warning = await tx.db.selectFrom('account_warnings').selectAll().where('id', '=', appeal.account_warning_id).executeTakeFirstOrThrow();
    if (warning.moderator_account_id === moderator.account.id) {
      throw forbidden('An appeal must be decided by a different moderator than the one who took the decision');
    }
    if (appeal.account_id === moderator.account.id) throw forbidden('You cannot decide your own appeal');
    await assertMayActOn(tx.db, moderator, appeal.account_id);
    const now = nowIso();
    // Guarded on `pending`, so two deciders racing cannot both act.
    const decided = await tx.db
      .updateTable('appeals')
      .set({ state: outcome === 'approve' ? 'approved' : 'rejected', decided_by_account_id: moderator.account.id, decided_at: now })
      .where('id', '=', appealId)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1) throw unprocessable('Validation failed: the appeal has already been decided');
    if (outcome === 'approve') {
      await tx.db.updateTable('account_warnings').set({ overturned_at: now }).where('id', '=', warning.id).execute();
      await reverseDecision(ctx, tx, moderator, warning, text);
    }
    await recordModerationEvent(tx.db, {
      actor_account_id: moderator.account.id,
      actor_type: moderator.actorType,
      action: outcome === 'approve' ? 'appeal.approved' : 'appeal.rejected',
      subject_type: 'appeal',
      subjectId: appealId,
      reportId: warning.report_id,
      text,
      data: { account_warning_id: String(warning.id), original_action: warning.action },
    });
  });
}

async function reverseDecision(
  ctx: AppContext,
  tx: Tx,
  moderator: Actor,
  warning: { action: string; target_account_id: number; status_ids: string; created_at: string },
  text: string,
): Promise<void> {
  const statusIds = JSON.parse(warning.status_ids) as string[];
  if (warning.action === 'delete_statuses') {
    for (const id of statusIds) await restoreStatusIn(ctx, tx, Number(id), moderator, text);
    return;
  }
  if (warning.action === 'mark_statuses_as_sensitive') {
    if (statusIds.length) await tx.db.updateTable('statuses').set({ sensitive: 0 }).where('id', 'in', statusIds.map(Number)).execute();
    return;
  }
  const lift: Record<string, LiftableSanction> = { suspend: 'suspend', silence: 'silence', sensitive: 'sensitive', disable: 'disable' };
  const sanction = lift[warning.action];
  if (!sanction) return;
  // Only the sanction this decision imposed is lifted: one imposed later stays.
  const account = await tx.db.selectFrom('accounts').select(['suspended_at', 'silenced_at', 'sensitized_at']).where('id', '=', warning.target_account_id).executeTakeFirstOrThrow();
  const since = sanction === 'suspend' ? account.suspended_at : sanction === 'silence' ? account.silenced_at : sanction === 'sensitive' ? account.sensitized_at : null;
  if (since !== null && since > warning.created_at) return;
  await liftAccountSanctionIn(tx, moderator, warning.target_account_id, sanction, text);
}
