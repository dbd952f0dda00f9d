import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import type { IdRange } from '../api/pagination.js';
import { nowIso } from '../lib/time.js';
import { isBlocking, loadAccountsByIds, requireAccount } from './graph-queries.js';

export type RelatedKind = 'followers' | 'following' | 'follow_requests' | 'blocks' | 'mutes';

export interface RelatedAccount {
  /** The id of the follow/block/mute row: what Mastodon paginates these lists by. */
  pageId: number;
  account: Account;
  /** Mutes only. */
  muteExpiresAt?: string | null;
}

interface Source {
  table: 'follows' | 'follow_requests' | 'blocks' | 'mutes';
  /** The column that holds the subject account; the other one names the listed account. */
  subject: 'account_id' | 'target_account_id';
}

const SOURCES: Record<RelatedKind, Source> = {
  followers: { table: 'follows', subject: 'target_account_id' },
  following: { table: 'follows', subject: 'account_id' },
  follow_requests: { table: 'follow_requests', subject: 'target_account_id' },
  blocks: { table: 'blocks', subject: 'account_id' },
  mutes: { table: 'mutes', subject: 'account_id' },
};

/**
 * A page of the accounts related to `subjectId`, newest relation first. Followers and
 * following of an account that is suspended or blocks the viewer are empty, as in Mastodon;
 * suspended accounts are left out of every list.
 */
export async function listRelatedAccounts(
  ctx: AppContext,
  input: { kind: RelatedKind; subjectId: number; viewer: Account | null; range: IdRange },
): Promise<RelatedAccount[]> {
  const { db } = ctx.database;
  const { kind, subjectId, range } = input;
  if (kind === 'followers' || kind === 'following') {
    const subject = await requireAccount(db, subjectId);
    if (subject.suspended_at) return [];
    if (input.viewer && input.viewer.id !== subject.id && (await isBlocking(db, subject.id, input.viewer.id))) return [];
  }
  const { table, subject } = SOURCES[kind];
  const listed = subject === 'account_id' ? 'target_account_id' : 'account_id';
  const now = nowIso();
  // The four tables share id/account_id/target_account_id, so one typed shape serves them all.
  const rows = await db
    .selectFrom(`${table as 'blocks'} as r`)
    .innerJoin('accounts as a', 'a.id', `r.${listed}`)
    .select(['r.id as pageId', `r.${listed} as listedId`])
    .where(`r.${subject}`, '=', subjectId)
    .where('a.suspended_at', 'is', null)
    .$if(table === 'mutes', (qb) =>
      qb.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('mutes as m')
            .select('m.id')
            .whereRef('m.id', '=', 'r.id')
            .where((eb) => eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', now)])),
        ),
      ),
    )
    .$if(range.below !== null, (qb) => qb.where('r.id', '<', range.below!))
    .$if(range.above !== null, (qb) => qb.where('r.id', '>', range.above!))
    .orderBy('r.id', range.ascending ? 'asc' : 'desc')
    .limit(range.limit)
    .execute();
  if (range.ascending) rows.reverse();
  const accounts = await loadAccountsByIds(db, rows.map((r) => r.listedId));
  const expiries =
    table === 'mutes' && rows.length > 0
      ? new Map(
          (await db.selectFrom('mutes').select(['id', 'expires_at']).where('id', 'in', rows.map((r) => r.pageId)).execute()).map(
            (m) => [m.id, m.expires_at] as const,
          ),
        )
      : null;
  const out: RelatedAccount[] = [];
  for (const row of rows) {
    const account = accounts.get(row.listedId);
    if (!account) continue;
    const item: RelatedAccount = { pageId: row.pageId, account };
    if (expiries) item.muteExpiresAt = expiries.get(row.pageId) ?? null;
    out.push(item);
  }
  return out;
}
