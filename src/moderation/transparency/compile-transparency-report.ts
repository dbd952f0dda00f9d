import type { AppContext } from '../../context.js';
import { computeLaneMetrics } from '../metrics/compute-lane-metrics.js';
import { idForTime } from '../../lib/ids.js';

export interface TransparencyReport {
  period: { start: string; end: string };
  reports: { total: number; by_source: Record<string, number>; by_category: Record<string, number> };
  decisions: Record<string, number>;
  appeals: { filed: number; approved: number; rejected: number };
  jury: { votes: number };
  trusted_flaggers: { notices: number };
  lanes: Awaited<ReturnType<typeof computeLaneMetrics>>;
}

const DECISIONS = [
  'status.removed',
  'status.approved',
  'status.marked_sensitive',
  'status.restored',
  'account.warned',
  'account.silence',
  'account.suspend',
  'account.disable',
  'account.sensitive',
];

/**
 * The public transparency report for a period: how many reports came from where, in which
 * categories, what was decided, how appeals and the jury went, and how fast each lane was.
 * Aggregates only, computed from the moderation log: no account, post or reporter appears.
 */
export async function compileTransparencyReport(ctx: AppContext, period: { start: string; end: string }): Promise<TransparencyReport> {
  const { db } = ctx.database;
  const events = await db
    .selectFrom('moderation_events')
    .select(['action', 'data'])
    .where('id', '>=', idForTime(new Date(period.start)))
    .where('created_at', '>=', period.start)
    .where('created_at', '<', period.end)
    .execute();
  const count = (action: string) => events.filter((e) => e.action === action).length;
  const created = events.filter((e) => e.action === 'report.created').map((e) => (e.data ? (JSON.parse(e.data) as { source?: string; category?: string }) : {}));
  const tally = (values: Array<string | undefined>) =>
    values.reduce<Record<string, number>>((acc, v) => ((acc[v ?? 'unknown'] = (acc[v ?? 'unknown'] ?? 0) + 1), acc), {});
  const notices = await db
    .selectFrom('flags')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_at', '>=', period.start)
    .where('created_at', '<', period.end)
    .executeTakeFirstOrThrow();
  return {
    period,
    reports: { total: created.length, by_source: tally(created.map((c) => c.source)), by_category: tally(created.map((c) => c.category)) },
    decisions: Object.fromEntries(DECISIONS.map((a) => [a, count(a)])),
    appeals: { filed: count('appeal.filed'), approved: count('appeal.approved'), rejected: count('appeal.rejected') },
    jury: { votes: count('jury.voted') },
    trusted_flaggers: { notices: Number(notices.n) },
    lanes: await computeLaneMetrics(ctx, { since: period.start, until: period.end }, 'log'),
  };
}
