import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { notFound, unprocessable } from '../../api/errors.js';
import { createNotification } from '../../notifications/create-notification.js';
import { adjustStatusCounter, adjustStatusesCount, countsAsReply } from '../../posts/status-writes.js';
import { nowIso } from '../../lib/time.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';
import type { Actor } from '../moderator.js';
import { resolveReportIn } from '../reports/report-lifecycle.js';
import { assertMayActOn, assertReportConcerns } from '../assert-may-act-on.js';
import { issueWarning, STRIKE_SEVERITY } from '../warnings/issue-warning.js';
import { escalateStrikes } from '../warnings/escalate-strikes.js';

export interface StatusDecision {
  statusId: number;
  /** The statement of reasons. */
  text: string;
  reportId?: number | null;
}

async function loadStatus(tx: Tx, statusId: number) {
  const status = await tx.db.selectFrom('statuses').selectAll().where('id', '=', statusId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!status) throw notFound();
  return status;
}

/** Checks the actor may act on the post's author and that a given report concerns this post. */
async function authorize(tx: Tx, actor: Actor, status: { id: number; account_id: number }, reportId: number | null | undefined): Promise<string | null> {
  await assertMayActOn(tx.db, actor, status.account_id);
  if (!reportId) return null;
  return (await assertReportConcerns(tx.db, reportId, status.account_id, status.id)).category;
}

/**
 * A moderator publishes a held post: it becomes visible, is fanned out to followers and its
 * mentions are notified, exactly as if it had been published at once.
 */
export async function approveStatus(ctx: AppContext, moderator: Actor, decision: StatusDecision): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    const status = await loadStatus(tx, decision.statusId);
    await authorize(tx, moderator, status, decision.reportId);
    // Removed posts come back through an appeal, which also overturns the strike.
    if (status.moderation_state === 'removed') throw unprocessable('Validation failed: a removed post is restored by approving its appeal');
    if (status.moderation_state === 'published' && !decision.reportId) {
      throw unprocessable('Validation failed: the post is already published');
    }
    const wasHidden = status.moderation_state !== 'published';
    await tx.db.updateTable('statuses').set({ moderation_state: 'published', moderated_at: nowIso() }).where('id', '=', status.id).execute();
    if (wasHidden) await publishIn(ctx, tx, status);
    await recordModerationEvent(tx.db, {
      actor_account_id: moderator.account.id,
      actor_type: moderator.actorType,
      action: 'status.approved',
      subject_type: 'status',
      subjectId: status.id,
      reportId: decision.reportId ?? null,
      text: decision.text,
      data: { previous_state: status.moderation_state },
    });
    if (decision.reportId) await resolveReportIn(tx.db, moderator, decision.reportId, 'approved', decision.text);
  });
}

/**
 * Removes a post from every timeline, thread, search and notification at once (reads filter on
 * `moderation_state`). Nothing is destroyed: the row stays for the retention period so an
 * appeal can restore it. The author receives a statement of reasons.
 */
export async function removeStatus(ctx: AppContext, moderator: Actor, decision: StatusDecision): Promise<number> {
  return ctx.database.transaction(async (tx) => {
    const status = await loadStatus(tx, decision.statusId);
    const category = await authorize(tx, moderator, status, decision.reportId);
    if (status.moderation_state === 'removed') throw unprocessable('Validation failed: the post is already removed');
    await tx.db.updateTable('statuses').set({ moderation_state: 'removed', moderated_at: nowIso() }).where('id', '=', status.id).execute();
    await tx.db.deleteFrom('home_feed').where('status_id', '=', status.id).execute();
    if (status.moderation_state === 'published') await adjustCounters(tx, status, -1);
    await recordModerationEvent(tx.db, {
      actor_account_id: moderator.account.id,
      actor_type: moderator.actorType,
      action: 'status.removed',
      subject_type: 'status',
      subjectId: status.id,
      reportId: decision.reportId ?? null,
      text: decision.text,
      data: { previous_state: status.moderation_state, category },
    });
    return concludeSanction(ctx, tx, moderator, status, decision, category, 'delete_statuses', 'removed');
  });
}

/** Marks a post sensitive (media and text behind a warning) and tells the author why. */
export async function markStatusSensitive(ctx: AppContext, moderator: Actor, decision: StatusDecision): Promise<number> {
  return ctx.database.transaction(async (tx) => {
    const status = await loadStatus(tx, decision.statusId);
    const category = await authorize(tx, moderator, status, decision.reportId);
    await tx.db.updateTable('statuses').set({ sensitive: 1, moderated_at: nowIso() }).where('id', '=', status.id).execute();
    await recordModerationEvent(tx.db, {
      actor_account_id: moderator.account.id,
      actor_type: moderator.actorType,
      action: 'status.marked_sensitive',
      subject_type: 'status',
      subjectId: status.id,
      reportId: decision.reportId ?? null,
      text: decision.text,
    });
    return concludeSanction(ctx, tx, moderator, status, decision, category, 'mark_statuses_as_sensitive', 'marked_sensitive');
  });
}

/**
 * What every sanction on a post ends with: the author's statement of reasons, the strike policy,
 * and the report it answers resolved. Returns the statement's id.
 */
async function concludeSanction(
  ctx: AppContext,
  tx: Tx,
  moderator: Actor,
  status: { id: number; account_id: number },
  decision: StatusDecision,
  category: string | null,
  action: 'delete_statuses' | 'mark_statuses_as_sensitive',
  resolution: string,
): Promise<number> {
  const warningId = await issueWarning(tx, {
    targetAccountId: status.account_id,
    moderator,
    action,
    text: decision.text,
    statusIds: [status.id],
    reportId: decision.reportId ?? null,
    category,
  });
  await escalateStrikes(ctx, tx, moderator, status.account_id, STRIKE_SEVERITY[action]);
  if (decision.reportId) await resolveReportIn(tx.db, moderator, decision.reportId, resolution, decision.text);
  return warningId;
}

/** Restores a removed post (an appeal was upheld): visible again, fanned out again. */
export async function restoreStatusIn(ctx: AppContext, tx: Tx, statusId: number, actor: Actor, text: string): Promise<void> {
  const status = await tx.db.selectFrom('statuses').selectAll().where('id', '=', statusId).executeTakeFirst();
  // A post its author has deleted since, or one already back, needs nothing.
  if (!status || status.deleted_at !== null || status.moderation_state === 'published') return;
  await tx.db.updateTable('statuses').set({ moderation_state: 'published', moderated_at: nowIso() }).where('id', '=', statusId).execute();
  await publishIn(ctx, tx, status);
  await recordModerationEvent(tx.db, {
    actor_account_id: actor.account.id,
    actor_type: actor.actorType,
    action: 'status.restored',
    subject_type: 'status',
    subjectId: statusId,
    text,
  });
}

type StatusRow = Awaited<ReturnType<typeof loadStatus>>;

/**
 * What createPost does for a published post and skips for a held one: counters, fan-out and
 * mention notifications.
 */
async function publishIn(ctx: AppContext, tx: Tx, status: StatusRow): Promise<void> {
  await adjustCounters(tx, status, 1);
  await ctx.jobs.enqueue(tx, 'fan-out-status', { statusId: status.id });
  await notifyMentions(tx, status.id, status.account_id);
}

async function adjustCounters(tx: Tx, status: StatusRow, delta: 1 | -1): Promise<void> {
  await adjustStatusesCount(tx.db, [status.account_id], delta);
  // Judged as the published post it is (or was), whatever its state at this moment.
  if (countsAsReply({ ...status, moderation_state: 'published' })) await adjustStatusCounter(tx.db, status.in_reply_to_id!, 'replies_count', delta);
}

/** Held posts notified nobody; on approval, mentioned users hear of it (blocks and mutes still apply). */
async function notifyMentions(tx: Tx, statusId: number, authorId: number): Promise<void> {
  const mentioned = await tx.db.selectFrom('mentions').select('account_id').where('status_id', '=', statusId).execute();
  for (const { account_id } of mentioned) {
    await createNotification(tx, { recipientId: account_id, fromAccountId: authorId, type: 'mention', statusId });
  }
}
