import type { AppContext } from '../context.js';
import { alertOverdueReports } from './reports/alert-overdue-reports.js';
import { purgeExpiredRemovals } from './actions/purge-expired-removals.js';

const OVERDUE_CHECK_MS = 60_000;
const PURGE_CHECK_MS = 60 * 60_000;

/** Periodic moderation checks run by the process that works jobs. Returns a stop function. */
export function startModerationTimers(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    alertOverdueReports(ctx).catch((err) => ctx.logger.error({ err }, 'overdue report check failed'));
  }, OVERDUE_CHECK_MS);
  const purge = setInterval(() => {
    purgeExpiredRemovals(ctx).catch((err) => ctx.logger.error({ err }, 'purging expired removals failed'));
  }, PURGE_CHECK_MS);
  timer.unref();
  purge.unref();
  return () => {
    clearInterval(timer);
    clearInterval(purge);
  };
}
