import type { AppContext } from '../context.js';
import type { UserRole } from '../db/schema/accounts.js';
import { notFound } from '../api/errors.js';

/** Changes a local user's role (user, moderator, admin). */
export async function setUserRole(ctx: AppContext, username: string, role: UserRole): Promise<void> {
  const { db } = ctx.database;
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('acct_key', '=', username.replace(/^@/, '').toLowerCase())
    .executeTakeFirst();
  if (!account) throw notFound(`No local account named @${username}`);
  await db.updateTable('users').set({ role }).where('account_id', '=', account.id).execute();
}
