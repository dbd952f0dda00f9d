import type { AppContext } from '../context.js';
import { notFound } from '../api/errors.js';
import type { StatusRow } from './status-queries.js';

/** A live status of `accountId`; anyone else's status is a 404, as Mastodon scopes edits and deletes. */
export async function loadOwnStatus(ctx: AppContext, id: number, accountId: number): Promise<StatusRow> {
  const row = await ctx.database.db
    .selectFrom('statuses')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}
