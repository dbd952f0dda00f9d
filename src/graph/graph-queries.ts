import { sql } from 'kysely';
import type { DbExecutor } from '../db/database.js';
import type { Account } from '../api/auth.js';
import { notFound } from '../api/errors.js';

/**
 * Queries over follows, follow_requests, blocks and mutes, kept in one place so the graph
 * rules (who sees whom) are read the same way by every service.
 */

export async function findAccount(db: DbExecutor, id: number): Promise<Account | null> {
  return (await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The account an id names, or a 404 as Mastodon answers for unknown ids. */
export async function requireAccount(db: DbExecutor, id: number): Promise<Account> {
  const account = await findAccount(db, id);
  if (!account) throw notFound();
  return account;
}

export async function loadAccountsByIds(db: DbExecutor, ids: readonly number[]): Promise<Map<number, Account>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('accounts').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** True when either account blocks the other. */
export async function eitherBlocks(db: DbExecutor, a: number, b: number): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('account_id', '=', a), eb('target_account_id', '=', b)]),
        eb.and([eb('account_id', '=', b), eb('target_account_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function isBlocking(db: DbExecutor, accountId: number, targetId: number): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('id')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function isFollowing(db: DbExecutor, accountId: number, targetId: number): Promise<boolean> {
  const row = await db
    .selectFrom('follows')
    .select('id')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes a follow and keeps both counters exact; returns whether one existed. */
export async function deleteFollow(db: DbExecutor, accountId: number, targetId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('follows')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) return false;
  await adjustFollowCounts(db, accountId, targetId, -1);
  return true;
}

export async function deleteFollowRequest(db: DbExecutor, accountId: number, targetId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('follow_requests')
    .where('account_id', '=', accountId)
    .where('target_account_id', '=', targetId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function adjustFollowCounts(db: DbExecutor, followerId: number, targetId: number, delta: 1 | -1): Promise<void> {
  // Counters never go below zero, even if a row vanished concurrently.
  await db
    .updateTable('accounts')
    .set({ following_count: sql<number>`case when following_count + ${delta} < 0 then 0 else following_count + ${delta} end` })
    .where('id', '=', followerId)
    .execute();
  await db
    .updateTable('accounts')
    .set({ followers_count: sql<number>`case when followers_count + ${delta} < 0 then 0 else followers_count + ${delta} end` })
    .where('id', '=', targetId)
    .execute();
}

/** Removes the follow/follow_request notifications a (withdrawn or settled) follow left behind. */
export async function deleteFollowNotifications(
  db: DbExecutor,
  recipientId: number,
  fromAccountId: number,
  types: Array<'follow' | 'follow_request'>,
): Promise<void> {
  await db
    .deleteFrom('notifications')
    .where('account_id', '=', recipientId)
    .where('from_account_id', '=', fromAccountId)
    .where('type', 'in', types)
    .execute();
}
