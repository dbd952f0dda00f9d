import type { AppContext } from '../context.js';
import { createNotification } from '../notifications/create-notification.js';

export const NOTIFY_STAFF_OF_SIGN_UP = 'notify-staff-of-sign-up';

/**
 * Job: tells admins and moderators about a new sign-up with an `admin.sign_up` notification,
 * as Mastodon does (they approve pending accounts). Idempotent: staff already notified of
 * this account are skipped, so a retried job does not notify twice.
 */
export async function notifyStaffOfSignUp(ctx: AppContext, payload: { accountId: number }): Promise<void> {
  const { db } = ctx.database;
  // A missing account (removed since) means there is nothing left to announce.
  const exists = await db.selectFrom('accounts').select('id').where('id', '=', payload.accountId).executeTakeFirst();
  if (!exists) return;
  const staff = await db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select('users.account_id')
    .where('users.role', 'in', ['admin', 'moderator'])
    .where('users.disabled', '=', 0)
    .where('accounts.suspended_at', 'is', null)
    .execute();
  if (staff.length === 0) return;
  const notified = await db
    .selectFrom('notifications')
    .select('account_id')
    .where('type', '=', 'admin.sign_up')
    .where('from_account_id', '=', payload.accountId)
    .execute();
  const skip = new Set(notified.map((n) => n.account_id));
  await ctx.database.transaction(async (tx) => {
    for (const { account_id } of staff) {
      if (skip.has(account_id)) continue;
      await createNotification(tx, { recipientId: account_id, fromAccountId: payload.accountId, type: 'admin.sign_up' });
    }
  });
}

export function registerAccountJobs(ctx: AppContext): void {
  ctx.jobs.register<{ accountId: number }>(NOTIFY_STAFF_OF_SIGN_UP, (payload) => notifyStaffOfSignUp(ctx, payload));
}
