import { z } from 'zod';
import type { NotificationType } from '../../../db/schema/notifications.js';
import type { NotificationFilter } from '../../../notifications/notification-queries.js';
import { zId, zList } from '../../params.js';

const KNOWN_TYPES: ReadonlySet<string> = new Set<NotificationType>([
  'mention', 'status', 'reblog', 'follow', 'follow_request', 'favourite', 'update', 'admin.sign_up', 'admin.report', 'moderation_warning',
]);

/** Filters shared by the v1 and v2 notification lists. */
export const Query = z.object({
  types: zList(z.string()).optional(),
  exclude_types: zList(z.string()).optional(),
  account_id: zId.optional(),
});

export const CountQuery = Query.extend({ limit: z.coerce.number().int().optional() });

// Unknown type names are ignored, as Mastodon ignores them.
const known = (names: string[] | undefined) => (names ?? []).filter((n): n is NotificationType => KNOWN_TYPES.has(n));

export function toFilter(query: z.infer<typeof Query>): NotificationFilter {
  return {
    types: query.types && query.types.length ? known(query.types) : null,
    excludeTypes: known(query.exclude_types),
    fromAccountId: query.account_id ?? null,
  };
}
