import type { Selectable } from 'kysely';
import type { DbExecutor } from '../db/database.js';
import type { NotificationsTable, NotificationType } from '../db/schema/notifications.js';
import type { IdRange } from '../api/pagination.js';
import { nowIso } from '../lib/time.js';

export type NotificationRow = Selectable<NotificationsTable>;

export interface NotificationFilter {
  types: readonly NotificationType[] | null;
  excludeTypes: readonly NotificationType[];
  fromAccountId: number | null;
}

/**
 * The recipient's notifications that are still worth showing: none from accounts blocked
 * either way, muted with notifications hidden, or suspended. createNotification already
 * refuses those; this applies relations that changed after the notification was made.
 */
function visibleTo(db: DbExecutor, recipientId: number) {
  const now = nowIso();
  return db
    .selectFrom('notifications as n')
    .selectAll('n')
    .where('n.account_id', '=', recipientId)
    .where(({ exists, not, selectFrom, and }) =>
      and([
        not(
          exists(
            selectFrom('blocks as b')
              .select('b.id')
              .where((w) =>
                w.or([
                  w.and([w('b.account_id', '=', recipientId), w('b.target_account_id', '=', w.ref('n.from_account_id'))]),
                  w.and([w('b.account_id', '=', w.ref('n.from_account_id')), w('b.target_account_id', '=', recipientId)]),
                ]),
              ),
          ),
        ),
        not(
          exists(
            selectFrom('mutes as m')
              .select('m.id')
              .where('m.account_id', '=', recipientId)
              .whereRef('m.target_account_id', '=', 'n.from_account_id')
              .where('m.hide_notifications', '=', 1)
              .where((w) => w.or([w('m.expires_at', 'is', null), w('m.expires_at', '>', now)])),
          ),
        ),
        not(exists(selectFrom('accounts as a').select('a.id').whereRef('a.id', '=', 'n.from_account_id').where('a.suspended_at', 'is not', null))),
      ]),
    );
}

export async function notificationPage(
  db: DbExecutor,
  recipientId: number,
  filter: NotificationFilter,
  range: IdRange,
): Promise<NotificationRow[]> {
  const rows = await visibleTo(db, recipientId)
    .$if(filter.types !== null, (qb) => qb.where('n.type', 'in', filter.types!.length ? [...filter.types!] : ['__none__' as NotificationType]))
    .$if(filter.excludeTypes.length > 0, (qb) => qb.where('n.type', 'not in', [...filter.excludeTypes]))
    .$if(filter.fromAccountId !== null, (qb) => qb.where('n.from_account_id', '=', filter.fromAccountId!))
    .$if(range.below !== null, (qb) => qb.where('n.id', '<', range.below!))
    .$if(range.above !== null, (qb) => qb.where('n.id', '>', range.above!))
    .orderBy('n.id', range.ascending ? 'asc' : 'desc')
    .limit(range.limit)
    .execute();
  return range.ascending ? rows.reverse() : rows;
}

export async function findVisibleNotification(db: DbExecutor, recipientId: number, id: number): Promise<NotificationRow | null> {
  return (await visibleTo(db, recipientId).where('n.id', '=', id).executeTakeFirst()) ?? null;
}

/** Deletes one of the recipient's notifications; returns whether it existed. */
export async function deleteNotification(db: DbExecutor, recipientId: number, id: number): Promise<boolean> {
  const result = await db.deleteFrom('notifications').where('account_id', '=', recipientId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteAllNotifications(db: DbExecutor, recipientId: number): Promise<void> {
  await db.deleteFrom('notifications').where('account_id', '=', recipientId).execute();
}

/** How many shown notifications are newer than `afterId`, counting at most `cap`. */
export async function countNotificationsAfter(
  db: DbExecutor,
  recipientId: number,
  filter: NotificationFilter,
  afterId: number,
  cap: number,
): Promise<number> {
  const rows = await notificationPage(db, recipientId, filter, { below: null, above: afterId, ascending: true, limit: cap });
  return rows.length;
}
