import type { Selectable } from 'kysely';
import type { Config } from '../../config/env.js';
import type { Account } from '../auth.js';
import type { UsersTable } from '../../db/schema/accounts.js';
import { serializeAccount } from './account.js';

/** Mastodon's Admin::Account entity (what moderators see about an account). */
export function serializeAdminAccount(account: Account, user: Selectable<UsersTable> | undefined, config: Config) {
  return {
    id: String(account.id),
    username: account.username,
    domain: account.domain,
    created_at: account.created_at,
    email: user?.email ?? null,
    ip: null,
    ips: [],
    locale: user?.locale ?? null,
    invite_request: user?.sign_up_reason ?? null,
    role: user ? { id: user.role, name: user.role, permissions: '0', color: '', highlighted: user.role !== 'user' } : null,
    confirmed: user !== undefined,
    approved: user ? user.approved === 1 : true,
    disabled: user ? user.disabled === 1 : false,
    silenced: account.silenced_at !== null,
    suspended: account.suspended_at !== null,
    sensitized: account.sensitized_at !== null,
    account: serializeAccount(account, config),
    parley: {
      suspension_ends_at: account.suspension_ends_at,
      silence_ends_at: account.silence_ends_at,
      moderation_languages: user?.moderation_languages ? (JSON.parse(user.moderation_languages) as string[]) : [],
    },
  };
}

export type SerializedAdminAccount = ReturnType<typeof serializeAdminAccount>;
