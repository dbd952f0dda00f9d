import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import type { IdRange } from '../api/pagination.js';
import { presentStatuses } from '../posts/present-statuses.js';
import type { SerializedStatus } from '../api/serializers/status.js';
import { pageIds, publicStatuses, taggedWith } from './timeline-queries.js';

export interface PublicTimelineInput {
  viewer: Account | null;
  range: IdRange;
  /** Every account is local until federation lands, so `remote` yields nothing. */
  remote: boolean;
  /** Parley stores no media attachments yet, so `only_media` yields nothing. */
  onlyMedia: boolean;
  /** Hashtag timeline: tag keys (any / all / none of them). */
  tags?: { any: string[]; all: string[]; none: string[] };
}

/** The public (federated/local) timeline and the hashtag timeline. */
export async function readPublicTimeline(
  ctx: AppContext,
  input: PublicTimelineInput,
): Promise<{ statuses: SerializedStatus[]; pageIds: number[] }> {
  if (input.remote || input.onlyMedia) return { statuses: [], pageIds: [] };
  const { db } = ctx.database;
  let query = publicStatuses(db, { withReplies: input.tags !== undefined });
  if (input.tags) query = taggedWith(query, input.tags.any, input.tags.all, input.tags.none);
  const ids = await pageIds(query, input.range);
  const statuses = await presentStatuses(ctx, ids, input.viewer, { applyMutes: true });
  return { statuses, pageIds: ids };
}
