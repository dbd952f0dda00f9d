import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { unmergeAuthor } from '../timelines/feed-queries.js';
import { deleteFollow, deleteFollowNotifications, requireAccount } from './graph-queries.js';
import { loadRelationship, type RelationshipState } from './load-relationships.js';

/** Makes an account stop following the viewer (Mastodon's "remove follower"); the viewer's posts leave its home. */
export async function removeFromFollowers(ctx: AppContext, input: { viewer: Account; followerId: number }): Promise<RelationshipState> {
  const { db } = ctx.database;
  const follower = await requireAccount(db, input.followerId);
  await ctx.database.transaction(async (tx) => {
    if (await deleteFollow(tx.db, follower.id, input.viewer.id)) {
      await deleteFollowNotifications(tx.db, input.viewer.id, follower.id, ['follow']);
      await unmergeAuthor(tx.db, follower.id, input.viewer.id);
    }
  });
  return loadRelationship(db, input.viewer.id, follower.id);
}
