import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { notFound } from '../api/errors.js';
import type { SerializedNotification } from '../api/serializers/notification.js';
import { findVisibleNotification } from './notification-queries.js';
import { presentNotifications } from './present-notifications.js';

/** One of the viewer's notifications; 404 when it is not theirs or no longer shown. */
export async function getNotification(ctx: AppContext, input: { viewer: Account; id: number }): Promise<SerializedNotification> {
  const row = await findVisibleNotification(ctx.database.db, input.viewer.id, input.id);
  const [presented] = row ? await presentNotifications(ctx, [row], input.viewer) : [];
  if (!presented) throw notFound();
  return presented;
}
