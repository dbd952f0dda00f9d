import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { loadVisibleStatus } from './visibility.js';

/** Unpins a status from the caller's profile (not pinned is fine). Returns the status id. */
export async function unpinStatus(ctx: AppContext, account: Account, id: number): Promise<number> {
  const status = await loadVisibleStatus(ctx, id, account);
  await ctx.database.db.deleteFrom('status_pins').where('account_id', '=', account.id).where('status_id', '=', status.id).execute();
  return status.id;
}
