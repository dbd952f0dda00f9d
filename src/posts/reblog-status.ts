import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { forbidden } from '../api/errors.js';
import type { Visibility } from '../db/schema/statuses.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { createNotification } from '../notifications/create-notification.js';
import { assertVisibility } from './post-rules.js';
import { adjustStatusCounter, adjustStatusesCount, lockRow } from './status-writes.js';
import { loadVisibleStatus } from './visibility.js';

/**
 * Boosts a status (the original when given a boost). Private posts can be boosted only by
 * their author, privately; direct posts never. Boosting twice returns the first boost.
 * Returns the boost's id.
 */
export async function reblogStatus(ctx: AppContext, account: Account, id: number, visibilityParam?: string | null): Promise<number> {
  let status = await loadVisibleStatus(ctx, id, account);
  if (status.reblog_of_id !== null) status = await loadVisibleStatus(ctx, status.reblog_of_id, account);
  const owned = status.account_id === account.id;
  if (status.visibility === 'direct' || (status.visibility === 'private' && !owned)) throw forbidden();
  if (status.moderation_state !== 'published') throw forbidden();

  const { db } = ctx.database;
  const existing = await findLiveReblog(ctx, account.id, status.id);
  if (existing !== null) return existing;

  let visibility: Visibility;
  if (status.visibility === 'private') visibility = 'private';
  else if (visibilityParam) visibility = assertVisibility(visibilityParam);
  else {
    const prefs = await db.selectFrom('users').select('default_visibility').where('account_id', '=', account.id).executeTakeFirst();
    visibility = assertVisibility(prefs?.default_visibility ?? 'public');
  }
  if (visibility === 'direct') visibility = 'private';

  const newId = generateId();
  return ctx.database.transaction(async (tx) => {
    // Two simultaneous boosts by one account must still make one boost.
    await lockRow(tx.db, ctx.database.dialect, 'statuses', status.id);
    const raced = await tx.db
      .selectFrom('statuses')
      .select('id')
      .where('account_id', '=', account.id)
      .where('reblog_of_id', '=', status.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (raced) return raced.id;
    await tx.db
      .insertInto('statuses')
      .values({
        id: newId,
        account_id: account.id,
        uri: null,
        text: '',
        content: '',
        spoiler_text: '',
        sensitive: 0,
        visibility,
        language: null,
        in_reply_to_id: null,
        in_reply_to_account_id: null,
        reblog_of_id: status.id,
        application_id: null,
        replies_count: 0,
        reblogs_count: 0,
        favourites_count: 0,
        moderation_state: 'published',
        screening: null,
        created_at: nowIso(),
        edited_at: null,
        deleted_at: null,
      })
      .execute();
    await adjustStatusCounter(tx.db, status.id, 'reblogs_count', 1);
    await adjustStatusesCount(tx.db, [account.id], 1);
    await createNotification(tx, { recipientId: status.account_id, fromAccountId: account.id, type: 'reblog', statusId: newId });
    await ctx.jobs.enqueue(tx, 'fan-out-status', { statusId: newId });
    return newId;
  });
}

export async function findLiveReblog(ctx: AppContext, accountId: number, statusId: number): Promise<number | null> {
  const row = await ctx.database.db
    .selectFrom('statuses')
    .select('id')
    .where('account_id', '=', accountId)
    .where('reblog_of_id', '=', statusId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}
