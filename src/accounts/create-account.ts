import type { AppContext } from '../context.js';
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
}

export const USERNAME_PATTERN = /^[a-z0-9_]{1,30}$/i;
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
  if (!USERNAME_PATTERN.test(username)) {
    fail('username', 'ERR_INVALID', 'must be 1 to 30 letters, digits or underscores');
  }
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
  if (Object.keys(details).length > 0) {
    const summary = Object.entries(details).map(([field, errs]) => `${field} ${errs.map((e) => e.description).join(', ')}`).join('; ');
    throw unprocessable(`Validation failed: ${summary}`, { details });
  }

  const passwordHash = await hashPassword(input.password);
  const now = nowIso();
  const accountId = generateId();
  await ctx.database.transaction(async (tx) => {
    await tx.db
      .insertInto('accounts')
      .values({
        id: accountId,
        username,
        domain: null,
        acct_key: username.toLowerCase(),
        display_name: '',
        note: '',
        note_html: '',
        locked: 0,
        bot: 0,
        discoverable: 1,
        fields: '[]',
        avatar_url: null,
        header_url: null,
        uri: `${ctx.config.publicUrl}/users/${username}`,
        followers_count: 0,
        following_count: 0,
        statuses_count: 0,
        last_status_at: null,
        suspended_at: null,
        silenced_at: null,
        sensitized_at: null,
        created_at: now,
        updated_at: now,
      })
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
  });
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').selectAll().where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return { account, user };
}
