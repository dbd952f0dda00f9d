import type { AppContext } from '../context.js';
import type { Account, User } from '../api/auth.js';
import type { IdRange } from '../api/pagination.js';
import { presentStatuses } from '../posts/present-statuses.js';
import type { SerializedStatus } from '../api/serializers/status.js';
import { nowIso } from '../lib/time.js';
import { belongsInHome } from './home-delivery-rules.js';
import { ACTIVE_WINDOW_MS } from './fan-out-status.js';
import { feedPage } from './feed-queries.js';
import { followOptions, involvedAccounts, loadPostFacts, loadReceiverFacts } from './load-delivery-facts.js';
import { rebuildHomeFeed } from './rebuild-home-feed.js';

interface SkeletonItem {
  statusId: number;
  originalId: number;
}

/**
 * The home timeline: skeleton ids from the home feed plus, merged at read time, the posts of
 * followed accounts above the fan-out limit; then hydrated and filtered (mutes included).
 * Reading marks the user active, and a feed fan-out stopped maintaining is rebuilt first.
 */
export async function readHomeTimeline(
  ctx: AppContext,
  input: { viewer: Account; user: User; range: IdRange },
): Promise<{ statuses: SerializedStatus[]; pageIds: number[] }> {
  const { db } = ctx.database;
  const viewerId = input.viewer.id;
  const lastActive = input.user.last_active_at ? Date.parse(input.user.last_active_at) : 0;
  const stale = Date.now() - lastActive > ACTIVE_WINDOW_MS;
  // Only a returning user's feed is rebuilt: an active user's feed is kept by fan-out, and an
  // empty one simply has nothing in it (rebuilding it on every read would cost a scan each time).
  if (stale) await rebuildHomeFeed(ctx, viewerId);
  // One write a minute at most: enough to keep fan-out serving this user.
  if (Date.now() - lastActive > 60_000) {
    await db.updateTable('users').set({ last_active_at: nowIso() }).where('id', '=', input.user.id).execute();
  }

  const range = input.range;
  const [entries, merged] = await Promise.all([feedPage(db, viewerId, range), readTimeMerge(ctx, viewerId, range)]);
  const items: SkeletonItem[] = [
    ...entries.map((e) => ({ statusId: e.status_id, originalId: e.reblog_of_id ?? e.status_id })),
    ...merged,
  ];
  items.sort((a, b) => (range.ascending ? a.statusId - b.statusId : b.statusId - a.statusId));
  // One post shown once: the first appearance in reading order wins over reblogs of it.
  const seenStatus = new Set<number>();
  const seenOriginal = new Set<number>();
  const page: number[] = [];
  for (const item of items) {
    if (page.length >= range.limit) break;
    if (seenStatus.has(item.statusId) || seenOriginal.has(item.originalId)) continue;
    seenStatus.add(item.statusId);
    seenOriginal.add(item.originalId);
    page.push(item.statusId);
  }
  if (range.ascending) page.reverse();
  const statuses = await presentStatuses(ctx, page, input.viewer, { applyMutes: true });
  return { statuses, pageIds: page };
}

/** Posts in the range by followed accounts too large for fan-out, filtered like fan-out would. */
async function readTimeMerge(ctx: AppContext, viewerId: number, range: IdRange): Promise<SkeletonItem[]> {
  const { db } = ctx.database;
  const heavy = await db
    .selectFrom('follows')
    .innerJoin('accounts', 'accounts.id', 'follows.target_account_id')
    .select(['follows.target_account_id', 'follows.show_reblogs', 'follows.languages'])
    .where('follows.account_id', '=', viewerId)
    .where('accounts.followers_count', '>', ctx.config.fanOutFollowerLimit)
    .execute();
  if (heavy.length === 0) return [];
  const rows = await db
    .selectFrom('statuses')
    .select('id')
    .where('account_id', 'in', heavy.map((h) => h.target_account_id))
    .where('moderation_state', '=', 'published')
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('visibility', '!=', 'direct'),
        eb.exists(eb.selectFrom('mentions').select('mentions.id').whereRef('mentions.status_id', '=', 'statuses.id').where('mentions.account_id', '=', viewerId)),
      ]),
    )
    .$if(range.below !== null, (qb) => qb.where('id', '<', range.below!))
    .$if(range.above !== null, (qb) => qb.where('id', '>', range.above!))
    .orderBy('id', range.ascending ? 'asc' : 'desc')
    .limit(range.limit)
    .execute();
  const posts = await loadPostFacts(db, rows.map((r) => r.id));
  const follows = new Map(heavy.map((h) => [h.target_account_id, followOptions(h)]));
  const base = (await loadReceiverFacts(db, [{ id: viewerId, follow: null }], [...posts.values()].flatMap(involvedAccounts))).get(viewerId)!;
  const out: SkeletonItem[] = [];
  for (const row of rows) {
    const post = posts.get(row.id);
    const follow = post ? follows.get(post.accountId) : undefined;
    if (!post || !follow || !belongsInHome(post, { ...base, follow })) continue;
    out.push({ statusId: post.id, originalId: post.reblog?.id ?? post.id });
  }
  return out;
}
