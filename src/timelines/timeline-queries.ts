import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { DbExecutor } from '../db/database.js';
import type { DatabaseSchema } from '../db/database-schema.js';
import type { IdRange } from '../api/pagination.js';

/**
 * The statuses queries behind timelines: each returns the ids of one page, newest first.
 * Visibility, blocks, mutes and moderation are applied again by presentStatuses; these
 * queries only keep pages from filling up with rows that would be dropped.
 */

type StatusQuery = SelectQueryBuilder<DatabaseSchema, 'statuses', { id: number }>;

/** Not deleted, and published (or, with `includeHeld`, held for review: authors see those). */
function live(db: DbExecutor, includeHeld = false): StatusQuery {
  return db
    .selectFrom('statuses')
    .select('statuses.id')
    .where('statuses.moderation_state', 'in', includeHeld ? ['published', 'held'] : ['published'])
    .where('statuses.deleted_at', 'is', null);
}

/** Applies an id range and runs the query, returning ids newest first. */
export async function pageIds(query: StatusQuery, range: IdRange): Promise<number[]> {
  const column = 'statuses.id';
  const rows = await query
    .$if(range.below !== null, (qb) => qb.where(column, '<', range.below!))
    .$if(range.above !== null, (qb) => qb.where(column, '>', range.above!))
    .orderBy(column, range.ascending ? 'asc' : 'desc')
    .limit(range.limit)
    .execute();
  const ids = rows.map((r) => r.id);
  return range.ascending ? ids.reverse() : ids;
}

/**
 * Public posts (no reblogs; no replies to others unless `withReplies`). As in Mastodon,
 * suspended and silenced (limited) accounts do not appear in public timelines.
 */
export function publicStatuses(db: DbExecutor, options: { withReplies?: boolean } = {}): StatusQuery {
  return live(db)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('accounts')
            .select('accounts.id')
            .whereRef('accounts.id', '=', 'statuses.account_id')
            .where((a) => a.or([a('accounts.suspended_at', 'is not', null), a('accounts.silenced_at', 'is not', null)])),
        ),
      ),
    )
    .where('statuses.visibility', '=', 'public')
    .where('statuses.reblog_of_id', 'is', null)
    .$if(!options.withReplies, (qb) =>
      qb.where((eb) => eb.or([eb('statuses.in_reply_to_id', 'is', null), eb('statuses.in_reply_to_account_id', '=', eb.ref('statuses.account_id'))])),
    );
}

/** Restricts to statuses carrying any of `anyKeys`, all of `allKeys`, none of `noneKeys`. */
export function taggedWith(query: StatusQuery, anyKeys: readonly string[], allKeys: readonly string[], noneKeys: readonly string[]): StatusQuery {
  const withTag = (key: string) => (eb: ExpressionBuilder<DatabaseSchema, 'statuses'>) =>
    eb.exists(
      eb
        .selectFrom('status_tags as st')
        .innerJoin('tags as t', 't.id', 'st.tag_id')
        .select('st.status_id')
        .whereRef('st.status_id', '=', 'statuses.id')
        .where('t.name_key', '=', key),
    );
  let q = query;
  if (anyKeys.length) {
    // Driven from status_tags (indexed by tag), so a rare tag does not scan every public post.
    q = q.where('statuses.id', 'in', (eb) =>
      eb
        .selectFrom('status_tags as st')
        .innerJoin('tags as t', 't.id', 'st.tag_id')
        .select('st.status_id')
        .where('t.name_key', 'in', [...anyKeys]),
    );
  }
  for (const key of allKeys) q = q.where(withTag(key));
  for (const key of noneKeys) q = q.where((eb) => eb.not(withTag(key)(eb)));
  return q;
}

export interface AccountStatusesFilter {
  accountId: number;
  /** Null for anonymous viewers. */
  viewerId: number | null;
  isAuthor: boolean;
  isFollower: boolean;
  excludeReplies: boolean;
  excludeReblogs: boolean;
  tagKey: string | null;
}

/** An account's posts as the viewer may see them (Mastodon's AccountStatusesFilter). */
export function accountStatuses(db: DbExecutor, f: AccountStatusesFilter): StatusQuery {
  let q = live(db, f.isAuthor).where('statuses.account_id', '=', f.accountId);
  if (!f.isAuthor) {
    const visible = f.isFollower ? (['public', 'unlisted', 'private'] as const) : (['public', 'unlisted'] as const);
    q = q.where((eb) => {
      const byVisibility = eb('statuses.visibility', 'in', [...visible]);
      if (f.viewerId === null) return byVisibility;
      return eb.or([
        byVisibility,
        eb.exists(eb.selectFrom('mentions as m').select('m.id').whereRef('m.status_id', '=', 'statuses.id').where('m.account_id', '=', f.viewerId)),
      ]);
    });
  }
  if (f.excludeReplies) {
    q = q.where((eb) => eb.or([eb('statuses.in_reply_to_id', 'is', null), eb('statuses.in_reply_to_account_id', '=', f.accountId)]));
  }
  if (f.excludeReblogs) q = q.where('statuses.reblog_of_id', 'is', null);
  if (f.tagKey !== null) q = taggedWith(q, [f.tagKey], [], []);
  return q;
}

/** Pinned posts of an account, newest pin first (Mastodon does not page them by status id). */
export async function pinnedStatusIds(db: DbExecutor, accountId: number, range: IdRange): Promise<number[]> {
  const rows = await db
    .selectFrom('status_pins as p')
    .innerJoin('statuses', 'statuses.id', 'p.status_id')
    .select('statuses.id')
    .where('p.account_id', '=', accountId)
    .where('statuses.account_id', '=', accountId)
    .where('statuses.deleted_at', 'is', null)
    .$if(range.below !== null, (qb) => qb.where('statuses.id', '<', range.below!))
    .$if(range.above !== null, (qb) => qb.where('statuses.id', '>', range.above!))
    .orderBy('p.id', 'desc')
    .limit(range.limit)
    .execute();
  return rows.map((r) => r.id);
}

/** A page of the viewer's bookmarks or favourites, by the row id (as Mastodon pages them). */
export async function interactionPage(
  db: DbExecutor,
  table: 'bookmarks' | 'favourites',
  accountId: number,
  range: IdRange,
): Promise<Array<{ rowId: number; statusId: number }>> {
  const rows = await db
    .selectFrom(`${table as 'bookmarks'} as b`)
    .select(['b.id as rowId', 'b.status_id as statusId'])
    .where('b.account_id', '=', accountId)
    .$if(range.below !== null, (qb) => qb.where('b.id', '<', range.below!))
    .$if(range.above !== null, (qb) => qb.where('b.id', '>', range.above!))
    .orderBy('b.id', range.ascending ? 'asc' : 'desc')
    .limit(range.limit)
    .execute();
  return range.ascending ? rows.reverse() : rows;
}
