import { localAccountRow } from './local-account-row.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/database.js';
import type { UserRole } from '../db/schema/accounts.js';
import { unprocessable } from '../api/errors.js';
import { generateId } from '../lib/ids.js';
import { hashPassword } from '../lib/passwords.js';
import { nowIso } from '../lib/time.js';

export interface NewAccount {
  username: string;
  email: string;
  password: string;
  role?: UserRole;
  locale?: string;
  /** False when registrations need approval: the user cannot log in until approved. */
  approved?: boolean;
  reason?: string | null;
  /** Operators (the CLI) may create reserved names such as `admin`; sign-ups may not. */
  allowReserved?: boolean;
  /** Runs inside the creating transaction (issue a token, enqueue follow-up jobs). */
  afterInsert?: (tx: Tx, accountId: number) => Promise<void>;
}

export const USERNAME_PATTERN = /^[a-z0-9_]+$/i;
export const MAX_USERNAME_LENGTH = 30;
/** Names that would let someone pass for staff or a system address (Mastodon's list and a few more). */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([
  'admin', 'administrator', 'root', 'support', 'help', 'webmaster', 'hostmaster', 'postmaster', 'mod', 'moderator',
  'moderators', 'staff', 'security', 'abuse', 'noreply', 'no_reply', 'system', 'official', 'parley', 'instance', 'api',
]);
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates a local account and its login. Validation errors are 422s naming the field, in the
 * shape Mastodon uses (`details: { field: [{ error, description }] }`), and store nothing.
 */
export async function createAccount(ctx: AppContext, input: NewAccount) {
  const username = input.username.trim();
  const email = input.email.trim().toLowerCase();
  const details: Record<string, Array<{ error: string; description: string }>> = {};
  const fail = (field: string, error: string, description: string) => {
    (details[field] ??= []).push({ error, description });
  };
  if (!username) fail('username', 'ERR_BLANK', "can't be blank");
  else if (!USERNAME_PATTERN.test(username)) fail('username', 'ERR_INVALID', 'must contain only letters, numbers and underscores');
  else if (username.length > MAX_USERNAME_LENGTH) fail('username', 'ERR_TOO_LONG', `is too long (maximum is ${MAX_USERNAME_LENGTH} characters)`);
  else if (!input.allowReserved && RESERVED_USERNAMES.has(username.toLowerCase())) fail('username', 'ERR_RESERVED', 'is reserved');
  if (!EMAIL_PATTERN.test(email) || email.length > 254) fail('email', 'ERR_INVALID', 'is not a valid e-mail address');
  if (input.password.length < MIN_PASSWORD_LENGTH) fail('password', 'ERR_TOO_SHORT', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (input.password.length > MAX_PASSWORD_LENGTH) fail('password', 'ERR_TOO_LONG', `must be at most ${MAX_PASSWORD_LENGTH} characters`);

  const { db } = ctx.database;
  if (!details.username) {
    const taken = await db.selectFrom('accounts').select('id').where('acct_key', '=', username.toLowerCase()).executeTakeFirst();
    if (taken) fail('username', 'ERR_TAKEN', 'is already taken');
  }
  if (!details.email) {
    const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) fail('email', 'ERR_TAKEN', 'is already taken');
  }
  if (Object.keys(details).length > 0) throw validationFailed(details);

  const passwordHash = await hashPassword(input.password);
  const now = nowIso();
  const accountId = generateId();
  await insertAccountAndUser(ctx, accountId, username, email, passwordHash, now, input);
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return { account, user };
}

type FieldErrors = Record<string, Array<{ error: string; description: string }>>;

/** Mastodon's ValidationErrorFormatter shape: a summary plus `details` per field. */
function validationFailed(details: FieldErrors) {
  const summary = Object.entries(details).map(([field, errs]) => `${field} ${errs.map((e) => e.description).join(', ')}`).join('; ');
  return unprocessable(`Validation failed: ${summary}`, { details });
}

/** Unique violations on SQLite and PostgreSQL, and which field they concern. */
function uniqueViolationField(err: unknown): 'username' | 'email' | null {
  const e = err as { code?: string; message?: string; constraint?: string; detail?: string };
  const unique = e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === '23505';
  if (!unique) return null;
  const where = `${e.message ?? ''} ${e.constraint ?? ''} ${e.detail ?? ''}`;
  if (/email/i.test(where)) return 'email';
  return /acct_key/i.test(where) ? 'username' : null;
}

async function insertAccountAndUser(
  ctx: AppContext,
  accountId: number,
  username: string,
  email: string,
  passwordHash: string,
  now: string,
  input: NewAccount,
): Promise<void> {
  try {
    await ctx.database.transaction(async (tx) => {
      await tx.db
        .insertInto('accounts')
        .values(localAccountRow({ id: accountId, username, uri: `${ctx.config.publicUrl}/users/${username}`, now }))
        .execute();
      await tx.db
        .insertInto('users')
        .values({
          id: generateId(),
          account_id: accountId,
          email,
          password_hash: passwordHash,
          role: input.role ?? 'user',
          approved: input.approved === false ? 0 : 1,
          disabled: 0,
          locale: input.locale ?? 'en',
          sign_up_reason: input.reason ?? null,
          default_visibility: 'public',
          default_sensitive: 0,
          default_language: null,
          created_at: now,
          last_sign_in_at: null,
          last_active_at: now,
        })
        .execute();
      await input.afterInsert?.(tx, accountId);
    });
  } catch (err) {
    // Two sign-ups racing for one name or address: the loser gets the same 422 as a checked duplicate.
    const field = uniqueViolationField(err);
    if (!field) throw err;
    throw validationFailed({ [field]: [{ error: 'ERR_TAKEN', description: 'is already taken' }] });
  }
}
