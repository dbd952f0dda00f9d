import type { Tx } from '../../db/database.js';
import { generateId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import type { Actor } from '../moderator.js';

/** Mastodon's account-warning actions, plus Parley's post-level ones. */
export type WarningAction =
  | 'none'
  | 'disable'
  | 'mark_statuses_as_sensitive'
  | 'delete_statuses'
  | 'sensitive'
  | 'silence'
  | 'suspend';

/**
 * Strike weight of each decision; strikes add up on the account (see `strikeTotal`). A plain
 * warning counts too, so repeated warnings escalate.
 */
export const STRIKE_SEVERITY: Record<WarningAction, number> = {
  none: 1,
  mark_statuses_as_sensitive: 1,
  sensitive: 2,
  delete_statuses: 2,
  silence: 3,
  disable: 4,
  suspend: 5,
};

export interface WarningInput {
  targetAccountId: number;
  moderator: Actor;
  action: WarningAction;
  /** The statement of reasons written by the moderator. */
  text: string;
  statusIds?: number[];
  reportId?: number | null;
  category?: string | null;
  endsAt?: string | null;
  /** Strike weight; defaults to the action's. Automatic escalations carry none. */
  strikeSeverity?: number;
}

/**
 * Writes the statement of reasons the affected user receives (Mastodon's AccountWarning) and
 * notifies them with a `moderation_warning` notification.
 */
export async function issueWarning(tx: Tx, input: WarningInput): Promise<number> {
  const id = generateId();
  await tx.db
    .insertInto('account_warnings')
    .values({
      id,
      target_account_id: input.targetAccountId,
      moderator_account_id: input.moderator.account.id,
      action: input.action,
      text: input.text,
      status_ids: JSON.stringify((input.statusIds ?? []).map(String)),
      report_id: input.reportId ?? null,
      category: input.category ?? null,
      ends_at: input.endsAt ?? null,
      strike_severity: input.strikeSeverity ?? STRIKE_SEVERITY[input.action],
      overturned_at: null,
      created_at: nowIso(),
    })
    .execute();
  // Inserted directly: a moderation notice must reach the user even if they blocked the
  // moderator, and it names the account itself (as Mastodon does), not the moderator.
  await tx.db
    .insertInto('notifications')
    .values({
      id: generateId(),
      account_id: input.targetAccountId,
      from_account_id: input.targetAccountId,
      type: 'moderation_warning',
      status_id: null,
      data: JSON.stringify({ account_warning_id: String(id) }),
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** The sum of strikes not overturned on appeal. */
export async function strikeTotal(tx: Tx | { db: Tx['db'] }, accountId: number): Promise<number> {
  const row = await tx.db
    .selectFrom('account_warnings')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('strike_severity'), eb.lit(0)).as('total'))
    .where('target_account_id', '=', accountId)
    .where('overturned_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
