import type { AppContext } from '../../context.js';
import type { Account } from '../../api/auth.js';
import { forbidden, notFound } from '../../api/errors.js';
import { ensureSystemAccount } from '../system-account.js';

export type CaseType = 'appeal' | 'report';

/** A juror is a user an admin trusted with the juror flag. */
export interface Juror {
  account: Account;
}

export function asJuror(auth: { account: Account; user: { juror: number } }): Juror {
  if (auth.user.juror !== 1) throw forbidden('This action requires the juror role');
  return { account: auth.account };
}

export interface JuryCase {
  type: CaseType;
  id: number;
  category: string | null;
  /** The posts concerned, as text only: no author, no reporter. */
  posts: Array<{ text: string; spoiler_text: string; language: string | null; created_at: string }>;
  decision: { action: string; text: string } | null;
  appeal_text: string | null;
  votes: { uphold: number; overturn: number };
  my_vote: string | null;
}

/**
 * The cases a juror may see: pending appeals and open lower-severity reports (never the violent
 * lane), minus every case the juror is part of — as author, reporter, appellant or the
 * moderator who decided. Cases carry no account identity at all.
 */
export async function listJuryCases(ctx: AppContext, juror: Juror): Promise<JuryCase[]> {
  const { db } = ctx.database;
  const me = juror.account.id;
  // Appeals of the jury's own decisions go to moderators: a jury cannot review itself.
  const system = await ensureSystemAccount(db, ctx.config);
  const appeals = await db
    .selectFrom('appeals')
    .innerJoin('account_warnings', 'account_warnings.id', 'appeals.account_warning_id')
    .select(['appeals.id', 'appeals.text', 'appeals.account_id', 'account_warnings.action', 'account_warnings.text as decision_text', 'account_warnings.status_ids', 'account_warnings.category', 'account_warnings.moderator_account_id', 'account_warnings.report_id'])
    .where('appeals.state', '=', 'pending')
    .where('appeals.account_id', '!=', me)
    .where((eb) => eb.or([eb('account_warnings.moderator_account_id', 'is', null), eb('account_warnings.moderator_account_id', 'not in', [me, system.id])]))
    .orderBy('appeals.id')
    .limit(100)
    .execute();
  const reports = await db
    .selectFrom('reports')
    .select(['id', 'category', 'target_account_id'])
    .where('action_taken_at', 'is', null)
    .where('lane', '=', 'general')
    .where('target_account_id', '!=', me)
    .orderBy('priority', 'desc')
    .limit(100)
    .execute();
  const reportIds = [...reports.map((r) => r.id), ...appeals.flatMap((a) => (a.report_id ? [a.report_id] : []))];
  const myReports = new Set(
    reportIds.length
      ? (await db.selectFrom('report_reporters').select('report_id').where('report_id', 'in', reportIds).where('reporter_key', '=', `account:${me}`).execute()).map((r) => r.report_id)
      : [],
  );
  const links = reports.length ? await db.selectFrom('report_statuses').selectAll().where('report_id', 'in', reports.map((r) => r.id)).execute() : [];
  const statusIds = [...links.map((l) => l.status_id), ...appeals.flatMap((a) => (JSON.parse(a.status_ids) as string[]).map(Number))];
  const statuses = statusIds.length
    ? await db.selectFrom('statuses').select(['id', 'text', 'spoiler_text', 'language', 'created_at', 'visibility']).where('id', 'in', statusIds).execute()
    : [];
  // Jurors are ordinary users: a case about a private or direct post stays with moderators.
  const privateIds = new Set(statuses.filter((st) => st.visibility !== 'public' && st.visibility !== 'unlisted').map((st) => st.id));
  const byId = new Map(statuses.map((s) => [s.id, { text: s.text, spoiler_text: s.spoiler_text, language: s.language, created_at: s.created_at }]));
  const tallies = await tallyVotes(ctx, [...appeals.map((a) => ({ type: 'appeal' as const, id: a.id })), ...reports.map((r) => ({ type: 'report' as const, id: r.id }))], me);

  const cases: JuryCase[] = [];
  for (const a of appeals) {
    if (a.report_id && myReports.has(a.report_id)) continue;
    if ((JSON.parse(a.status_ids) as string[]).some((id) => privateIds.has(Number(id)))) continue;
    cases.push({
      type: 'appeal',
      id: a.id,
      category: a.category,
      posts: (JSON.parse(a.status_ids) as string[]).flatMap((id) => byId.get(Number(id)) ?? []),
      decision: { action: a.action, text: a.decision_text },
      appeal_text: a.text,
      ...tallies(`appeal:${a.id}`),
    });
  }
  for (const r of reports) {
    if (myReports.has(r.id)) continue;
    if (links.some((l) => l.report_id === r.id && privateIds.has(l.status_id))) continue;
    cases.push({
      type: 'report',
      id: r.id,
      category: r.category,
      posts: links.filter((l) => l.report_id === r.id).flatMap((l) => byId.get(l.status_id) ?? []),
      decision: null,
      appeal_text: null,
      ...tallies(`report:${r.id}`),
    });
  }
  return cases;
}

/** One case, if the juror may see it. */
export async function findJuryCase(ctx: AppContext, juror: Juror, type: CaseType, id: number): Promise<JuryCase> {
  const found = (await listJuryCases(ctx, juror)).find((c) => c.type === type && c.id === id);
  if (!found) throw notFound();
  return found;
}

async function tallyVotes(ctx: AppContext, cases: Array<{ type: CaseType; id: number }>, me: number) {
  const rows = cases.length
    ? await ctx.database.db
        .selectFrom('jury_votes')
        .select(['case_type', 'case_id', 'vote', 'juror_account_id'])
        .where('case_id', 'in', cases.map((c) => c.id))
        .execute()
    : [];
  return (key: string) => {
    const votes = rows.filter((r) => `${r.case_type}:${r.case_id}` === key);
    return {
      votes: { uphold: votes.filter((v) => v.vote === 'uphold').length, overturn: votes.filter((v) => v.vote === 'overturn').length },
      my_vote: votes.find((v) => v.juror_account_id === me)?.vote ?? null,
    };
  };
}
