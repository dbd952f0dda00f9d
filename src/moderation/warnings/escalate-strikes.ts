import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { isoIn, nowIso } from '../../lib/time.js';
import { applySanction } from '../actions/act-on-account.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';
import type { Actor } from '../moderator.js';
import { loadModerationSettings } from '../settings/instance-settings.js';
import { issueWarning, strikeTotal } from './issue-warning.js';

/**
 * Applies the admin's strike policy after a decision added strikes: every step whose threshold
 * the total has just crossed is applied (silence or suspend, possibly timed), with its own
 * statement of reasons. The consequence itself adds no strike, so steps never cascade.
 */
export async function escalateStrikes(ctx: AppContext, tx: Tx, actor: Actor, accountId: number, added: number): Promise<void> {
  if (added <= 0) return;
  const { strikeEscalation } = await loadModerationSettings(tx.db);
  if (strikeEscalation.length === 0) return;
  const after = await strikeTotal(tx, accountId);
  const before = after - added;
  for (const step of [...strikeEscalation].sort((a, b) => a.at - b.at)) {
    if (!(before < step.at && after >= step.at)) continue;
    const endsAt = step.durationDays ? isoIn(step.durationDays * 86_400_000) : null;
    if (!(await isStronger(tx, accountId, step.action, endsAt))) continue;
    await applySanction(tx, accountId, step.action, nowIso(), endsAt);
    if (endsAt) {
      await ctx.jobs.enqueue(tx, 'lift-account-sanction', { accountId, sanction: step.action, endsAt }, { delayMs: step.durationDays! * 86_400_000 });
    }
    const text = `Automatic ${step.action}: this account reached ${after} strikes; the instance's policy applies this at ${step.at}.`;
    await recordModerationEvent(tx.db, {
      actor_account_id: null,
      actor_type: 'system',
      action: `account.${step.action === 'silence' ? 'silence' : 'suspend'}`,
      subject_type: 'account',
      subjectId: accountId,
      text,
      data: { strikes: after, threshold: step.at, ends_at: endsAt },
    });
    await issueWarning(tx, { targetAccountId: accountId, moderator: actor, action: step.action, text, endsAt, strikeSeverity: 0 });
  }
}

/**
 * A policy step never weakens what is in place: not over an indefinite sanction, not over a
 * longer one, and a limit is moot on a suspended account.
 */
async function isStronger(tx: Tx, accountId: number, action: 'silence' | 'suspend', endsAt: string | null): Promise<boolean> {
  const account = await tx.db
    .selectFrom('accounts')
    .select(['suspended_at', 'suspension_ends_at', 'silenced_at', 'silence_ends_at'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  if (account.suspended_at && (account.suspension_ends_at === null || (endsAt !== null && account.suspension_ends_at >= endsAt))) return false;
  if (action === 'silence' && account.suspended_at) return false;
  if (action === 'silence' && account.silenced_at && (account.silence_ends_at === null || (endsAt !== null && account.silence_ends_at >= endsAt))) return false;
  return true;
}
