import { sql, type Selectable } from 'kysely';
import type { DbExecutor } from '../db/database.js';
import type { TagsTable } from '../db/schema/statuses.js';
import { escapeLike } from './account-search-queries.js';

export type TagRow = Selectable<TagsTable>;

/**
 * Tags whose normalised name starts with `prefixKey`, shortest first (Mastodon's order);
 * `reviewedOnly` keeps tags an admin has reviewed for trends (approved or rejected).
 */
export async function findTagsByPrefix(
  db: DbExecutor,
  query: { prefixKey: string; reviewedOnly: boolean; limit: number; offset: number },
): Promise<TagRow[]> {
  const { prefixKey, limit, offset } = query;
  return db
    .selectFrom('tags')
    .selectAll()
    .where(sql`name_key`, 'like', sql`${`${escapeLike(prefixKey)}%`} escape '\\'`)
    .$if(query.reviewedOnly, (qb) => qb.where('trend_reviewed_at', 'is not', null))
    .orderBy(sql`length(name_key)`)
    .orderBy('name_key')
    .limit(limit)
    .offset(offset)
    .execute();
}

export interface TagDayUsage {
  tagId: number;
  /** YYYY-MM-DD (UTC). */
  day: string;
  uses: number;
  accounts: number;
}

/**
 * Per-day uses and distinct authors of each tag since `sinceId` (an id for a point in time),
 * counting only published, undeleted statuses: the data of Mastodon's `history` field.
 */
export async function countTagUsageByDay(db: DbExecutor, tagIds: number[], sinceId: number): Promise<TagDayUsage[]> {
  if (tagIds.length === 0) return [];
  const day = sql<string>`substr(statuses.created_at, 1, 10)`;
  const rows = await db
    .selectFrom('status_tags')
    .innerJoin('statuses', 'statuses.id', 'status_tags.status_id')
    .select([
      'status_tags.tag_id as tagId',
      day.as('day'),
      (eb) => eb.fn.countAll<number>().as('uses'),
      (eb) => eb.fn.count<number>('statuses.account_id').distinct().as('accounts'),
    ])
    .where('status_tags.tag_id', 'in', tagIds)
    .where('status_tags.status_id', '>=', sinceId)
    .where('statuses.deleted_at', 'is', null)
    .where('statuses.moderation_state', '=', 'published')
    .where('statuses.visibility', 'in', ['public', 'unlisted'])
    .groupBy(['status_tags.tag_id', day])
    .execute();
  return rows.map((r) => ({ tagId: Number(r.tagId), day: r.day, uses: Number(r.uses), accounts: Number(r.accounts) }));
}
