import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { notFound } from '../api/errors.js';
import { loadAccountRows } from './status-queries.js';
import { loadVisibleStatus } from './visibility.js';

export interface StatusVersion {
  account: Account;
  content: string;
  spoiler_text: string;
  sensitive: boolean;
  created_at: string;
}

/**
 * The versions of a status, oldest first. An unedited status has one version, itself, as in
 * Mastodon's history.
 */
export async function listStatusHistory(ctx: AppContext, id: number, viewer: Account | null): Promise<StatusVersion[]> {
  const status = await loadVisibleStatus(ctx, id, viewer);
  const [author] = await loadAccountRows(ctx.database.db, [status.account_id]);
  if (!author) throw notFound();
  const edits = await ctx.database.db
    .selectFrom('status_edits')
    .select(['content', 'spoiler_text', 'sensitive', 'created_at'])
    .where('status_id', '=', status.id)
    .orderBy('id')
    .execute();
  const rows = edits.length ? edits : [{ content: status.content, spoiler_text: status.spoiler_text, sensitive: status.sensitive, created_at: status.edited_at ?? status.created_at }];
  return rows.map((r) => ({ account: author, content: r.content, spoiler_text: r.spoiler_text, sensitive: r.sensitive === 1, created_at: r.created_at }));
}
