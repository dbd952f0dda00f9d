import type { AppContext } from '../context.js';
import { deliverPostsToReceiver } from './deliver-to-home.js';
import { followOptions } from './load-delivery-facts.js';

/**
 * The `merge-home-feed` job, run after a follow starts: the followed account's recent posts
 * join the follower's home feed (half a feed's worth, as Mastodon merges).
 */
export async function mergeHomeFeed(ctx: AppContext, input: { accountId: number; targetAccountId: number }): Promise<void> {
  const { db } = ctx.database;
  const follow = await db
    .selectFrom('follows')
    .select(['show_reblogs', 'languages'])
    .where('account_id', '=', input.accountId)
    .where('target_account_id', '=', input.targetAccountId)
    .executeTakeFirst();
  // Unfollowed again before the job ran: nothing to merge.
  if (!follow) return;
  const local = await db.selectFrom('users').select('id').where('account_id', '=', input.accountId).executeTakeFirst();
  if (!local) return;
  const target = await db.selectFrom('accounts').select('followers_count').where('id', '=', input.targetAccountId).executeTakeFirst();
  // Accounts above the fan-out limit are merged at read time instead.
  if (!target || target.followers_count > ctx.config.fanOutFollowerLimit) return;
  const rows = await db
    .selectFrom('statuses')
    .select('id')
    .where('account_id', '=', input.targetAccountId)
    .where('moderation_state', '=', 'published')
    .where('deleted_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(Math.ceil(ctx.config.homeFeedCap / 2))
    .execute();
  await deliverPostsToReceiver(
    db,
    input.accountId,
    rows.map((r) => r.id),
    new Map([[input.targetAccountId, followOptions(follow)]]),
    ctx.config.homeFeedCap,
  );
}
