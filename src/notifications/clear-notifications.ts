import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { deleteAllNotifications } from './notification-queries.js';

/** Deletes all of the viewer's notifications. */
export async function clearNotifications(ctx: AppContext, input: { viewer: Account }): Promise<void> {
  await deleteAllNotifications(ctx.database.db, input.viewer.id);
}
