import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { unmergeAuthor } from '../timelines/feed-queries.js';
import { deleteFollow, deleteFollowNotifications, deleteFollowRequest, requireAccount } from './graph-queries.js';
import { loadRelationship, type RelationshipState } from './load-relationships.js';

/** Stops following an account or withdraws a pending request; the target's posts leave home. */
export async function unfollowAccount(ctx: AppContext, input: { viewer: Account; targetId: number }): Promise<RelationshipState> {
  const { db } = ctx.database;
  const target = await requireAccount(db, input.targetId);
  await ctx.database.transaction(async (tx) => {
    const unfollowed = await deleteFollow(tx.db, input.viewer.id, target.id);
    const withdrawn = await deleteFollowRequest(tx.db, input.viewer.id, target.id);
    if (unfollowed || withdrawn) {
      await deleteFollowNotifications(tx.db, target.id, input.viewer.id, ['follow', 'follow_request']);
    }
    if (unfollowed) await unmergeAuthor(tx.db, input.viewer.id, target.id);
  });
  return loadRelationship(db, input.viewer.id, target.id);
}
