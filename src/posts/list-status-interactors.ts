import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import type { IdRange } from '../api/pagination.js';
import { loadAccountRows, loadAuthorRelations } from './status-queries.js';
import { loadVisibleStatus } from './visibility.js';

export interface InteractorPage {
  accounts: Account[];
  /** Ids of the favourites or boosts of the page, newest first, for the Link header. */
  pageIds: number[];
}

/**
 * Who boosted or favourited a visible status, newest first, paginated by the boost or
 * favourite id. Suspended accounts and accounts the viewer blocks, mutes or is blocked by are
 * left out, as Mastodon does.
 */
export async function listStatusInteractors(
  ctx: AppContext,
  kind: 'reblogs' | 'favourites',
  id: number,
  viewer: Account | null,
  range: IdRange,
): Promise<InteractorPage> {
  const status = await loadVisibleStatus(ctx, id, viewer);
  const { db } = ctx.database;
  const order = range.ascending ? 'asc' : 'desc';
  let rows =
    kind === 'favourites'
      ? await db
          .selectFrom('favourites')
          .select(['id', 'account_id'])
          .where('status_id', '=', status.id)
          .$if(range.below !== null, (q) => q.where('id', '<', range.below!))
          .$if(range.above !== null, (q) => q.where('id', '>', range.above!))
          .orderBy('id', order)
          .limit(range.limit)
          .execute()
      : await db
          .selectFrom('statuses')
          .select(['id', 'account_id'])
          .where('reblog_of_id', '=', status.id)
          .where('deleted_at', 'is', null)
          .where('moderation_state', '=', 'published')
          .$if(range.below !== null, (q) => q.where('id', '<', range.below!))
          .$if(range.above !== null, (q) => q.where('id', '>', range.above!))
          .orderBy('id', order)
          .limit(range.limit)
          .execute();
  if (range.ascending) rows = rows.reverse();

  const accounts = new Map((await loadAccountRows(db, rows.map((r) => r.account_id))).map((a) => [a.id, a]));
  const relations = viewer ? await loadAuthorRelations(db, viewer.id, [...accounts.keys()]) : null;
  const visible = rows
    .map((r) => accounts.get(r.account_id))
    .filter((a): a is Account => a !== undefined && a.suspended_at === null)
    .filter((a) => !relations || (!relations.blocked.has(a.id) && !relations.muted.has(a.id)));
  return { accounts: visible, pageIds: rows.map((r) => r.id) };
}
