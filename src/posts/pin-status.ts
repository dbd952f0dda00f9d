import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { unprocessable } from '../api/errors.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { lockRow } from './status-writes.js';
import { loadVisibleStatus } from './visibility.js';

/** Mastodon's limit of pinned posts per account. */
export const MAX_PINNED_STATUSES = 5;

/** Pins one of the caller's own public, unlisted or private posts to their profile (idempotent). */
export async function pinStatus(ctx: AppContext, account: Account, id: number): Promise<number> {
  const status = await loadVisibleStatus(ctx, id, account);
  if (status.account_id !== account.id) throw unprocessable("Validation failed: Someone else's post cannot be pinned");
  if (status.reblog_of_id !== null) throw unprocessable('Validation failed: A boost cannot be pinned');
  if (status.visibility === 'direct') {
    throw unprocessable('Validation failed: Posts that are only visible to mentioned users cannot be pinned');
  }
  if (status.moderation_state !== 'published') throw unprocessable('Validation failed: A post under review cannot be pinned');
  await ctx.database.transaction(async (tx) => {
    // Simultaneous pins must not pass the limit together.
    await lockRow(tx.db, ctx.database.dialect, 'accounts', account.id);
    const pins = await tx.db.selectFrom('status_pins').select('status_id').where('account_id', '=', account.id).execute();
    if (pins.some((p) => p.status_id === status.id)) return;
    if (pins.length >= MAX_PINNED_STATUSES) {
      throw unprocessable('Validation failed: You have already pinned the maximum number of posts');
    }
    await tx.db
      .insertInto('status_pins')
      .values({ id: generateId(), account_id: account.id, status_id: status.id, created_at: nowIso() })
      .execute();
  });
  return status.id;
}
