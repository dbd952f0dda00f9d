import type { Tx } from '../db/database.js';
import type { NotificationType } from '../db/schema/notifications.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';

export interface NewNotification {
  recipientId: number;
  fromAccountId: number;
  type: NotificationType;
  statusId?: number | null;
  data?: Record<string, unknown> | null;
}

/**
 * Stores a notification unless the recipient would not want it: no self-notifications, none
 * from accounts they block or that block them, none from accounts they muted with
 * notifications hidden. Returns the id, or null when suppressed.
 */
export async function createNotification(tx: Tx, input: NewNotification): Promise<number | null> {
  if (input.recipientId === input.fromAccountId) return null;
  const db = tx.db;
  const blocked = await db
    .selectFrom('blocks')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('account_id', '=', input.recipientId), eb('target_account_id', '=', input.fromAccountId)]),
        eb.and([eb('account_id', '=', input.fromAccountId), eb('target_account_id', '=', input.recipientId)]),
      ]),
    )
    .executeTakeFirst();
  if (blocked) return null;
  const now = nowIso();
  const muted = await db
    .selectFrom('mutes')
    .select('id')
    .where('account_id', '=', input.recipientId)
    .where('target_account_id', '=', input.fromAccountId)
    .where('hide_notifications', '=', 1)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  if (muted) return null;
  const id = generateId();
  await db
    .insertInto('notifications')
    .values({
      id,
      account_id: input.recipientId,
      from_account_id: input.fromAccountId,
      type: input.type,
      status_id: input.statusId ?? null,
      data: input.data ? JSON.stringify(input.data) : null,
      created_at: now,
    })
    .execute();
  return id;
}
