import type { AppContext } from '../context.js';
import { liftExpiredSanction, type LiftableSanction } from './actions/act-on-account.js';

/** Moderation's background work: timed sanctions that lift themselves. */
export function registerModerationJobs(ctx: AppContext): void {
  ctx.jobs.register<{ accountId: number; sanction: LiftableSanction; endsAt: string }>('lift-account-sanction', (payload) =>
    liftExpiredSanction(ctx, payload),
  );
}
