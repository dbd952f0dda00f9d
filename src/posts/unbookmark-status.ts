import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { resolveInteractionTarget } from './resolve-interaction-target.js';

/** Removes the caller's bookmark of a visible status (none is fine). Returns the status id. */
export async function unbookmarkStatus(ctx: AppContext, account: Account, id: number): Promise<number> {
  const status = await resolveInteractionTarget(ctx, account, id);
  await ctx.database.db.deleteFrom('bookmarks').where('account_id', '=', account.id).where('status_id', '=', status.id).execute();
  return status.id;
}
