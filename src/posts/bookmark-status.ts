import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { resolveInteractionTarget } from './resolve-interaction-target.js';

/** Bookmarks a visible status (idempotent). Returns the status id. */
export async function bookmarkStatus(ctx: AppContext, account: Account, id: number): Promise<number> {
  const status = await resolveInteractionTarget(ctx, account, id);
  await ctx.database.db
    .insertInto('bookmarks')
    .values({ id: generateId(), account_id: account.id, status_id: status.id, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['account_id', 'status_id']).doNothing())
    .execute();
  return status.id;
}
