import type { AppContext } from '../context.js';
import { registerAccountJobs } from '../accounts/notify-staff-of-sign-up.js';
import { registerPostJobs } from '../posts/register-post-jobs.js';
import { registerTimelineJobs } from '../timelines/register-timeline-jobs.js';
import { registerModerationJobs } from '../moderation/jobs.js';

/**
 * The one place where job names meet their handlers. Each area exports a
 * `register…Jobs(ctx)` function; add it here.
 */
export function registerJobHandlers(ctx: AppContext): void {
  registerAccountJobs(ctx);
  registerPostJobs(ctx);
  registerTimelineJobs(ctx);
  registerModerationJobs(ctx);
  void ctx;
}
