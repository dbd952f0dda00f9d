import type { AppContext } from '../context.js';
import { notFound, unprocessable } from '../api/errors.js';

/**
 * Lets an account that signed up under approval-mode registrations log in. Refuses unknown
 * names and accounts that are not waiting, so an operator's typo is never silent.
 */
export async function approveAccount(ctx: AppContext, username: string): Promise<void> {
  const { db } = ctx.database;
  const row = await db
    .selectFrom('accounts')
    .innerJoin('users', 'users.account_id', 'accounts.id')
    .select(['users.id as user_id', 'users.approved'])
    .where('accounts.acct_key', '=', username.replace(/^@/, '').toLowerCase())
    .where('accounts.domain', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound(`No local account named @${username.replace(/^@/, '')}`);
  if (row.approved) throw unprocessable(`@${username.replace(/^@/, '')} is not awaiting approval`);
  await db.updateTable('users').set({ approved: 1 }).where('id', '=', row.user_id).where('approved', '=', 0).execute();
}
