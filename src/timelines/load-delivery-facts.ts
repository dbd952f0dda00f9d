import type { DbExecutor } from '../db/database.js';
import { parseLanguages } from '../graph/load-relationships.js';
import { nowIso } from '../lib/time.js';
import type { PostFacts, ReceiverFacts } from './home-delivery-rules.js';

const POST_COLUMNS = [
  'id',
  'account_id',
  'visibility',
  'language',
  'in_reply_to_id',
  'in_reply_to_account_id',
  'reblog_of_id',
  'moderation_state',
  'deleted_at',
] as const;

/** Facts about posts (and the originals of reblogs among them), in three queries. */
export async function loadPostFacts(db: DbExecutor, ids: readonly number[]): Promise<Map<number, PostFacts>> {
  const out = new Map<number, PostFacts>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('statuses').select(POST_COLUMNS).where('id', 'in', [...new Set(ids)]).execute();
  const originalIds = rows.map((r) => r.reblog_of_id).filter((id): id is number => id !== null);
  const originals = originalIds.length
    ? await db.selectFrom('statuses').select(POST_COLUMNS).where('id', 'in', [...new Set(originalIds)]).execute()
    : [];
  const all = [...rows, ...originals];
  const mentionRows = await db.selectFrom('mentions').select(['status_id', 'account_id']).where('status_id', 'in', all.map((r) => r.id)).execute();
  const mentions = new Map<number, number[]>();
  for (const m of mentionRows) mentions.set(m.status_id, [...(mentions.get(m.status_id) ?? []), m.account_id]);
  const byId = new Map(all.map((r) => [r.id, r]));
  const live = (r: { moderation_state: string; deleted_at: string | null }) => r.moderation_state === 'published' && r.deleted_at === null;
  for (const r of rows) {
    const original = r.reblog_of_id === null ? undefined : byId.get(r.reblog_of_id);
    out.set(r.id, {
      id: r.id,
      accountId: r.account_id,
      visibility: r.visibility,
      language: r.language,
      inReplyToAccountId: r.in_reply_to_account_id,
      inReplyToId: r.in_reply_to_id,
      mentionedIds: mentions.get(r.id) ?? [],
      live: live(r),
      reblog:
        r.reblog_of_id === null
          ? null
          : {
              id: r.reblog_of_id,
              accountId: original?.account_id ?? 0,
              mentionedIds: mentions.get(r.reblog_of_id) ?? [],
              live: original !== undefined && live(original),
            },
    });
  }
  return out;
}

/** The accounts a post involves: author, mentions, the original's author and mentions, the replied-to account. */
export function involvedAccounts(post: PostFacts): number[] {
  const ids = [post.accountId, ...post.mentionedIds];
  if (post.inReplyToAccountId !== null) ids.push(post.inReplyToAccountId);
  if (post.reblog) ids.push(post.reblog.accountId, ...post.reblog.mentionedIds);
  return ids;
}

export interface Receiver {
  id: number;
  follow: ReceiverFacts['follow'];
}

/** Facts about many receivers relative to the involved accounts, in four queries. */
export async function loadReceiverFacts(
  db: DbExecutor,
  receivers: readonly Receiver[],
  involvedIds: readonly number[],
): Promise<Map<number, ReceiverFacts>> {
  const out = new Map<number, ReceiverFacts>();
  if (receivers.length === 0) return out;
  const receiverIds = receivers.map((r) => r.id);
  const involved = [...new Set(involvedIds)];
  const now = nowIso();
  const [blocks, mutes, blockedBy, follows] = involved.length
    ? await Promise.all([
        db.selectFrom('blocks').select(['account_id as r', 'target_account_id as t'])
          .where('account_id', 'in', receiverIds).where('target_account_id', 'in', involved).execute(),
        db.selectFrom('mutes').select(['account_id as r', 'target_account_id as t'])
          .where('account_id', 'in', receiverIds).where('target_account_id', 'in', involved)
          .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)])).execute(),
        db.selectFrom('blocks').select(['target_account_id as r', 'account_id as t'])
          .where('target_account_id', 'in', receiverIds).where('account_id', 'in', involved).execute(),
        db.selectFrom('follows').select(['account_id as r', 'target_account_id as t'])
          .where('account_id', 'in', receiverIds).where('target_account_id', 'in', involved).execute(),
      ])
    : [[], [], [], []];
  for (const r of receivers) {
    out.set(r.id, { id: r.id, follow: r.follow, blockingOrMuting: new Set(), blockedBy: new Set(), following: new Set() });
  }
  for (const row of [...blocks, ...mutes]) (out.get(row.r)!.blockingOrMuting as Set<number>).add(row.t);
  for (const row of blockedBy) (out.get(row.r)!.blockedBy as Set<number>).add(row.t);
  for (const row of follows) (out.get(row.r)!.following as Set<number>).add(row.t);
  return out;
}

/** The follow options of a followers row as the rules take them. */
export function followOptions(row: { show_reblogs: number; languages: string | null }): NonNullable<ReceiverFacts['follow']> {
  return { showReblogs: row.show_reblogs === 1, languages: parseLanguages(row.languages) };
}
