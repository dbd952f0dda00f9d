import { followedBy, notBlockedEitherWay, notMutedBy } from '../graph/relation-filters.js';
import { sql } from 'kysely';
import type { DbExecutor, DialectName } from '../db/database.js';
import { nowIso } from '../lib/time.js';

export interface StatusMatchOptions {
  /** The words to find; every word must occur (AND), in any order. */
  terms: string[];
  viewerId: number;
  accountId: number | null;
  minId: number | null;
  maxId: number | null;
  limit: number;
  offset: number;
}

/**
 * Ids of statuses matching `terms` that the viewer may see, newest first. The visibility
 * rules are applied here as a pre-filter so LIMIT/OFFSET count only visible rows;
 * presentation re-checks them (defence in depth) before anything is shown.
 */
export async function findMatchingStatusIds(db: DbExecutor, dialect: DialectName, options: StatusMatchOptions): Promise<number[]> {
  if (options.terms.length === 0) return [];
  const viewer = options.viewerId;
  const now = nowIso();
  let query = db
    .selectFrom('status_search')
    .innerJoin('statuses', 'statuses.id', 'status_search.status_id')
    .innerJoin('accounts', 'accounts.id', 'statuses.account_id')
    .select('statuses.id')
    .where(matchCondition(dialect, options.terms))
    .where('statuses.deleted_at', 'is', null)
    .where('accounts.suspended_at', 'is', null)
    // A limited (silenced) account is found only by itself and its followers.
    .where((eb) =>
      eb.or([
        eb('accounts.silenced_at', 'is', null),
        eb('statuses.account_id', '=', viewer),
        followedBy(viewer, 'statuses.account_id'),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('statuses.moderation_state', '=', 'published'),
        // Held posts stay visible to their author while a moderator decides.
        eb.and([eb('statuses.account_id', '=', viewer), eb('statuses.moderation_state', '=', 'held')]),
      ]),
    )
    .where((eb) =>
      eb.or([
        // As Mastodon 4.2: public posts of accounts that let themselves be indexed; unlisted
        // posts stay out of search, as their authors asked.
        eb.and([eb('statuses.visibility', '=', 'public'), eb('accounts.discoverable', '=', 1)]),
        eb('statuses.account_id', '=', viewer),
        eb.and([
          eb('statuses.visibility', '=', 'private'),
          followedBy(viewer, 'statuses.account_id'),
        ]),
        eb.exists(
          eb
            .selectFrom('mentions')
            .select('mentions.id')
            .whereRef('mentions.status_id', '=', 'statuses.id')
            .where('mentions.account_id', '=', viewer),
        ),
      ]),
    )
    // Blocks hide in both directions; mutes hide the muted account's posts from the muter.
    .where(notBlockedEitherWay(viewer, 'statuses.account_id'))
    .where(notMutedBy(viewer, 'statuses.account_id', now));
  if (options.accountId !== null) query = query.where('statuses.account_id', '=', options.accountId);
  // @NOTE: on SQLite, ordering and bounding by the FTS5 rowid (= status id) lets FTS5 walk its
  // matches newest first and stop after one page, instead of sorting every match.
  const order = dialect === 'sqlite' ? sql<number>`status_search.rowid` : sql<number>`statuses.id`;
  if (options.maxId !== null) query = query.where(order, '<', options.maxId);
  if (options.minId !== null) query = query.where(order, '>', options.minId);
  const rows = await query.orderBy(order, 'desc').limit(options.limit).offset(options.offset).execute();
  return rows.map((r) => r.id);
}

function matchCondition(dialect: DialectName, terms: string[]) {
  if (dialect === 'postgres') {
    // @NOTE: plainto_tsquery ignores operators in user input, so any text is a valid query.
    return sql<boolean>`status_search.document @@ plainto_tsquery('simple', ${foldDiacritics(terms.join(' '))})`;
  }
  // Each word becomes a quoted FTS5 string, so user input can never be read as FTS5 syntax;
  // the tokenizer splits it the same way it split the document ("#café" → cafe).
  const expression = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
  return sql<boolean>`status_search match ${expression}`;
}

/** The same folding the PostgreSQL trigger applies to documents (SQLite's tokenizer does its own). */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Splits a query into words worth matching; pure punctuation would match nothing anyway. */
export function searchTerms(query: string): string[] {
  return query
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, 16);
}
