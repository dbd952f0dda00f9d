import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { notFound } from '../api/errors.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { adjustFollowCounts, deleteFollowNotifications } from './graph-queries.js';
import { loadRelationship, type RelationshipState } from './load-relationships.js';

/** Accepts a pending request to follow the viewer; the request's options carry over. */
export async function authorizeFollowRequest(
  ctx: AppContext,
  input: { viewer: Account; requesterId: number },
): Promise<RelationshipState> {
  await ctx.database.transaction(async (tx) => {
    const request = await tx.db
      .selectFrom('follow_requests')
      .selectAll()
      .where('account_id', '=', input.requesterId)
      .where('target_account_id', '=', input.viewer.id)
      .executeTakeFirst();
    if (!request) throw notFound();
    await tx.db.deleteFrom('follow_requests').where('id', '=', request.id).execute();
    const inserted = await tx.db
      .insertInto('follows')
      .values({
        id: generateId(),
        account_id: request.account_id,
        target_account_id: request.target_account_id,
        show_reblogs: request.show_reblogs,
        notify: request.notify,
        languages: request.languages,
        created_at: nowIso(),
      })
      .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      await adjustFollowCounts(tx.db, request.account_id, request.target_account_id, 1);
      await ctx.jobs.enqueue(tx, 'merge-home-feed', { accountId: request.account_id, targetAccountId: request.target_account_id });
    }
    // The request is settled, so its notification goes away (as Mastodon's does with the request).
    await deleteFollowNotifications(tx.db, input.viewer.id, request.account_id, ['follow_request']);
  });
  return loadRelationship(ctx.database.db, input.viewer.id, input.requesterId);
}
