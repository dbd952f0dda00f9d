import type { AppContext } from '../context.js';
import { idForTime } from '../lib/ids.js';
import { countTagUsageByDay, findTagsByPrefix, type TagRow } from './tag-search-queries.js';

export interface TagDay {
  /** UNIX time of the day's start (UTC), in seconds, as Mastodon renders it. */
  day: number;
  uses: number;
  accounts: number;
}

export interface TagWithHistory {
  tag: TagRow;
  /** The last seven days, today first. */
  history: TagDay[];
}

const HISTORY_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Hashtags by name prefix (`#` optional, case- and width-insensitive), shortest names first;
 * `excludeUnreviewed` leaves out tags no admin has reviewed for trends, as Mastodon's does.
 */
export async function searchHashtags(
  ctx: AppContext,
  input: { q: string; limit: number; offset: number; excludeUnreviewed?: boolean },
  now: Date = new Date(),
): Promise<TagWithHistory[]> {
  const key = normaliseTagQuery(input.q);
  if (key === null || input.limit <= 0) return [];
  const tags = await findTagsByPrefix(ctx.database.db, {
    prefixKey: key,
    reviewedOnly: input.excludeUnreviewed === true,
    limit: input.limit,
    offset: input.offset,
  });
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const since = today - (HISTORY_DAYS - 1) * DAY_MS;
  const usage = await countTagUsageByDay(ctx.database.db, tags.map((t) => t.id), idForTime(new Date(since)));
  const byTagDay = new Map(usage.map((u) => [`${u.tagId}/${u.day}`, u]));
  return tags.map((tag) => ({
    tag,
    history: Array.from({ length: HISTORY_DAYS }, (_, i) => {
      const start = today - i * DAY_MS;
      const found = byTagDay.get(`${tag.id}/${new Date(start).toISOString().slice(0, 10)}`);
      return { day: start / 1000, uses: found?.uses ?? 0, accounts: found?.accounts ?? 0 };
    }),
  }));
}

/** The tags table's key form (NFKC, lower case); null when the text cannot be a hashtag. */
export function normaliseTagQuery(q: string): string | null {
  const key = q.trim().replace(/^#/, '').normalize('NFKC').toLowerCase();
  return /^[\p{L}\p{M}\p{N}_]+$/u.test(key) ? key : null;
}
