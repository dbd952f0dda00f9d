import type { AppContext } from '../context.js';
import { fanOutStatus } from './fan-out-status.js';
import { mergeHomeFeed } from './merge-home-feed.js';

/** Job handlers of the timelines area. */
export function registerTimelineJobs(ctx: AppContext): void {
  ctx.jobs.register<{ statusId: number | string }>('fan-out-status', (p) => fanOutStatus(ctx, Number(p.statusId)));
  ctx.jobs.register<{ accountId: number; targetAccountId: number }>('merge-home-feed', (p) =>
    mergeHomeFeed(ctx, { accountId: Number(p.accountId), targetAccountId: Number(p.targetAccountId) }),
  );
}
