import type { AppContext } from '../context.js';
import { notifyStatusSubscribers } from '../notifications/notify-status-subscribers.js';
import { deliverPostToReceivers } from './deliver-to-home.js';
import { loadPostFacts } from './load-delivery-facts.js';
import { localFollowerBatches } from './local-follower-batches.js';

/** Home feeds are kept only for users who read within this window; others are rebuilt on return. */
export const ACTIVE_WINDOW_MS = 14 * 24 * 3600_000;
const FOLLOWER_BATCH = 500;

/**
 * The `fan-out-status` job: puts a published post or reblog into the author's home feed and
 * into those of recently active local followers, a batch of followers per insert. Idempotent
 * (entries already present are left alone). Authors with more followers than
 * `fanOutFollowerLimit` are skipped: home reads merge their posts in. Followers who asked to
 * be notified of new posts are notified here too, whatever the author's size.
 */
export async function fanOutStatus(ctx: AppContext, statusId: number): Promise<void> {
  const { db } = ctx.database;
  const cap = ctx.config.homeFeedCap;
  const post = (await loadPostFacts(db, [statusId])).get(statusId);
  if (!post || !post.live || (post.reblog && !post.reblog.live)) return;
  const author = await db
    .selectFrom('accounts')
    .leftJoin('users', 'users.account_id', 'accounts.id')
    .select(['accounts.id', 'accounts.followers_count', 'accounts.suspended_at', 'users.id as userId'])
    .where('accounts.id', '=', post.accountId)
    .executeTakeFirst();
  if (!author || author.suspended_at) return;
  if (author.userId !== null) await deliverPostToReceivers(db, post, [{ id: author.id, follow: null }], cap);
  await notifyStatusSubscribers(ctx, post);
  if (author.followers_count > ctx.config.fanOutFollowerLimit) return;
  if (post.visibility === 'direct' && post.mentionedIds.length === 0) return;

  const activeSince = new Date(Date.now() - ACTIVE_WINDOW_MS).toISOString();
  const onlyAccountIds = post.visibility === 'direct' ? post.mentionedIds : undefined;
  for await (const receivers of localFollowerBatches(db, author.id, { activeSince, ...(onlyAccountIds ? { onlyAccountIds } : {}) }, FOLLOWER_BATCH)) {
    await deliverPostToReceivers(db, post, receivers, cap);
  }
}
