import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { nowIso } from '../lib/time.js';
import { findLiveReblog } from './reblog-status.js';
import { adjustStatusCounter, adjustStatusesCount } from './status-writes.js';
import { loadVisibleStatus } from './visibility.js';

/**
 * Undoes the caller's boost of a status (nothing to undo is fine). Returns the original's id.
 * The caller's own boost can always be withdrawn, even when the original has since become
 * invisible to them (a block, a removal), as Mastodon allows.
 */
export async function unreblogStatus(ctx: AppContext, account: Account, id: number): Promise<number> {
  const ownBoost = await findLiveReblog(ctx, account.id, id);
  if (ownBoost === null) {
    const status = await loadVisibleStatus(ctx, id, account);
    if (status.reblog_of_id === null) return status.id;
    return unreblogStatus(ctx, account, status.reblog_of_id);
  }
  const status = { id };
  const reblogId = ownBoost;
  await ctx.database.transaction(async (tx) => {
    const result = await tx.db
      .updateTable('statuses')
      .set({ deleted_at: nowIso() })
      .where('id', '=', reblogId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return;
    await adjustStatusCounter(tx.db, status.id, 'reblogs_count', -1);
    await adjustStatusesCount(tx.db, [account.id], -1);
    // The boost's notification names the boost (see reblogStatus) and goes with it.
    await tx.db.deleteFrom('notifications').where('status_id', '=', reblogId).execute();
  });
  return status.id;
}
