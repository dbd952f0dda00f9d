import { sql, type RawBuilder } from 'kysely';

/**
 * Conditions that keep blocked and muted accounts out of a query, written once for every read
 * that needs them (search, notifications to boosters …). `column` names the other account's id
 * column in the outer query, e.g. `statuses.account_id`.
 */
export function notBlockedEitherWay(viewerId: number, column: string): RawBuilder<boolean> {
  const other = sql.ref(column);
  return sql<boolean>`not exists (
    select 1 from blocks
    where (blocks.account_id = ${viewerId} and blocks.target_account_id = ${other})
       or (blocks.target_account_id = ${viewerId} and blocks.account_id = ${other}))`;
}

/**
 * The viewer has not muted the account (an expired mute no longer counts). With
 * `notificationsOnly`, only mutes that also hide notifications count.
 */
export function notMutedBy(viewerId: number, column: string, now: string, options: { notificationsOnly?: boolean } = {}): RawBuilder<boolean> {
  const other = sql.ref(column);
  const hidesNotifications = options.notificationsOnly ? sql`and mutes.hide_notifications = 1` : sql``;
  return sql<boolean>`not exists (
    select 1 from mutes
    where mutes.account_id = ${viewerId} and mutes.target_account_id = ${other}
      and (mutes.expires_at is null or mutes.expires_at > ${now}) ${hidesNotifications})`;
}

/** The viewer follows the account (an accepted follow; requests live in their own table). */
export function followedBy(viewerId: number, column: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from follows
    where follows.account_id = ${viewerId} and follows.target_account_id = ${sql.ref(column)})`;
}
