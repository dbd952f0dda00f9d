import type { AppContext } from '../context.js';
import { registerTimelineJobs } from '../timelines/register-timeline-jobs.js';

/**
 * The one place where job names meet their handlers. Each area exports a
 * `register…Jobs(ctx)` function; add it here.
 */
export function registerJobHandlers(ctx: AppContext): void {
  registerTimelineJobs(ctx);
  void ctx;
}
