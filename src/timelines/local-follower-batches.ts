import type { DbExecutor } from '../db/database.js';
import { followOptions, type Receiver } from './load-delivery-facts.js';

export interface LocalFollowerFilter {
  /** Only followers who asked to be notified of the account's posts (follow with notify=true). */
  notifyOnly?: boolean;
  /** Only followers whose user read Parley at or after this time (ISO). */
  activeSince?: string;
  /** Only these followers (the mentioned accounts of a direct post). */
  onlyAccountIds?: readonly number[];
}

/**
 * The local (enabled) followers of an account as delivery receivers, a keyset-paged batch at a
 * time, so fan-out and new-post notifications never hold every follower of a large account in
 * memory and resume cleanly between batches.
 */
export async function* localFollowerBatches(
  db: DbExecutor,
  accountId: number,
  filter: LocalFollowerFilter,
  batchSize: number,
): AsyncGenerator<Receiver[]> {
  // No listed followers means no receivers (and `in ()` is not valid SQL).
  if (filter.onlyAccountIds !== undefined && filter.onlyAccountIds.length === 0) return;
  let afterId = 0;
  for (;;) {
    const batch = await db
      .selectFrom('follows as f')
      .innerJoin('users as u', 'u.account_id', 'f.account_id')
      .select(['f.id', 'f.account_id', 'f.show_reblogs', 'f.languages'])
      .where('f.target_account_id', '=', accountId)
      .where('f.id', '>', afterId)
      .where('u.disabled', '=', 0)
      .$if(filter.notifyOnly === true, (qb) => qb.where('f.notify', '=', 1))
      .$if(filter.activeSince !== undefined, (qb) => qb.where('u.last_active_at', '>=', filter.activeSince!))
      .$if(filter.onlyAccountIds !== undefined, (qb) => qb.where('f.account_id', 'in', [...filter.onlyAccountIds!]))
      .orderBy('f.id')
      .limit(batchSize)
      .execute();
    if (batch.length === 0) return;
    yield batch.map((f) => ({ id: f.account_id, follow: followOptions(f) }));
    if (batch.length < batchSize) return;
    afterId = batch[batch.length - 1]!.id;
  }
}
