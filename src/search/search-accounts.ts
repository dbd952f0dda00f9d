import type { AppContext } from '../context.js';
import { findMatchingAccounts, type AccountRow } from './account-search-queries.js';

export interface AccountSearchInput {
  q: string;
  limit: number;
  offset: number;
  following: boolean;
}

/**
 * Finds accounts by handle, username prefix or display-name prefix, the exact handle first.
 * `@name@<this domain>` is the local account `name`; other domains match remote accounts
 * already known here (nothing is fetched: there is no federation yet).
 */
export async function searchAccounts(ctx: AppContext, viewer: AccountRow | null, input: AccountSearchInput): Promise<AccountRow[]> {
  const parsed = parseAccountQuery(input.q, ctx.config.domain);
  if (!parsed || input.limit <= 0) return [];
  return findMatchingAccounts(ctx.database.db, {
    acctKey: parsed.acctKey,
    prefix: parsed.prefix,
    viewerId: viewer?.id ?? null,
    following: input.following && viewer !== null,
    limit: input.limit,
    offset: input.offset,
  });
}

export interface ParsedAccountQuery {
  acctKey: string;
  prefix: string;
}

export function parseAccountQuery(q: string, localDomain: string): ParsedAccountQuery | null {
  const text = q.trim().replace(/^@/, '').toLowerCase();
  if (text === '') return null;
  const at = text.indexOf('@');
  if (at === -1) return { acctKey: text, prefix: text };
  const username = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (username === '') return null;
  if (domain === '' || domain === localDomain.toLowerCase()) return { acctKey: username, prefix: username };
  return { acctKey: text, prefix: text };
}
