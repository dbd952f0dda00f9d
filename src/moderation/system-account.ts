import type { Config } from '../config/env.js';
import type { DbExecutor } from '../db/database.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { localAccountRow } from '../accounts/local-account-row.js';

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
    .values(
      localAccountRow(
        { id: generateId(), username, uri: `${config.publicUrl}/actor`, now },
        { display_name: 'Parley moderation', locked: 1, bot: 1, discoverable: 0 },
      ),
    )
    .onConflict((oc) => oc.column('acct_key').doNothing())
    .execute();
  return db.selectFrom('accounts').selectAll().where('acct_key', '=', key).executeTakeFirstOrThrow();
}
