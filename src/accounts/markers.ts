import type { Selectable } from 'kysely';
import type { AppContext } from '../context.js';
import type { MarkersTable } from '../db/schema/feeds.js';
import { nowIso } from '../lib/time.js';

export type MarkerTimeline = 'home' | 'notifications';
export const MARKER_TIMELINES: readonly MarkerTimeline[] = ['home', 'notifications'];
export type Marker = Selectable<MarkersTable>;

/** GET /api/v1/markers: the requested timelines' read positions that exist. */
export async function getMarkers(ctx: AppContext, accountId: number, timelines: MarkerTimeline[]): Promise<Marker[]> {
  if (timelines.length === 0) return [];
  return ctx.database.db
    .selectFrom('markers')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('timeline', 'in', timelines)
    .execute();
}

/**
 * POST /api/v1/markers: saves read positions in one transaction. The version starts at 0 and
 * goes up by one each time the position actually moves (Rails' lock_version, as on Mastodon).
 */
export async function saveMarkers(
  ctx: AppContext,
  accountId: number,
  positions: Partial<Record<MarkerTimeline, number>>,
): Promise<Marker[]> {
  const entries = Object.entries(positions) as Array<[MarkerTimeline, number]>;
  await ctx.database.transaction(async (tx) => {
    for (const [timeline, lastReadId] of entries) {
      const now = nowIso();
      await tx.db
        .insertInto('markers')
        .values({ account_id: accountId, timeline, last_read_id: lastReadId, version: 0, updated_at: now })
        .onConflict((oc) =>
          oc
            .columns(['account_id', 'timeline'])
            .doUpdateSet((eb) => ({ last_read_id: lastReadId, version: eb('markers.version', '+', 1), updated_at: now }))
            .where('markers.last_read_id', '<>', lastReadId),
        )
        .execute();
    }
  });
  return getMarkers(ctx, accountId, entries.map(([t]) => t));
}
