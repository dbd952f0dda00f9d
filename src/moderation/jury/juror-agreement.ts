import type { AppContext } from '../../context.js';

/**
 * How often each juror's votes agreed with the final decision of the case (by the jury or by a
 * moderator who overrode it). Only decided cases count.
 */
export async function computeJurorAgreement(ctx: AppContext) {
  const { db } = ctx.database;
  const jurors = await db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['accounts.id', 'accounts.username'])
    .where('users.juror', '=', 1)
    .execute();
  const votes = await db.selectFrom('jury_votes').selectAll().execute();
  const appealIds = votes.filter((v) => v.case_type === 'appeal').map((v) => v.case_id);
  const reportIds = votes.filter((v) => v.case_type === 'report').map((v) => v.case_id);
  const appeals = appealIds.length ? await db.selectFrom('appeals').select(['id', 'state']).where('id', 'in', appealIds).execute() : [];
  const reports = reportIds.length ? await db.selectFrom('reports').select(['id', 'resolution', 'action_taken_at']).where('id', 'in', reportIds).execute() : [];
  const final = new Map<string, 'uphold' | 'overturn'>();
  for (const a of appeals) if (a.state !== 'pending') final.set(`appeal:${a.id}`, a.state === 'approved' ? 'overturn' : 'uphold');
  for (const r of reports) if (r.action_taken_at) final.set(`report:${r.id}`, r.resolution === 'dismissed' || r.resolution === 'approved' ? 'overturn' : 'uphold');
  return jurors.map((j) => {
    const mine = votes.filter((v) => v.juror_account_id === j.id);
    const decided = mine.filter((v) => final.has(`${v.case_type}:${v.case_id}`));
    const agreed = decided.filter((v) => final.get(`${v.case_type}:${v.case_id}`) === v.vote).length;
    return {
      account_id: String(j.id),
      username: j.username,
      votes: mine.length,
      decided_votes: decided.length,
      agreed,
      agreement_rate: decided.length ? Math.round((agreed / decided.length) * 1000) / 1000 : null,
    };
  });
}
