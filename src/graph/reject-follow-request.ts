import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { notFound } from '../api/errors.js';
import { deleteFollowNotifications, deleteFollowRequest } from './graph-queries.js';
import { loadRelationship, type RelationshipState } from './load-relationships.js';

/** Declines a pending request to follow the viewer. */
export async function rejectFollowRequest(
  ctx: AppContext,
  input: { viewer: Account; requesterId: number },
): Promise<RelationshipState> {
  await ctx.database.transaction(async (tx) => {
    if (!(await deleteFollowRequest(tx.db, input.requesterId, input.viewer.id))) throw notFound();
    await deleteFollowNotifications(tx.db, input.viewer.id, input.requesterId, ['follow_request']);
  });
  return loadRelationship(ctx.database.db, input.viewer.id, input.requesterId);
}
