import type { AppContext } from '../../context.js';
import { unprocessable } from '../../api/errors.js';
import { generateId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { decideAppeal } from '../appeals/decide-appeal.js';
import { removeStatus } from '../actions/moderate-status.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';
import type { Actor } from '../moderator.js';
import { resolveReportIn } from '../reports/report-lifecycle.js';
import { loadModerationSettings } from '../settings/instance-settings.js';
import { ensureSystemAccount } from '../system-account.js';
import { issueWarning } from '../warnings/issue-warning.js';
import { findJuryCase, type CaseType, type Juror } from './jury-cases.js';

export const MAX_VOTE_REASON = 500;

/**
 * A juror votes on a case with a short reason. Once a quorum has voted and one side holds a
 * strict majority, the jury's decision is carried out as if a moderator had taken it: an
 * appeal is approved or rejected; a report is upheld (its posts removed, or a warning when it
 * names no post) or dismissed. A moderator can still decide the case at any time.
 */
export async function voteOnCase(ctx: AppContext, juror: Juror, type: CaseType, caseId: number, vote: 'uphold' | 'overturn', reason: string) {
  const text = reason.trim();
  if (!text) throw unprocessable("Validation failed: reason can't be blank");
  if (text.length > MAX_VOTE_REASON) throw unprocessable(`Validation failed: reason is longer than ${MAX_VOTE_REASON} characters`);
  const found = await findJuryCase(ctx, juror, type, caseId);
  if (found.my_vote) throw unprocessable('Validation failed: you have already voted on this case');
  // The vote and the recount happen together, so the tally is never read from before the vote.
  const votes = await ctx.database.transaction(async (tx) => {
    await tx.db
      .insertInto('jury_votes')
      .values({ id: generateId(), case_type: type, case_id: caseId, juror_account_id: juror.account.id, vote, reason: text, created_at: nowIso() })
      .execute();
    await recordModerationEvent(tx.db, {
      actor_account_id: juror.account.id,
      actor_type: 'juror',
      action: 'jury.voted',
      subject_type: type,
      subjectId: caseId,
      reportId: type === 'report' ? caseId : null,
      text,
      data: { vote },
    });
    const rows = await tx.db
      .selectFrom('jury_votes')
      .select(['vote', (eb) => eb.fn.countAll<number>().as('n')])
      .where('case_type', '=', type)
      .where('case_id', '=', caseId)
      .groupBy('vote')
      .execute();
    const count = (v: string) => Number(rows.find((r) => r.vote === v)?.n ?? 0);
    return { uphold: count('uphold'), overturn: count('overturn') };
  });
  const total = votes.uphold + votes.overturn;
  const { juryQuorum } = await loadModerationSettings(ctx.database.db);
  if (total < juryQuorum || votes.uphold === votes.overturn) return { decided: false, votes };
  const outcome = votes.uphold > votes.overturn ? 'uphold' : 'overturn';
  await carryOutVerdict(ctx, type, caseId, outcome, votes);
  return { decided: true, outcome, votes };
}

async function carryOutVerdict(ctx: AppContext, type: CaseType, caseId: number, outcome: 'uphold' | 'overturn', votes: { uphold: number; overturn: number }) {
  const system = await ensureSystemAccount(ctx.database.db, ctx.config);
  const jury: Actor = { account: { id: system.id }, actorType: 'juror' };
  const statement = `Decided by the community jury (${votes.uphold} uphold, ${votes.overturn} overturn).`;
  if (type === 'appeal') {
    await decideAppeal(ctx, jury, caseId, outcome === 'overturn' ? 'approve' : 'reject', statement);
    return;
  }
  const statusIds = (await ctx.database.db.selectFrom('report_statuses').select('status_id').where('report_id', '=', caseId).execute()).map((r) => r.status_id);
  if (outcome === 'overturn') {
    await ctx.database.transaction((tx) => resolveReportIn(tx.db, jury, caseId, 'dismissed', statement));
    return;
  }
  if (statusIds.length === 0) {
    const report = await ctx.database.db.selectFrom('reports').select(['target_account_id', 'category']).where('id', '=', caseId).executeTakeFirstOrThrow();
    await ctx.database.transaction(async (tx) => {
      await issueWarning(tx, { targetAccountId: report.target_account_id, moderator: jury, action: 'none', text: statement, reportId: caseId, category: report.category });
      await resolveReportIn(tx.db, jury, caseId, 'warned', statement);
    });
    return;
  }
  // Posts already removed (by a moderator, or by a concurrent final vote) are left as they are.
  const live = (await ctx.database.db.selectFrom('statuses').select('id').where('id', 'in', statusIds).where('moderation_state', '!=', 'removed').where('deleted_at', 'is', null).execute()).map((r) => r.id);
  for (const [i, statusId] of live.entries()) await removeStatus(ctx, jury, { statusId, text: statement, reportId: i === 0 ? caseId : null });
  await ctx.database.transaction((tx) => resolveReportIn(tx.db, jury, caseId, 'removed', statement));
}
