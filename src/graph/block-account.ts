import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { unmergeAuthor, unmergeReblogsOf } from '../timelines/feed-queries.js';
import { deleteFollow, deleteFollowNotifications, deleteFollowRequest, requireAccount } from './graph-queries.js';
import { loadRelationship, type RelationshipState } from './load-relationships.js';

/**
 * Blocks an account: follows and pending requests end both ways, each side's posts leave the
 * other's home feed, and the blocked account's notifications to the blocker are cleared.
 * Blocking yourself does nothing, as in Mastodon.
 */
export async function blockAccount(ctx: AppContext, input: { viewer: Account; targetId: number }): Promise<RelationshipState> {
  const { db } = ctx.database;
  const target = await requireAccount(db, input.targetId);
  const me = input.viewer.id;
  if (target.id !== me) {
    await ctx.database.transaction(async (tx) => {
      await tx.db
        .insertInto('blocks')
        .values({ id: generateId(), account_id: me, target_account_id: target.id, created_at: nowIso() })
        .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing())
        .execute();
      await deleteFollow(tx.db, me, target.id);
      await deleteFollow(tx.db, target.id, me);
      await deleteFollowRequest(tx.db, me, target.id);
      await deleteFollowRequest(tx.db, target.id, me);
      await deleteFollowNotifications(tx.db, target.id, me, ['follow', 'follow_request']);
      await tx.db.deleteFrom('notifications').where('account_id', '=', me).where('from_account_id', '=', target.id).execute();
      await unmergeAuthor(tx.db, me, target.id);
      await unmergeReblogsOf(tx.db, me, target.id);
      await unmergeAuthor(tx.db, target.id, me);
    });
  }
  return loadRelationship(db, me, target.id);
}
