import type { AppContext } from '../context.js';
import { presentStatuses } from '../posts/present-statuses.js';
import type { SerializedStatus } from '../api/serializers/status.js';

/**
 * Statuses as a moderator must see them: held, removed and private ones included, in one
 * batched pass of the shared read path. Callers have checked the moderator role.
 */
export async function presentStatusesForModerators(ctx: AppContext, ids: readonly number[]): Promise<SerializedStatus[]> {
  if (ids.length === 0) return [];
  return presentStatuses(ctx, ids, null, { forModeration: true });
}
