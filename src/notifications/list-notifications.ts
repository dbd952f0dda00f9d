import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import type { IdRange } from '../api/pagination.js';
import type { SerializedNotification } from '../api/serializers/notification.js';
import { notificationPage, type NotificationFilter } from './notification-queries.js';
import { presentNotifications } from './present-notifications.js';

/** A page of the viewer's notifications, newest first; `pageIds` drive the Link header. */
export async function listNotifications(
  ctx: AppContext,
  input: { viewer: Account; filter: NotificationFilter; range: IdRange },
): Promise<{ notifications: SerializedNotification[]; pageIds: number[] }> {
  const rows = await notificationPage(ctx.database.db, input.viewer.id, input.filter, input.range);
  const notifications = await presentNotifications(ctx, rows, input.viewer);
  return { notifications, pageIds: rows.map((r) => r.id) };
}
