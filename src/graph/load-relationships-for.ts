import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { loadAccountsByIds } from './graph-queries.js';
import { loadRelationships, type RelationshipState } from './load-relationships.js';

/**
 * The viewer's relationships to the requested accounts, in request order. Unknown ids are
 * skipped, and suspended accounts too unless `withSuspended`, as Mastodon does.
 */
export async function loadRelationshipsFor(
  ctx: AppContext,
  input: { viewer: Account; ids: readonly number[]; withSuspended: boolean },
): Promise<RelationshipState[]> {
  const { db } = ctx.database;
  const ids = [...new Set(input.ids)].slice(0, 80);
  const accounts = await loadAccountsByIds(db, ids);
  const wanted = ids.filter((id) => {
    const account = accounts.get(id);
    return account !== undefined && (input.withSuspended || account.suspended_at === null);
  });
  const states = await loadRelationships(db, input.viewer.id, wanted);
  return wanted.map((id) => states.get(id)!);
}
