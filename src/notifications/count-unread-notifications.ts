import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { countNotificationsAfter, type NotificationFilter } from './notification-queries.js';

/** Notifications newer than the viewer's `notifications` read marker (Mastodon caps the count). */
export async function countUnreadNotifications(
  ctx: AppContext,
  input: { viewer: Account; filter: NotificationFilter; cap: number },
): Promise<number> {
  const { db } = ctx.database;
  const marker = await db
    .selectFrom('markers')
    .select('last_read_id')
    .where('account_id', '=', input.viewer.id)
    .where('timeline', '=', 'notifications')
    .executeTakeFirst();
  return countNotificationsAfter(db, input.viewer.id, input.filter, marker?.last_read_id ?? 0, input.cap);
}
