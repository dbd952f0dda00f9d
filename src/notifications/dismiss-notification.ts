import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { notFound } from '../api/errors.js';
import { deleteNotification } from './notification-queries.js';

/** Deletes one of the viewer's notifications; 404 when it is not theirs. */
export async function dismissNotification(ctx: AppContext, input: { viewer: Account; id: number }): Promise<void> {
  if (!(await deleteNotification(ctx.database.db, input.viewer.id, input.id))) throw notFound();
}
