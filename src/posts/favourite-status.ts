import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { createNotification } from '../notifications/create-notification.js';
import { resolveInteractionTarget } from './resolve-interaction-target.js';
import { adjustStatusCounter } from './status-writes.js';

/** Favourites a visible status (idempotent) and notifies its author. Returns the status id. */
export async function favouriteStatus(ctx: AppContext, account: Account, id: number): Promise<number> {
  const status = await resolveInteractionTarget(ctx, account, id);
  await ctx.database.transaction(async (tx) => {
    const result = await tx.db
      .insertInto('favourites')
      .values({ id: generateId(), account_id: account.id, status_id: status.id, created_at: nowIso() })
      .onConflict((oc) => oc.columns(['account_id', 'status_id']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return;
    await adjustStatusCounter(tx.db, status.id, 'favourites_count', 1);
    await createNotification(tx, { recipientId: status.account_id, fromAccountId: account.id, type: 'favourite', statusId: status.id });
  });
  return status.id;
}
