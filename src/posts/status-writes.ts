import { sql } from 'kysely';
import type { DbExecutor } from '../db/database.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { hashtagKey } from '../text/parse-text.js';

/** The write queries of the statuses table group; callers pass a transaction handle. */

/** Links `statusId` to exactly these hashtags, creating missing tags (keyed by `name_key`). */
export async function setStatusTags(db: DbExecutor, statusId: number, names: readonly string[]): Promise<void> {
  await db.deleteFrom('status_tags').where('status_id', '=', statusId).execute();
  if (names.length === 0) return;
  const now = nowIso();
  const byKey = new Map<string, string>();
  for (const name of names) if (!byKey.has(hashtagKey(name))) byKey.set(hashtagKey(name), name);
  const keys = [...byKey.keys()];
  await db
    .insertInto('tags')
    .values(keys.map((key) => ({ id: generateId(), name: byKey.get(key)!, name_key: key, created_at: now })))
    .onConflict((oc) => oc.column('name_key').doNothing())
    .execute();
  const tags = await db.selectFrom('tags').select('id').where('name_key', 'in', keys).execute();
  await db
    .insertInto('status_tags')
    .values(tags.map((t) => ({ status_id: statusId, tag_id: t.id })))
    .execute();
}

/** Makes the mentions of `statusId` exactly `accountIds`; returns the ids newly mentioned. */
export async function setStatusMentions(db: DbExecutor, statusId: number, accountIds: readonly number[]): Promise<number[]> {
  const existing = await db.selectFrom('mentions').select('account_id').where('status_id', '=', statusId).execute();
  const before = new Set(existing.map((m) => m.account_id));
  const wanted = new Set(accountIds);
  const removed = [...before].filter((id) => !wanted.has(id));
  const added = accountIds.filter((id) => !before.has(id));
  if (removed.length) {
    await db.deleteFrom('mentions').where('status_id', '=', statusId).where('account_id', 'in', removed).execute();
  }
  if (added.length) {
    await db
      .insertInto('mentions')
      .values(added.map((accountId) => ({ id: generateId(), status_id: statusId, account_id: accountId })))
      .execute();
  }
  return added;
}

export type StatusCounter = 'replies_count' | 'reblogs_count' | 'favourites_count';

/** Adds `delta` to a status counter, never going below zero. */
export async function adjustStatusCounter(db: DbExecutor, statusId: number, counter: StatusCounter, delta: number): Promise<void> {
  await db
    .updateTable('statuses')
    .set({ [counter]: sql<number>`case when ${sql.ref(counter)} + ${delta} < 0 then 0 else ${sql.ref(counter)} + ${delta} end` })
    .where('id', '=', statusId)
    .execute();
}

/** Adds `delta` to the statuses count of these accounts; a new status also sets `last_status_at`. */
export async function adjustStatusesCount(db: DbExecutor, accountIds: readonly number[], delta: number): Promise<void> {
  if (accountIds.length === 0) return;
  await db
    .updateTable('accounts')
    .set({
      statuses_count: sql<number>`case when statuses_count + ${delta} < 0 then 0 else statuses_count + ${delta} end`,
      ...(delta > 0 ? { last_status_at: nowIso() } : {}),
    })
    .where('id', 'in', [...new Set(accountIds)])
    .execute();
}

/** Whether a status is counted in its parent's `replies_count` (as Mastodon: distributable replies). */
export function countsAsReply(status: { in_reply_to_id: number | null; visibility: string; moderation_state: string }): boolean {
  return (
    status.in_reply_to_id !== null &&
    status.moderation_state === 'published' &&
    (status.visibility === 'public' || status.visibility === 'unlisted')
  );
}

/**
 * Serialises concurrent writers on one row for the rest of the transaction (PostgreSQL row
 * lock; SQLite transactions are serial already), so check-then-insert stays exact.
 */
export async function lockRow(db: DbExecutor, dialect: 'sqlite' | 'postgres', table: 'statuses' | 'accounts', id: number): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}
