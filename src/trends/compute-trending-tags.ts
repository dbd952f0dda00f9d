import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { idForTime } from '../lib/ids.js';

const DAY_MS = 86_400_000;
export const TREND_WINDOW_DAYS = 7;
/** A tag whose recent posts are this much held or removed never trends. */
export const MAX_FLAGGED_SHARE = 0.5;

export interface TagUsage {
  tagId: number;
  name: string;
  review: 'approved' | 'rejected' | null;
  /** Newest day first: uses and distinct accounts per UTC day. */
  history: Array<{ day: number; uses: number; accounts: number }>;
  /** Posts in the window that are held or removed, over all posts in the window. */
  flaggedShare: number;
  score: number;
}

/**
 * Usage of every tag over the last week from the posts themselves: per day, uses and distinct
 * accounts. The score is today's distinct accounts above the tag's average of the days before,
 * so a tag trends when more people than usual use it, not when one account repeats it.
 */
export async function computeTagUsage(ctx: AppContext, now = Date.now()): Promise<TagUsage[]> {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const sinceMs = today - (TREND_WINDOW_DAYS - 1) * DAY_MS;
  const since = new Date(sinceMs).toISOString();
  // Aggregated in SQL per tag, UTC day and moderation state; ids are time-ordered, so the
  // primary key bounds the scan to the window. Timestamps are ISO text: the day is its prefix.
  const day = sql<string>`substr(statuses.created_at, 1, 10)`;
  const rows = await ctx.database.db
    .selectFrom('status_tags')
    .innerJoin('statuses', 'statuses.id', 'status_tags.status_id')
    .innerJoin('tags', 'tags.id', 'status_tags.tag_id')
    .innerJoin('accounts', 'accounts.id', 'statuses.account_id')
    .select((eb) => [
      'tags.id as tag_id',
      'tags.name',
      'tags.trend_review',
      'statuses.moderation_state',
      day.as('day'),
      eb.fn.countAll<number>().as('uses'),
      eb.fn.count<number>('statuses.account_id').distinct().as('accounts'),
    ])
    .where('statuses.id', '>=', idForTime(new Date(sinceMs)))
    .where('statuses.created_at', '>=', since)
    .where('statuses.visibility', '=', 'public')
    .where('statuses.deleted_at', 'is', null)
    .where('statuses.reblog_of_id', 'is', null)
    .where('accounts.suspended_at', 'is', null)
    .where('accounts.silenced_at', 'is', null)
    .groupBy(['tags.id', 'tags.name', 'tags.trend_review', 'statuses.moderation_state', day])
    .execute();
  const byTag = new Map<number, typeof rows>();
  for (const row of rows) (byTag.get(row.tag_id) ?? byTag.set(row.tag_id, []).get(row.tag_id)!).push(row);

  const usages: TagUsage[] = [];
  for (const [tagId, groups] of byTag) {
    const published = groups.filter((g) => g.moderation_state === 'published');
    const history = Array.from({ length: TREND_WINDOW_DAYS }, (_, i) => {
      const key = new Date(today - i * DAY_MS).toISOString().slice(0, 10);
      const onDay = published.find((g) => g.day === key);
      return { day: (today - i * DAY_MS) / 1000, uses: Number(onDay?.uses ?? 0), accounts: Number(onDay?.accounts ?? 0) };
    });
    const earlier = history.slice(1);
    const baseline = earlier.reduce((sum, d) => sum + d.accounts, 0) / earlier.length;
    const total = groups.reduce((sum, g) => sum + Number(g.uses), 0);
    const flagged = groups.filter((g) => g.moderation_state !== 'published').reduce((sum, g) => sum + Number(g.uses), 0);
    usages.push({
      tagId,
      name: groups[0]!.name,
      review: groups[0]!.trend_review,
      history,
      flaggedShare: total ? flagged / total : 0,
      score: history[0]!.accounts - baseline,
    });
  }
  return usages;
}

/** Whether a tag may appear in public trends. */
export function mayTrend(usage: TagUsage): boolean {
  if (usage.review === 'rejected') return false;
  if (usage.flaggedShare >= MAX_FLAGGED_SHARE) return false;
  if (usage.review === 'approved') return true;
  // Unreviewed tags trend on their own only while none of their posts is held or removed.
  return usage.flaggedShare === 0;
}

/** Public trending tags: enough distinct people today, more than usual, and allowed to trend. */
export async function listTrendingTags(ctx: AppContext, limit: number, offset = 0) {
  const usage = await computeTagUsage(ctx);
  return usage
    .filter((u) => mayTrend(u) && u.history[0]!.accounts >= 2 && u.score > 0)
    .sort((a, b) => b.score - a.score || b.history[0]!.accounts - a.history[0]!.accounts || a.name.localeCompare(b.name))
    .slice(offset, offset + limit);
}
