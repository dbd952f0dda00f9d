import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import type { StatusRow } from './status-queries.js';
import { loadVisibleStatus } from './visibility.js';

/** The status a favourite or bookmark applies to: the original when given a visible boost. */
export async function resolveInteractionTarget(ctx: AppContext, account: Account, id: number): Promise<StatusRow> {
  const status = await loadVisibleStatus(ctx, id, account);
  return status.reblog_of_id === null ? status : loadVisibleStatus(ctx, status.reblog_of_id, account);
}
