import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { authorizeFollowRequest } from './authorize-follow-request.js';

/** Accepts every pending follow request of an account (when it stops being locked). */
export async function authorizeAllFollowRequests(ctx: AppContext, viewer: Account): Promise<number> {
  const pending = await ctx.database.db.selectFrom('follow_requests').select('account_id').where('target_account_id', '=', viewer.id).execute();
  // One transaction per request, so each follower is counted and merged exactly once.
  for (const { account_id } of pending) await authorizeFollowRequest(ctx, { viewer, requesterId: account_id });
  return pending.length;
}
