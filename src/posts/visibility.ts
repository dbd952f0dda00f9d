import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { notFound } from '../api/errors.js';
import { hydrateStatuses, type Hydration } from './hydrate-statuses.js';
import type { AuthorRelations, StatusRow } from './status-queries.js';

export interface VisibilityOptions {
  /** Also hide statuses by authors the viewer muted (timelines do; a status page does not). */
  applyMutes?: boolean;
}

export interface VisibilityFacts {
  author: Account | undefined;
  mentionedAccountIds: readonly number[];
  /** The viewer's relations to the author; null without a viewer. */
  relations: AuthorRelations | null;
}

/**
 * Whether `viewerId` may see one status (not counting the original of a reblog). The author
 * always sees their own posts, including held ones; nobody else sees a post that is not
 * published, by a suspended author, or across a block in either direction.
 */
export function canViewStatus(
  status: StatusRow,
  facts: VisibilityFacts,
  viewerId: number | null,
  options: VisibilityOptions = {},
): boolean {
  if (status.deleted_at !== null) return false;
  const author = facts.author;
  if (!author || author.suspended_at !== null) return false;
  if (viewerId !== null && author.id === viewerId) return true;
  if (status.moderation_state !== 'published') return false;
  const relations = facts.relations;
  if (relations?.blocked.has(author.id)) return false;
  if (options.applyMutes && relations?.muted.has(author.id)) return false;
  switch (status.visibility) {
    case 'public':
    case 'unlisted':
      return true;
    case 'private':
      return viewerId !== null && (relations?.following.has(author.id) === true || facts.mentionedAccountIds.includes(viewerId));
    case 'direct':
      return viewerId !== null && facts.mentionedAccountIds.includes(viewerId);
    default:
      return false;
  }
}

/** `canViewStatus` for a hydrated status, and for a reblog also its original. */
export function canViewHydrated(h: Hydration, status: StatusRow, viewerId: number | null, options: VisibilityOptions = {}): boolean {
  const facts = (s: StatusRow): VisibilityFacts => ({
    author: h.accounts.get(s.account_id),
    mentionedAccountIds: h.mentions.get(s.id) ?? [],
    relations: h.relations,
  });
  if (!canViewStatus(status, facts(status), viewerId, options)) return false;
  if (status.reblog_of_id === null) return true;
  const original = h.statuses.get(status.reblog_of_id);
  return original !== undefined && canViewStatus(original, facts(original), viewerId, options);
}

/** The status row when `viewer` may see it; otherwise a 404, as Mastodon answers. */
export async function loadVisibleStatus(ctx: AppContext, id: number, viewer: Account | null): Promise<StatusRow> {
  const h = await hydrateStatuses(ctx.database.db, [id], viewer?.id ?? null, false);
  const status = h.statuses.get(id);
  if (!status || !canViewHydrated(h, status, viewer?.id ?? null)) throw notFound();
  return status;
}
