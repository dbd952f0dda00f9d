import type { AppContext } from '../context.js';
import type { AccountRow } from './account-search-queries.js';

export type ResolvedUrl = { type: 'accounts'; account: AccountRow } | { type: 'statuses'; statusId: number };

/**
 * Resolves a URL of this instance to the account or status it names (`/@name`,
 * `/users/name`, `/@name/<id>`, `/users/name/statuses/<id>`). Remote URLs resolve to
 * nothing: fetching them needs federation, which Parley does not do yet.
 */
export async function resolveLocalUrl(ctx: AppContext, text: string): Promise<ResolvedUrl | null> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const local = new URL(ctx.config.publicUrl);
  if (url.host.toLowerCase() !== local.host.toLowerCase() && url.host.toLowerCase() !== ctx.config.domain.toLowerCase()) return null;
  const match =
    /^\/@([A-Za-z0-9_]+)(?:\/(\d+))?\/?$/.exec(url.pathname) ?? /^\/users\/([A-Za-z0-9_]+)(?:\/statuses\/(\d+))?\/?$/.exec(url.pathname);
  if (!match) return null;
  const { db } = ctx.database;
  const account = await db
    .selectFrom('accounts')
    .selectAll()
    .where('acct_key', '=', match[1]!.toLowerCase())
    .where('domain', 'is', null)
    .where('suspended_at', 'is', null)
    .executeTakeFirst();
  if (!account) return null;
  if (match[2] === undefined) return { type: 'accounts', account };
  const statusId = Number(match[2]);
  if (!Number.isSafeInteger(statusId)) return null;
  const status = await db
    .selectFrom('statuses')
    .select('id')
    .where('id', '=', statusId)
    .where('account_id', '=', account.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  // Visibility is decided when the status is presented, as for any other search result.
  return status ? { type: 'statuses', statusId: status.id } : null;
}
