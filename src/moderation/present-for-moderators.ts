import type { AppContext } from '../context.js';
import { presentStatuses } from '../posts/present-statuses.js';
import type { SerializedStatus } from '../api/serializers/status.js';

/**
 * Statuses as a moderator must see them: including held and removed ones. The read path already
 * shows authors their own hidden posts, so each author's posts are presented from the author's
 * point of view (one batched call per author, and reports concern few authors).
 */
export async function presentStatusesForModerators(ctx: AppContext, ids: readonly number[]): Promise<SerializedStatus[]> {
  if (ids.length === 0) return [];
  const { db } = ctx.database;
  const rows = await db.selectFrom('statuses').select(['id', 'account_id']).where('id', 'in', [...ids]).execute();
  const authors = await db.selectFrom('accounts').selectAll().where('id', 'in', [...new Set(rows.map((r) => r.account_id))]).execute();
  const byId = new Map<string, SerializedStatus>();
  for (const author of authors) {
    const authorIds = rows.filter((r) => r.account_id === author.id).map((r) => r.id);
    const presented = await presentStatuses(ctx, authorIds, author);
    for (const status of presented) byId.set(status.id, status);
  }
  return ids.flatMap((id) => byId.get(String(id)) ?? []);
}
