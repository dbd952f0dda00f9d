import type { Config } from '../config/env.js';
import type { DbExecutor } from '../db/database.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';

/**
 * The instance's own account, which files screening reports. Its username is the instance's
 * domain (as Mastodon's instance actor): a dot can never be part of a registered username, so
 * no user can take it. It has no login.
 */
export async function ensureSystemAccount(db: DbExecutor, config: Config) {
  const username = config.domain.replace(/:\d+$/, '');
  const key = username.toLowerCase();
  const existing = await db.selectFrom('accounts').selectAll().where('acct_key', '=', key).executeTakeFirst();
  if (existing) return existing;
  const now = nowIso();
  await db
    .insertInto('accounts')
    .values({
      id: generateId(),
      username,
      domain: null,
      acct_key: key,
      display_name: 'Parley moderation',
      note: '',
      note_html: '',
      locked: 1,
      bot: 1,
      discoverable: 0,
      fields: '[]',
      avatar_url: null,
      header_url: null,
      uri: `${config.publicUrl}/actor`,
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
    .onConflict((oc) => oc.column('acct_key').doNothing())
    .execute();
  return db.selectFrom('accounts').selectAll().where('acct_key', '=', key).executeTakeFirstOrThrow();
}
