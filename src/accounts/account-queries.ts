import type { Selectable } from 'kysely';
import type { DbExecutor } from '../db/database.js';
import type { AccountsTable, UsersTable } from '../db/schema/accounts.js';

/** Queries of the accounts and users tables used by the profile endpoints. */
export type AccountRow = Selectable<AccountsTable>;
export type UserRow = Selectable<UsersTable>;

/**
 * An account as others may see it: unknown ids and local accounts still waiting for approval
 * are not found (as on Mastodon); suspended accounts are found and rendered as suspended.
 */
export async function findVisibleAccount(db: DbExecutor, where: { id: number } | { acctKey: string }): Promise<AccountRow | undefined> {
  const row = await db
    .selectFrom('accounts')
    .leftJoin('users', 'users.account_id', 'accounts.id')
    .selectAll('accounts')
    .select('users.approved as user_approved')
    .$if('id' in where, (qb) => qb.where('accounts.id', '=', (where as { id: number }).id))
    .$if('acctKey' in where, (qb) => qb.where('accounts.acct_key', '=', (where as { acctKey: string }).acctKey))
    .executeTakeFirst();
  if (!row) return undefined;
  const { user_approved, ...account } = row;
  if (account.domain === null && user_approved === 0) return undefined;
  return account;
}

/** Local accounts by lower-cased username, for rendering mentions in a bio (one query). */
export async function findLocalAccountsByUsernames(db: DbExecutor, usernames: string[]): Promise<AccountRow[]> {
  const keys = [...new Set(usernames.map((u) => u.toLowerCase()))];
  if (keys.length === 0) return [];
  return db.selectFrom('accounts').selectAll().where('domain', 'is', null).where('acct_key', 'in', keys).execute();
}

export async function countPendingFollowRequests(db: DbExecutor, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('follow_requests')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('target_account_id', '=', accountId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function loadAccountAndUser(db: DbExecutor, accountId: number): Promise<{ account: AccountRow; user: UserRow }> {
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return { account, user };
}
