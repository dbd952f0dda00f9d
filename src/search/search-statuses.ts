import type { AppContext } from '../context.js';
import type { AccountRow } from './account-search-queries.js';
import { findMatchingStatusIds, searchTerms } from './status-search-queries.js';

export interface StatusSearchInput {
  q: string;
  accountId: number | null;
  minId: number | null;
  maxId: number | null;
  limit: number;
  offset: number;
}

/**
 * Full-text search over statuses the viewer may see, newest first; returns ids for
 * presentation. As in Mastodon, only signed-in users can search statuses.
 */
export async function searchStatuses(ctx: AppContext, viewer: AccountRow | null, input: StatusSearchInput): Promise<number[]> {
  if (!viewer || input.limit <= 0) return [];
  return findMatchingStatusIds(ctx.database.db, ctx.database.dialect, {
    terms: searchTerms(input.q),
    viewerId: viewer.id,
    accountId: input.accountId,
    minId: input.minId,
    maxId: input.maxId,
    limit: input.limit,
    offset: input.offset,
  });
}
