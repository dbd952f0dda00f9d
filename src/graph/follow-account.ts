import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { forbidden, notFound } from '../api/errors.js';
import { createNotification } from '../notifications/create-notification.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { adjustFollowCounts, eitherBlocks, requireAccount } from './graph-queries.js';
import { loadRelationship, type RelationshipState } from './load-relationships.js';

export interface FollowInput {
  viewer: Account;
  targetId: number;
  /** Show the target's reblogs in home (default true). */
  reblogs?: boolean;
  /** Notify when the target posts (default false). */
  notify?: boolean;
  /** Only these languages in home; empty or null means all. */
  languages?: string[] | null;
}

/**
 * Follows an account, or asks to when it is locked. Following again updates the options.
 * As Mastodon: yourself or a suspended account is a 404, a block either way a 403.
 */
export async function followAccount(ctx: AppContext, input: FollowInput): Promise<RelationshipState> {
  const { db } = ctx.database;
  const target = await requireAccount(db, input.targetId);
  if (target.id === input.viewer.id || target.suspended_at) throw notFound();
  if (await eitherBlocks(db, input.viewer.id, target.id)) throw forbidden();

  const options: { show_reblogs?: 0 | 1; notify?: 0 | 1; languages?: string | null } = {};
  if (input.reblogs !== undefined) options.show_reblogs = input.reblogs ? 1 : 0;
  if (input.notify !== undefined) options.notify = input.notify ? 1 : 0;
  if (input.languages !== undefined) options.languages = input.languages?.length ? JSON.stringify(input.languages) : null;

  await ctx.database.transaction(async (tx) => {
    // Checked again inside the transaction: a block committed meanwhile must win.
    if (await eitherBlocks(tx.db, input.viewer.id, target.id)) throw forbidden();
    const pair = (table: 'follows' | 'follow_requests') =>
      tx.db.selectFrom(table).select('id').where('account_id', '=', input.viewer.id).where('target_account_id', '=', target.id);
    const existingFollow = await pair('follows').executeTakeFirst();
    const existingRequest = existingFollow ? undefined : await pair('follow_requests').executeTakeFirst();
    if (existingFollow || existingRequest) {
      if (Object.keys(options).length === 0) return;
      const table = existingFollow ? 'follows' : 'follow_requests';
      await tx.db.updateTable(table).set(options).where('id', '=', (existingFollow ?? existingRequest)!.id).execute();
      return;
    }
    const row = {
      id: generateId(),
      account_id: input.viewer.id,
      target_account_id: target.id,
      show_reblogs: options.show_reblogs ?? 1,
      notify: options.notify ?? 0,
      languages: options.languages ?? null,
      created_at: nowIso(),
    } as const;
    const table = target.locked ? 'follow_requests' : 'follows';
    const inserted = await tx.db
      .insertInto(table)
      .values(row)
      .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing())
      .executeTakeFirst();
    // A concurrent request won the race: it did the bookkeeping.
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
    if (target.locked) {
      await createNotification(tx, { recipientId: target.id, fromAccountId: input.viewer.id, type: 'follow_request' });
      return;
    }
    await adjustFollowCounts(tx.db, input.viewer.id, target.id, 1);
    await createNotification(tx, { recipientId: target.id, fromAccountId: input.viewer.id, type: 'follow' });
    await ctx.jobs.enqueue(tx, 'merge-home-feed', { accountId: input.viewer.id, targetAccountId: target.id });
  });
  return loadRelationship(db, input.viewer.id, target.id);
}
