import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { requireAccount } from './graph-queries.js';
import { loadRelationship, type RelationshipState } from './load-relationships.js';

/** Lifts a block. Follows removed by the block are not restored, as in Mastodon. */
export async function unblockAccount(ctx: AppContext, input: { viewer: Account; targetId: number }): Promise<RelationshipState> {
  const { db } = ctx.database;
  const target = await requireAccount(db, input.targetId);
  await db.deleteFrom('blocks').where('account_id', '=', input.viewer.id).where('target_account_id', '=', target.id).execute();
  return loadRelationship(db, input.viewer.id, target.id);
}
