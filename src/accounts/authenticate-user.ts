import type { Selectable } from 'kysely';
import type { AppContext } from '../context.js';
import type { AccountsTable, UsersTable } from '../db/schema/accounts.js';
import { hashPassword, verifyPassword } from '../lib/passwords.js';

export type LoginFailure = 'invalid_credentials' | 'pending_approval' | 'disabled';

export type LoginResult =
  | { ok: true; account: Selectable<AccountsTable>; user: Selectable<UsersTable> }
  | { ok: false; reason: LoginFailure };

// @NOTE: verified against when the e-mail is unknown, so both cases take the same time.
let dummyHash: Promise<string> | null = null;

/**
 * Checks an e-mail and password (the OAuth password grant and the authorize form). A pending
 * or disabled login is only reported once the password is proven, so nothing leaks to guessers.
 */
export async function authenticateUser(ctx: AppContext, email: string, password: string): Promise<LoginResult> {
  const { db } = ctx.database;
  const user = await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  if (!user) {
    dummyHash ??= hashPassword('parley-timing-equaliser');
    await verifyPassword(await dummyHash, password);
    return { ok: false, reason: 'invalid_credentials' };
  }
  if (!(await verifyPassword(user.password_hash, password))) return { ok: false, reason: 'invalid_credentials' };
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', user.account_id).executeTakeFirstOrThrow();
  if (user.disabled || account.suspended_at) return { ok: false, reason: 'disabled' };
  if (!user.approved) return { ok: false, reason: 'pending_approval' };
  return { ok: true, account, user };
}
