import type { NotificationType } from '../../db/schema/notifications.js';
import type { SerializedAccount } from './account.js';
import type { SerializedStatus } from './status.js';

/** Types whose notification carries a status (Mastodon always includes the key for them). */
export const STATUS_NOTIFICATION_TYPES: ReadonlySet<NotificationType> = new Set(['mention', 'status', 'reblog', 'favourite', 'update']);

export interface NotificationView {
  id: number;
  type: NotificationType;
  createdAt: string;
  account: SerializedAccount;
  status: SerializedStatus | null;
  moderationWarning: Record<string, unknown> | null;
}

/** Mastodon's Notification entity. Pure: a hydrated view in, JSON out. */
export function serializeNotification(view: NotificationView) {
  return {
    id: String(view.id),
    type: view.type,
    created_at: view.createdAt,
    group_key: `ungrouped-${view.id}`,
    account: view.account,
    ...(STATUS_NOTIFICATION_TYPES.has(view.type) ? { status: view.status } : {}),
    ...(view.moderationWarning ? { moderation_warning: view.moderationWarning } : {}),
  };
}

export type SerializedNotification = ReturnType<typeof serializeNotification>;

/**
 * Mastodon's GroupedNotificationsResults (API v2). Parley does not group notifications yet:
 * every group holds one notification and carries its `ungrouped-<id>` key, which the v2
 * API allows, so clients of grouped notifications work unchanged.
 */
export function serializeNotificationGroups(notifications: readonly SerializedNotification[]) {
  const accounts = new Map<string, SerializedAccount>();
  const statuses = new Map<string, SerializedStatus>();
  const groups = notifications.map((n) => {
    accounts.set(n.account.id, n.account);
    const status = 'status' in n ? n.status : null;
    if (status) statuses.set(status.id, status);
    return {
      group_key: n.group_key,
      notifications_count: 1,
      type: n.type,
      most_recent_notification_id: n.id,
      page_min_id: n.id,
      page_max_id: n.id,
      latest_page_notification_at: n.created_at,
      sample_account_ids: [n.account.id],
      ...(status ? { status_id: status.id } : {}),
      ...('moderation_warning' in n ? { moderation_warning: n.moderation_warning } : {}),
    };
  });
  return { accounts: [...accounts.values()], statuses: [...statuses.values()], notification_groups: groups };
}

/** The notification id inside an `ungrouped-<id>` group key, or null for any other key. */
export function notificationIdOfGroupKey(groupKey: string): number | null {
  const match = /^ungrouped-(\d{1,16})$/.exec(groupKey);
  return match ? Number(match[1]) : null;
}
