import type { AppContext } from '../../context.js';
import type { ReportLane } from '../../db/schema/moderation.js';
import { nowIso } from '../../lib/time.js';
import { idForTime } from '../../lib/ids.js';

export interface LaneMetrics {
  lane: ReportLane;
  /** Reports opened in the window. */
  inflow: number;
  /** Reports decided in the window. */
  decisions: number;
  /** Time from report (or hold) to decision, for reports decided in the window, in seconds. */
  median_seconds_to_decision: number | null;
  p90_seconds_to_decision: number | null;
  /** Open reports past their deadline now. */
  overdue: number;
  /** Of the inflow, the share found by screening, by user reports and by trusted flaggers. */
  share_by_source: { screening: number; user: number; flagger: number };
}

/**
 * Per-lane measures over a time window, computed from the moderation log (`report.created` and
 * the first `report.resolved` of each report), so they cannot drift from what happened.
 */
export async function computeLaneMetrics(
  ctx: AppContext,
  window: { since: string; until?: string },
  /** `now`: open reports past their deadline right now (for moderators); `log`: overdue alerts raised in the window. */
  overdueMode: 'now' | 'log' = 'now',
): Promise<LaneMetrics[]> {
  const { db } = ctx.database;
  const until = window.until ?? nowIso();
  const events = await db
    .selectFrom('moderation_events')
    .innerJoin('reports', 'reports.id', 'moderation_events.report_id')
    .select(['moderation_events.action', 'moderation_events.created_at', 'reports.id as report_id', 'reports.lane', 'reports.source', 'reports.created_at as opened_at'])
    .where('moderation_events.action', 'in', ['report.created', 'report.resolved'])
    // Ids are time-ordered: the primary key narrows the scan to the window.
    .where('moderation_events.id', '>=', idForTime(new Date(window.since)))
    .where('moderation_events.created_at', '>=', window.since)
    .where('moderation_events.created_at', '<=', until)
    .orderBy('moderation_events.id')
    .execute();
  const overdueRows =
    overdueMode === 'now'
      ? await db
          .selectFrom('reports')
          .select(['lane', (eb) => eb.fn.countAll<number>().as('n')])
          .where('action_taken_at', 'is', null)
          .where('deadline_at', '<', nowIso())
          .groupBy('lane')
          .execute()
      : await db
          .selectFrom('moderation_events')
          .innerJoin('reports', 'reports.id', 'moderation_events.report_id')
          .select(['reports.lane', (eb) => eb.fn.countAll<number>().as('n')])
          .where('moderation_events.action', '=', 'report.overdue')
          .where('moderation_events.id', '>=', idForTime(new Date(window.since)))
          .where('moderation_events.created_at', '>=', window.since)
          .where('moderation_events.created_at', '<=', until)
          .groupBy('reports.lane')
          .execute();
  const overdue = new Map(overdueRows.map((r) => [r.lane, Number(r.n)]));

  return (['violent', 'general'] as const).map((lane) => {
    const laneEvents = events.filter((e) => e.lane === lane);
    const created = laneEvents.filter((e) => e.action === 'report.created');
    const firstResolution = new Map<number, string>();
    for (const e of laneEvents) if (e.action === 'report.resolved' && !firstResolution.has(e.report_id)) firstResolution.set(e.report_id, e.created_at);
    const openedAt = new Map(laneEvents.map((e) => [e.report_id, e.opened_at]));
    const durations = [...firstResolution.entries()]
      .map(([id, at]) => (Date.parse(at) - Date.parse(openedAt.get(id)!)) / 1000)
      .sort((a, b) => a - b);
    const share = (source: string) => (created.length ? round(created.filter((e) => e.source === source).length / created.length) : 0);
    return {
      lane,
      inflow: created.length,
      decisions: firstResolution.size,
      median_seconds_to_decision: quantile(durations, 0.5),
      p90_seconds_to_decision: quantile(durations, 0.9),
      overdue: overdue.get(lane) ?? 0,
      share_by_source: { screening: share('screening'), user: share('user'), flagger: share('flagger') },
    };
  });
}

/** Nearest-rank quantile of sorted values. */
export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return round(sorted[rank - 1]!);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
