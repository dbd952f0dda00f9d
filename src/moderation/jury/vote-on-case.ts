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
  await ctx.database.transaction(async (tx) => {
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
  });
  const votes = { ...found.votes, [vote]: found.votes[vote] + 1 };
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
  const [first, ...rest] = statusIds;
  await removeStatus(ctx, jury, { statusId: first!, text: statement, reportId: caseId });
  for (const statusId of rest) await removeStatus(ctx, jury, { statusId, text: statement });
}
