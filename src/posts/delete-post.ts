import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import type { SerializedStatus } from '../api/serializers/status.js';
import { nowIso } from '../lib/time.js';
import { loadOwnStatus } from './load-own-status.js';
import { presentStatus } from './present-statuses.js';
import { adjustStatusCounter, adjustStatusesCount, countsAsReply } from './status-writes.js';

/**
 * Deletes a status of the caller (soft: `deleted_at`, so reads drop it everywhere at once)
 * and the boosts of it, keeping every counter exact. Returns the status as it was, with its
 * source `text`, for delete-and-redraft.
 */
export async function deletePost(ctx: AppContext, account: Account, id: number): Promise<SerializedStatus> {
  const status = await loadOwnStatus(ctx, id, account.id);
  const presented = await presentStatus(ctx, status.id, account, { withSource: true });
  const now = nowIso();
  await ctx.database.transaction(async (tx) => {
    const deleted = await tx.db
      .updateTable('statuses')
      .set({ deleted_at: now })
      .where('id', '=', status.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    // A concurrent delete already did the bookkeeping.
    if (Number(deleted.numUpdatedRows) === 0) return;
    await tx.db.deleteFrom('status_pins').where('status_id', '=', status.id).execute();
    if (status.moderation_state === 'published') {
      await adjustStatusesCount(tx.db, [account.id], -1);
      if (status.reblog_of_id !== null) await adjustStatusCounter(tx.db, status.reblog_of_id, 'reblogs_count', -1);
      if (countsAsReply(status)) await adjustStatusCounter(tx.db, status.in_reply_to_id!, 'replies_count', -1);
    }
    const reblogIds: number[] = [];
    if (status.reblog_of_id === null) {
      const reblogs = await tx.db
        .selectFrom('statuses')
        .select(['id', 'account_id'])
        .where('reblog_of_id', '=', status.id)
        .where('deleted_at', 'is', null)
        .execute();
      if (reblogs.length) {
        await tx.db.updateTable('statuses').set({ deleted_at: now }).where('id', 'in', reblogs.map((r) => r.id)).execute();
        // Each account has at most one live boost of a status, so one decrement per account is exact.
        await adjustStatusesCount(tx.db, reblogs.map((r) => r.account_id), -1);
        await adjustStatusCounter(tx.db, status.id, 'reblogs_count', -reblogs.length);
        reblogIds.push(...reblogs.map((r) => r.id));
      }
    }
    // As Mastodon: notifications about a deleted post (mentions, favourites, boosts) go with it.
    // Moderation notices about it stay: they are the author's record of a decision.
    await tx.db
      .deleteFrom('notifications')
      .where('status_id', 'in', [status.id, ...reblogIds])
      .where('type', 'in', ['mention', 'status', 'reblog', 'favourite', 'update'])
      .execute();
  });
  return presented;
}
