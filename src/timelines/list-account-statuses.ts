import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import type { IdRange } from '../api/pagination.js';
import { presentStatuses } from '../posts/present-statuses.js';
import type { SerializedStatus } from '../api/serializers/status.js';
import { isBlocking, isFollowing, requireAccount } from '../graph/graph-queries.js';
import { hashtagKey } from '../text/parse-text.js';
import { accountStatuses, pageIds, pinnedStatusIds } from './timeline-queries.js';

export interface AccountStatusesInput {
  viewer: Account | null;
  accountId: number;
  range: IdRange;
  excludeReplies: boolean;
  excludeReblogs: boolean;
  pinned: boolean;
  onlyMedia: boolean;
  tagged: string | null;
}

/**
 * An account's posts as the viewer may see them: public and unlisted for everyone, private
 * too for followers, direct ones where the viewer is mentioned, all for the author. Empty for
 * a suspended account or one that blocks the viewer; 404 for an unknown one (as Mastodon).
 */
export async function listAccountStatuses(
  ctx: AppContext,
  input: AccountStatusesInput,
): Promise<{ statuses: SerializedStatus[]; pageIds: number[] }> {
  const { db } = ctx.database;
  const account = await requireAccount(db, input.accountId);
  const viewerId = input.viewer?.id ?? null;
  const isAuthor = viewerId === account.id;
  const empty = { statuses: [], pageIds: [] };
  if (account.suspended_at && !isAuthor) return empty;
  if (viewerId !== null && !isAuthor && (await isBlocking(db, account.id, viewerId))) return empty;
  // No media attachments are stored yet, so no post has any.
  if (input.onlyMedia) return empty;

  let ids: number[];
  if (input.pinned) {
    ids = await pinnedStatusIds(db, account.id, input.range);
  } else {
    const isFollower = viewerId !== null && !isAuthor && (await isFollowing(db, viewerId, account.id));
    const query = accountStatuses(db, {
      accountId: account.id,
      viewerId,
      isAuthor,
      isFollower,
      excludeReplies: input.excludeReplies,
      excludeReblogs: input.excludeReblogs,
      tagKey: input.tagged ? hashtagKey(input.tagged) : null,
    });
    ids = await pageIds(query, input.range);
  }
  // Looking at a profile is deliberate: mutes do not hide its posts (Mastodon does the same).
  const statuses = await presentStatuses(ctx, ids, input.viewer, { applyMutes: false });
  return { statuses, pageIds: ids };
}
