import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { notFound } from '../api/errors.js';
import { serializeStatus, type SerializedStatus, type StatusView } from '../api/serializers/status.js';
import { hydrateStatuses, type Hydration } from './hydrate-statuses.js';
import { canViewHydrated, type VisibilityOptions } from './visibility.js';
import type { StatusRow } from './status-queries.js';

export interface PresentOptions extends VisibilityOptions {
  /** Include the source `text` (delete-and-redraft). */
  withSource?: boolean;
  /**
   * Skip the visibility rules: moderators must see held, removed and private posts they
   * review. Only moderation code sets this, after checking the caller's role.
   */
  forModeration?: boolean;
}

/**
 * The read path shared by every endpoint that returns statuses: hydrate `ids` in a few
 * batched queries, drop what `viewer` may not see, and serialize in the input order.
 */
export async function presentStatuses(
  ctx: AppContext,
  ids: readonly number[],
  viewer: Account | null,
  options: PresentOptions = {},
): Promise<SerializedStatus[]> {
  const viewerId = viewer?.id ?? null;
  const h = await hydrateStatuses(ctx.database.db, ids, viewerId);
  const out: SerializedStatus[] = [];
  for (const id of ids) {
    const row = h.statuses.get(id);
    if (!row || (!options.forModeration && !canViewHydrated(h, row, viewerId, options))) continue;
    const view = buildView(h, row, viewerId, options.withSource === true);
    if (view) out.push(serializeStatus(view, ctx.config));
  }
  return out;
}

/** One status, or a 404 when the viewer may not see it. */
export async function presentStatus(ctx: AppContext, id: number, viewer: Account | null, options: PresentOptions = {}): Promise<SerializedStatus> {
  const [status] = await presentStatuses(ctx, [id], viewer, options);
  if (!status) {
    throw notFound();
  }
  return status;
}

function buildView(h: Hydration, row: StatusRow, viewerId: number | null, withSource: boolean): StatusView | null {
  const account = h.accounts.get(row.account_id);
  if (!account) return null;
  const original = row.reblog_of_id === null ? null : h.statuses.get(row.reblog_of_id);
  const reblog = original ? buildView(h, original, viewerId, false) : null;
  const interactions = h.interactions;
  return {
    row,
    account,
    mentions: (h.mentions.get(row.id) ?? []).map((id) => h.accounts.get(id)).filter((a): a is Account => a !== undefined),
    tags: h.tags.get(row.id) ?? [],
    application: row.application_id === null ? null : (h.applications.get(row.application_id) ?? null),
    reblog,
    viewer:
      viewerId === null
        ? null
        : {
            id: viewerId,
            favourited: interactions?.favourited.has(row.id) ?? false,
            reblogged: interactions?.reblogged.has(row.id) ?? false,
            bookmarked: interactions?.bookmarked.has(row.id) ?? false,
            pinned: interactions?.pinned.has(row.id) ?? false,
          },
    withSource,
  };
}
