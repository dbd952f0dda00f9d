import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { generateId } from '../lib/ids.js';
import { isoIn, nowIso } from '../lib/time.js';
import { unmergeAuthor } from '../timelines/feed-queries.js';
import { requireAccount } from './graph-queries.js';
import { loadRelationship, type RelationshipState } from './load-relationships.js';

export interface MuteInput {
  viewer: Account;
  targetId: number;
  /** Also hide notifications from the account (default true). */
  notifications?: boolean;
  /** Seconds until the mute lifts; 0 or absent mutes indefinitely. */
  durationSeconds?: number;
}

/**
 * Mutes an account (muting again updates the options). Its posts leave the home feed now;
 * mutes are applied at read time as well, so an expired mute needs no clean-up job.
 */
export async function muteAccount(ctx: AppContext, input: MuteInput): Promise<RelationshipState> {
  const { db } = ctx.database;
  const target = await requireAccount(db, input.targetId);
  const me = input.viewer.id;
  if (target.id !== me) {
    const hide = input.notifications === false ? 0 : 1;
    const expiresAt = input.durationSeconds && input.durationSeconds > 0 ? isoIn(input.durationSeconds * 1000) : null;
    await ctx.database.transaction(async (tx) => {
      await tx.db
        .insertInto('mutes')
        .values({ id: generateId(), account_id: me, target_account_id: target.id, hide_notifications: hide, expires_at: expiresAt, created_at: nowIso() })
        .onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doUpdateSet({ hide_notifications: hide, expires_at: expiresAt }))
        .execute();
      await unmergeAuthor(tx.db, me, target.id);
    });
  }
  return loadRelationship(db, me, target.id);
}
