import type { Insertable } from 'kysely';
import type { AccountsTable } from '../db/schema/accounts.js';

/**
 * A new local account row with every counter and moderation field at its starting value; the
 * caller gives what makes the account itself (id, username, uri, time) and any profile flags.
 */
export function localAccountRow(
  base: { id: number; username: string; uri: string; now: string },
  profile: Partial<Pick<AccountsTable, 'display_name' | 'locked' | 'bot' | 'discoverable'>> = {},
): Insertable<AccountsTable> {
  return {
    id: base.id,
    username: base.username,
    domain: null,
    acct_key: base.username.toLowerCase(),
    display_name: profile.display_name ?? '',
    note: '',
    note_html: '',
    locked: profile.locked ?? 0,
    bot: profile.bot ?? 0,
    discoverable: profile.discoverable ?? 1,
    fields: '[]',
    avatar_url: null,
    header_url: null,
    uri: base.uri,
    followers_count: 0,
    following_count: 0,
    statuses_count: 0,
    last_status_at: null,
    suspended_at: null,
    silenced_at: null,
    sensitized_at: null,
    created_at: base.now,
    updated_at: base.now,
  };
}
