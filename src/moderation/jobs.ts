import type { AppContext } from '../context.js';
import { postJsonSafely } from '../lib/safe-http.js';
import { liftExpiredSanction, type LiftableSanction } from './actions/act-on-account.js';

/** Moderation's background work: timed sanctions that lift themselves, alert webhooks. */
export function registerModerationJobs(ctx: AppContext): void {
  ctx.jobs.register<{ accountId: number; sanction: LiftableSanction; endsAt: string }>('lift-account-sanction', (payload) =>
    liftExpiredSanction(ctx, payload),
  );
  ctx.jobs.register<{ url: string; body: unknown }>('deliver-moderation-webhook', async ({ url, body }) => {
    const status = await postJsonSafely(url, body);
    // A failed delivery is retried with backoff by the queue.
    if (status < 200 || status >= 300) throw new Error(`webhook answered HTTP ${status}`);
  });
}
