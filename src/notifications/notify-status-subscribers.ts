import type { AppContext } from '../context.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { belongsInHome, type PostFacts } from '../timelines/home-delivery-rules.js';
import { followOptions, loadReceiverFacts } from '../timelines/load-delivery-facts.js';

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
  let afterId = 0;
  for (;;) {
    const batch = await db
      .selectFrom('follows as f')
      .innerJoin('users as u', 'u.account_id', 'f.account_id')
      .select(['f.id', 'f.account_id', 'f.show_reblogs', 'f.languages'])
      .where('f.target_account_id', '=', post.accountId)
      .where('f.notify', '=', 1)
      .where('f.id', '>', afterId)
      .where('u.disabled', '=', 0)
      .orderBy('f.id')
      .limit(BATCH)
      .execute();
    if (batch.length === 0) return;
    afterId = batch[batch.length - 1]!.id;
    const receivers = batch.map((f) => ({ id: f.account_id, follow: followOptions(f) }));
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
    if (batch.length < BATCH) return;
  }
}
