import type { AppContext } from '../context.js';
import { NOTIFY_STATUS_UPDATE_JOB, notifyStatusUpdate } from './edit-post.js';

/** Job handlers of the posts area. */
export function registerPostJobs(ctx: AppContext): void {
  ctx.jobs.register<{ statusId: number }>(NOTIFY_STATUS_UPDATE_JOB, (payload) => notifyStatusUpdate(ctx, payload));
}
