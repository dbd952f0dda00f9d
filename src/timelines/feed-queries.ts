import { sql } from 'kysely';
import type { DbExecutor } from '../db/database.js';

/** One row of a home feed, as fan-out, merge and rebuild write it. */
export interface FeedEntry {
  account_id: number;
  status_id: number;
  author_account_id: number;
  reblog_of_id: number | null;
}

// Keeps each multi-row insert well under SQLite's bound-parameter limit (4 columns a row).
const INSERT_CHUNK = 500;

/** Inserts entries, one statement per chunk; rows already present are left alone (idempotent). */
export async function insertFeedEntries(db: DbExecutor, entries: readonly FeedEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
    const chunk = entries.slice(i, i + INSERT_CHUNK);
    await db
      .insertInto('home_feed')
      .values(chunk)
      .onConflict((oc) => oc.columns(['account_id', 'status_id']).doNothing())
      .execute();
  }
}

/** Drops the oldest entries of each listed feed beyond `cap`, in one statement. */
export async function trimFeeds(db: DbExecutor, accountIds: readonly number[], cap: number): Promise<void> {
  if (accountIds.length === 0) return;
  const ids = sql.join(accountIds.map((id) => sql`${id}`));
  // @NOTE: per feed, one walk down the primary key finds the (cap+1)-th newest entry; only the
  // entries at or below it are touched. Ranking every row of every feed (a window function)
  // cost a second per 500 feeds and stalled the event loop on SQLite.
  await sql`
    delete from home_feed where (account_id, status_id) in (
      select h.account_id, h.status_id from (
        select a.id as account_id,
               (select f.status_id from home_feed f where f.account_id = a.id
                order by f.status_id desc limit 1 offset ${cap}) as lowest
        from accounts a where a.id in (${ids})
      ) bounds
      join home_feed h on h.account_id = bounds.account_id and h.status_id <= bounds.lowest
    )`.execute(db);
}

/**
 * Reblogs already in a feed for each original, so one post is not shown twice: the original
 * itself or an earlier reblog of it. Returns the ids of the feeds that already hold it.
 */
export async function existingOriginals(
  db: DbExecutor,
  accountIds: readonly number[],
  originalId: number,
): Promise<Set<number>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('home_feed')
    .select('account_id')
    .where('account_id', 'in', [...accountIds])
    .where((eb) => eb.or([eb('status_id', '=', originalId), eb('reblog_of_id', '=', originalId)]))
    .execute();
  return new Set(rows.map((r) => r.account_id));
}

/** Removes an author's posts and reblogs from one home feed (unfollow, block, mute). */
export async function unmergeAuthor(db: DbExecutor, accountId: number, authorId: number): Promise<void> {
  await db.deleteFrom('home_feed').where('account_id', '=', accountId).where('author_account_id', '=', authorId).execute();
}

/** Removes reblogs (by anyone) of an author's posts from one home feed (block). */
export async function unmergeReblogsOf(db: DbExecutor, accountId: number, originalAuthorId: number): Promise<void> {
  await db
    .deleteFrom('home_feed')
    .where('account_id', '=', accountId)
    .where('reblog_of_id', 'in', (eb) => eb.selectFrom('statuses').select('id').where('account_id', '=', originalAuthorId))
    .execute();
}

/** A page of feed entries, newest first (`ascending` for min_id, then reversed by the caller). */
export async function feedPage(
  db: DbExecutor,
  accountId: number,
  range: { below: number | null; above: number | null; ascending: boolean; limit: number },
): Promise<FeedEntry[]> {
  return db
    .selectFrom('home_feed')
    .selectAll()
    .where('account_id', '=', accountId)
    .$if(range.below !== null, (qb) => qb.where('status_id', '<', range.below!))
    .$if(range.above !== null, (qb) => qb.where('status_id', '>', range.above!))
    .orderBy('status_id', range.ascending ? 'asc' : 'desc')
    .limit(range.limit)
    .execute();
}
