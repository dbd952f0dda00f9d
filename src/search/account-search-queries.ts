import { followedBy, notBlockedEitherWay } from '../graph/relation-filters.js';
import { sql, type Selectable } from 'kysely';
import type { DbExecutor } from '../db/database.js';
import type { AccountsTable } from '../db/schema/accounts.js';

export type AccountRow = Selectable<AccountsTable>;

export interface AccountMatchOptions {
  /** Lower-cased handle the caller typed: `name` or `name@domain` (null domain = local). */
  acctKey: string;
  /** Lower-cased prefix for usernames and display names; null to match the exact handle only. */
  prefix: string | null;
  viewerId: number | null;
  /** Only accounts the viewer follows (and the viewer). */
  following: boolean;
  limit: number;
  offset: number;
}

/**
 * Accounts for a search, the exact handle first, then username prefixes, then display-name
 * prefixes (of the name or of any word in it), better-followed accounts first. Suspended
 * accounts, logins not approved or disabled, and accounts blocking or blocked by the viewer
 * are never returned.
 */
export async function findMatchingAccounts(db: DbExecutor, options: AccountMatchOptions): Promise<AccountRow[]> {
  const viewer = options.viewerId;
  const prefix = options.prefix === null ? null : `${escapeLike(options.prefix)}%`;
  const wordPrefix = options.prefix === null ? null : `% ${escapeLike(options.prefix)}%`;
  let query = db
    .selectFrom('accounts')
    .leftJoin('users', 'users.account_id', 'accounts.id')
    .selectAll('accounts')
    .where('accounts.suspended_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('accounts.domain', 'is not', null),
        eb.and([eb('users.approved', '=', 1), eb('users.disabled', '=', 0)]),
      ]),
    )
    .where((eb) => {
      const alternatives = [eb('accounts.acct_key', '=', options.acctKey)];
      if (prefix !== null && wordPrefix !== null) {
        alternatives.push(
          eb(sql`accounts.acct_key`, 'like', sql`${prefix} escape '\\'`),
          eb(sql`lower(accounts.display_name)`, 'like', sql`${prefix} escape '\\'`),
          eb(sql`lower(accounts.display_name)`, 'like', sql`${wordPrefix} escape '\\'`),
        );
      }
      return eb.or(alternatives);
    });
  if (viewer !== null) {
    query = query
      .where(notBlockedEitherWay(viewer, 'accounts.id'))
      .$if(options.following, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('accounts.id', '=', viewer),
            followedBy(viewer, 'accounts.id'),
          ]),
        ),
      );
  }
  const rank =
    prefix === null
      ? sql`0`
      : sql`case when accounts.acct_key = ${options.acctKey} then 0
                 when accounts.acct_key like ${prefix} escape '\\' then 1
                 else 2 end`;
  return query
    .orderBy(rank)
    .orderBy('accounts.followers_count', 'desc')
    .orderBy('accounts.id', 'asc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

/** Escapes LIKE wildcards; `_` is common in usernames and must match itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
