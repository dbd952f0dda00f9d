import type { AppContext } from '../context.js';
import { deliverPostsToReceiver } from './deliver-to-home.js';
import { followOptions } from './load-delivery-facts.js';

/**
 * Rebuilds a home feed from the database: the newest posts of the account and of everyone
 * it follows below the fan-out limit (those above it are merged at read time anyway). Used
 * when a user returns after fan-out stopped serving them. Entries already present stay.
 */
export async function rebuildHomeFeed(ctx: AppContext, accountId: number): Promise<number> {
  const { db } = ctx.database;
  const limit = ctx.config.fanOutFollowerLimit;
  const follows = await db
    .selectFrom('follows')
    .innerJoin('accounts', 'accounts.id', 'follows.target_account_id')
    .select(['follows.target_account_id', 'follows.show_reblogs', 'follows.languages'])
    .where('follows.account_id', '=', accountId)
    .where('accounts.followers_count', '<=', limit)
    .execute();
  const rows = await db
    .selectFrom('statuses')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('account_id', '=', accountId),
        eb(
          'account_id',
          'in',
          eb
            .selectFrom('follows')
            .innerJoin('accounts', 'accounts.id', 'follows.target_account_id')
            .select('follows.target_account_id')
            .where('follows.account_id', '=', accountId)
            .where('accounts.followers_count', '<=', limit),
        ),
      ]),
    )
    .where('moderation_state', '=', 'published')
    .where('deleted_at', 'is', null)
    .orderBy('id', 'desc')
    .limit(ctx.config.homeFeedCap)
    .execute();
  return deliverPostsToReceiver(
    db,
    accountId,
    rows.map((r) => r.id),
    new Map(follows.map((f) => [f.target_account_id, followOptions(f)])),
    ctx.config.homeFeedCap,
  );
}
