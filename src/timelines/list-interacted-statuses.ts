import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import type { IdRange } from '../api/pagination.js';
import { presentStatuses } from '../posts/present-statuses.js';
import type { SerializedStatus } from '../api/serializers/status.js';
import { interactionPage } from './timeline-queries.js';

/**
 * The viewer's bookmarked or favourited posts, most recent interaction first. Pages go by
 * the bookmark/favourite id, as Mastodon's do; posts the viewer can no longer see drop out.
 */
export async function listInteractedStatuses(
  ctx: AppContext,
  input: { viewer: Account; kind: 'bookmarks' | 'favourites'; range: IdRange },
): Promise<{ statuses: SerializedStatus[]; pageIds: number[] }> {
  const rows = await interactionPage(ctx.database.db, input.kind, input.viewer.id, input.range);
  const statuses = await presentStatuses(ctx, rows.map((r) => r.statusId), input.viewer);
  return { statuses, pageIds: rows.map((r) => r.rowId) };
}
