import type { DbExecutor } from '../db/database.js';
import { belongsInHome, type PostFacts, type ReceiverFacts } from './home-delivery-rules.js';
import { existingOriginals, insertFeedEntries, trimFeeds, type FeedEntry } from './feed-queries.js';
import { involvedAccounts, loadPostFacts, loadReceiverFacts, type Receiver } from './load-delivery-facts.js';

function entryFor(accountId: number, post: PostFacts): FeedEntry {
  return { account_id: accountId, status_id: post.id, author_account_id: post.accountId, reblog_of_id: post.reblog?.id ?? null };
}

/** Fan-out of one post to a batch of receivers: a fixed number of queries whatever the batch size. */
export async function deliverPostToReceivers(db: DbExecutor, post: PostFacts, receivers: readonly Receiver[], cap: number): Promise<number> {
  const facts = await loadReceiverFacts(db, receivers, involvedAccounts(post));
  let ids = receivers.filter((r) => belongsInHome(post, facts.get(r.id)!)).map((r) => r.id);
  if (post.reblog && ids.length > 0) {
    // A post already in a feed (as itself or an earlier reblog) is not shown again.
    const holding = await existingOriginals(db, ids, post.reblog.id);
    ids = ids.filter((id) => !holding.has(id));
  }
  if (ids.length === 0) return 0;
  await insertFeedEntries(db, ids.map((id) => entryFor(id, post)));
  await trimFeeds(db, ids, cap);
  return ids.length;
}

/**
 * Many posts into one receiver's feed (merge after a follow, rebuild). `follows` maps each
 * author the receiver follows to the follow's options; the receiver's own posts need none.
 */
export async function deliverPostsToReceiver(
  db: DbExecutor,
  receiverId: number,
  postIds: readonly number[],
  follows: ReadonlyMap<number, NonNullable<ReceiverFacts['follow']>>,
  cap: number,
): Promise<number> {
  if (postIds.length === 0) return 0;
  const posts = [...(await loadPostFacts(db, postIds)).values()].sort((a, b) => a.id - b.id);
  const receivers = new Map<string, ReceiverFacts>();
  const base = (await loadReceiverFacts(db, [{ id: receiverId, follow: null }], posts.flatMap(involvedAccounts))).get(receiverId)!;
  const factsFor = (authorId: number): ReceiverFacts | null => {
    if (authorId === receiverId) return base;
    const follow = follows.get(authorId);
    if (!follow) return null;
    const key = String(authorId);
    let facts = receivers.get(key);
    if (!facts) {
      facts = { ...base, follow };
      receivers.set(key, facts);
    }
    return facts;
  };
  const originals = posts.map((p) => p.reblog?.id).filter((id): id is number => id !== undefined);
  const seen = new Set<number>(
    originals.length
      ? (
          await db
            .selectFrom('home_feed')
            .select(['status_id', 'reblog_of_id'])
            .where('account_id', '=', receiverId)
            .where((eb) => eb.or([eb('status_id', 'in', originals), eb('reblog_of_id', 'in', originals)]))
            .execute()
        ).map((r) => r.reblog_of_id ?? r.status_id)
      : [],
  );
  const entries: FeedEntry[] = [];
  // Oldest first, so the first appearance of a post wins over later reblogs of it.
  for (const post of posts) {
    const facts = factsFor(post.accountId);
    if (!facts || !belongsInHome(post, facts)) continue;
    const originalId = post.reblog?.id ?? post.id;
    if (seen.has(originalId)) continue;
    seen.add(originalId);
    entries.push(entryFor(receiverId, post));
  }
  await insertFeedEntries(db, entries);
  await trimFeeds(db, [receiverId], cap);
  return entries.length;
}
