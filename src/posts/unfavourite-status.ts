import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { resolveInteractionTarget } from './resolve-interaction-target.js';
import { adjustStatusCounter } from './status-writes.js';

/** Removes the caller's favourite of a visible status (none is fine). Returns the status id. */
export async function unfavouriteStatus(ctx: AppContext, account: Account, id: number): Promise<number> {
  const status = await resolveInteractionTarget(ctx, account, id);
  await ctx.database.transaction(async (tx) => {
    const result = await tx.db
      .deleteFrom('favourites')
      .where('account_id', '=', account.id)
      .where('status_id', '=', status.id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return;
    await adjustStatusCounter(tx.db, status.id, 'favourites_count', -1);
    // The author's notification of this favourite goes with it, as in Mastodon.
    await tx.db
      .deleteFrom('notifications')
      .where('type', '=', 'favourite')
      .where('status_id', '=', status.id)
      .where('from_account_id', '=', account.id)
      .execute();
  });
  return status.id;
}
