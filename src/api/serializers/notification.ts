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
