import type { AppContext } from '../context.js';
import type { AccountRow } from './account-search-queries.js';
import { resolveLocalUrl } from './resolve-local-url.js';
import { searchAccounts } from './search-accounts.js';
import { searchHashtags, type TagWithHistory } from './search-hashtags.js';
import { searchStatuses } from './search-statuses.js';

export type SearchType = 'accounts' | 'hashtags' | 'statuses';

export interface SearchInput {
  q: string;
  type: SearchType | null;
  resolve: boolean;
  following: boolean;
  excludeUnreviewed: boolean;
  accountId: number | null;
  minId: number | null;
  maxId: number | null;
  limit: number;
  offset: number;
}

export interface SearchResults {
  accounts: AccountRow[];
  /** Candidate ids, newest first; presentation filters and serialises them. */
  statusIds: number[];
  hashtags: TagWithHistory[];
}

/**
 * The combined search of `GET /api/v2/search`, with Mastodon's rules for which kinds of
 * result a query can produce: `#word` is a hashtag query, `name@domain` an account query,
 * URLs of this instance resolve to what they name, and `offset` applies only with `type`.
 */
export async function search(ctx: AppContext, viewer: AccountRow | null, input: SearchInput): Promise<SearchResults> {
  const results: SearchResults = { accounts: [], statusIds: [], hashtags: [] };
  const q = input.q.trim();
  if (q === '' || input.limit <= 0) return results;
  const offset = input.type === null ? 0 : input.offset;
  const wants = (type: SearchType) => input.type === null || input.type === type;

  if (input.resolve && /^https?:\/\//i.test(q)) {
    const resolved = await resolveLocalUrl(ctx, q);
    if (!resolved || offset > 0 || !wants(resolved.type)) return results;
    if (resolved.type === 'accounts') results.accounts = [resolved.account];
    else results.statusIds = [resolved.statusId];
    return results;
  }

  const hashtagQuery = q.startsWith('#');
  const handleQuery = q.includes('@');
  const oneWord = !q.includes(' ');
  if (wants('accounts') && !hashtagQuery && !(handleQuery && !oneWord)) {
    results.accounts = await searchAccounts(ctx, viewer, { q, limit: input.limit, offset, following: input.following });
  }
  // A lone `#tag` or handle is not a full-text query, unless the client asked for statuses only.
  if (wants('statuses') && (input.type === 'statuses' || !((hashtagQuery || handleQuery) && oneWord))) {
    results.statusIds = await searchStatuses(ctx, viewer, {
      q,
      accountId: input.accountId,
      minId: input.minId,
      maxId: input.maxId,
      limit: input.limit,
      offset,
    });
  }
  if (wants('hashtags') && !handleQuery) {
    results.hashtags = await searchHashtags(ctx, { q, limit: input.limit, offset, excludeUnreviewed: input.excludeUnreviewed });
  }
  return results;
}
