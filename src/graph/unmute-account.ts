import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { requireAccount } from './graph-queries.js';
import { loadRelationship, type RelationshipState } from './load-relationships.js';

export async function unmuteAccount(ctx: AppContext, input: { viewer: Account; targetId: number }): Promise<RelationshipState> {
  const { db } = ctx.database;
  const target = await requireAccount(db, input.targetId);
  await db.deleteFrom('mutes').where('account_id', '=', input.viewer.id).where('target_account_id', '=', target.id).execute();
  return loadRelationship(db, input.viewer.id, target.id);
}
