import type { Config } from '../../config/env.js';
import type { Account } from '../auth.js';
import { escapeHtml } from '../../text/render-content.js';

export interface AccountField {
  name: string;
  value: string;
  verified_at: string | null;
}

/**
 * Mastodon's Account entity. Pure: a loaded row in, JSON out. A suspended account keeps its
 * handle and counts but shows no profile (empty name, bio and fields, default images), as on
 * Mastodon.
 */
export function serializeAccount(account: Account, config: Config) {
  const suspended = account.suspended_at !== null;
  const acct = account.domain ? `${account.username}@${account.domain}` : account.username;
  const url = account.domain ? (account.uri ?? '') : `${config.publicUrl}/@${account.username}`;
  const avatar = (suspended ? null : account.avatar_url) ?? `${config.publicUrl}/avatars/original/missing.png`;
  const header = (suspended ? null : account.header_url) ?? `${config.publicUrl}/headers/original/missing.png`;
  const fields = suspended ? [] : parseFields(account.fields);
  return {
    id: String(account.id),
    username: account.username,
    acct,
    display_name: suspended ? '' : account.display_name,
    locked: !suspended && account.locked === 1,
    bot: !suspended && account.bot === 1,
    discoverable: !suspended && account.discoverable === 1,
    indexable: !suspended && account.discoverable === 1,
    group: false,
    created_at: startOfDay(account.created_at),
    note: suspended ? '' : account.note_html,
    url,
    uri: account.uri ?? url,
    avatar,
    avatar_static: avatar,
    header,
    header_static: header,
    followers_count: account.followers_count,
    following_count: account.following_count,
    statuses_count: account.statuses_count,
    last_status_at: account.last_status_at ? account.last_status_at.slice(0, 10) : null,
    hide_collections: false,
    noindex: false,
    emojis: [],
    roles: [],
    fields: fields.map((f) => ({ name: f.name, value: escapeHtml(f.value), verified_at: f.verified_at })),
    ...(account.suspended_at ? { suspended: true } : {}),
    ...(account.silenced_at ? { limited: true } : {}),
  };
}

export type SerializedAccount = ReturnType<typeof serializeAccount>;

/** The extra `source` block of verify_credentials / update_credentials. */
export function serializeCredentialAccount(
  account: Account,
  user: { default_visibility: string; default_sensitive: number; default_language: string | null; role: string },
  config: Config,
  followRequestsCount: number,
) {
  return {
    ...serializeAccount(account, config),
    source: {
      privacy: user.default_visibility,
      sensitive: user.default_sensitive === 1,
      language: user.default_language ?? '',
      note: account.note,
      fields: parseFields(account.fields),
      follow_requests_count: followRequestsCount,
      discoverable: account.discoverable === 1,
      indexable: account.discoverable === 1,
      hide_collections: false,
      attribution_domains: [],
    },
    role: { id: user.role, name: user.role, permissions: rolePermissions(user.role), color: '', highlighted: user.role !== 'user' },
  };
}

export function parseFields(json: string): AccountField[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as AccountField[]) : [];
  } catch {
    return [];
  }
}

/** Mastodon reports account creation dates at day precision. */
function startOfDay(iso: string): string {
  return `${iso.slice(0, 10)}T00:00:00.000Z`;
}

// Mastodon's permission bit flags: administrator = 1, manage reports = 16, manage users = 1024.
function rolePermissions(role: string): string {
  if (role === 'admin') return '1';
  if (role === 'moderator') return String(16 | 1024);
  return '0';
}
