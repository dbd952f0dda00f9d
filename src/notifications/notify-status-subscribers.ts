import type { AppContext } from '../context.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { belongsInHome, type PostFacts } from '../timelines/home-delivery-rules.js';
import { loadReceiverFacts } from '../timelines/load-delivery-facts.js';
import { localFollowerBatches } from '../timelines/local-follower-batches.js';

const BATCH = 500;

/**
 * `status` notifications for followers who asked to be notified (follow with notify=true),
 * as Mastodon sends them: original posts and self-replies only, never reblogs, and only to
 * followers whose home the post would reach (blocks and mutes respected). Idempotent: a
 * follower already notified about the post is skipped.
 */
export async function notifyStatusSubscribers(ctx: AppContext, post: PostFacts): Promise<void> {
  if (post.reblog) return;
  if (post.inReplyToId !== null && post.inReplyToAccountId !== post.accountId) return;
  const { db } = ctx.database;
  for await (const receivers of localFollowerBatches(db, post.accountId, { notifyOnly: true }, BATCH)) {
    const facts = await loadReceiverFacts(db, receivers, [post.accountId, ...post.mentionedIds]);
    const wanted = receivers.filter((r) => belongsInHome(post, facts.get(r.id)!)).map((r) => r.id);
    if (wanted.length > 0) {
      const already = await db
        .selectFrom('notifications')
        .select('account_id')
        .where('account_id', 'in', wanted)
        .where('type', '=', 'status')
        .where('status_id', '=', post.id)
        .execute();
      const done = new Set(already.map((r) => r.account_id));
      const now = nowIso();
      const rows = wanted
        .filter((id) => !done.has(id))
        .map((id) => ({ id: generateId(), account_id: id, from_account_id: post.accountId, type: 'status' as const, status_id: post.id, data: null, created_at: now }));
      if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
    }
  }
}
