import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.js';
import type { ReportsTable } from '../../db/schema/moderation.js';
import { serializeAdminAccount, type SerializedAdminAccount } from '../../api/serializers/admin-account.js';
import { presentStatusesForModerators } from '../present-for-moderators.js';
import { nowIso } from '../../lib/time.js';
import { INSTANCE_RULES } from '../../instance/instance-rules.js';

type ReportRow = Selectable<ReportsTable>;

/**
 * Mastodon's Admin::Report entity, with Parley's queue fields (`lane`, `priority`,
 * `deadline_at`, `overdue`, `source`, `reporter_count`, `language`, `screening`). Everything is
 * loaded in a handful of batched queries.
 */
export async function presentReports(ctx: AppContext, reports: ReportRow[]) {
  if (reports.length === 0) return [];
  const { db } = ctx.database;
  const reportIds = reports.map((r) => r.id);
  const accountIds = [
    ...new Set(
      reports.flatMap((r) => [r.account_id, r.target_account_id, r.assigned_account_id, r.action_taken_by_account_id]).filter((id): id is number => id !== null),
    ),
  ];
  const [accounts, users, links, reporters, flaggers] = await Promise.all([
    db.selectFrom('accounts').selectAll().where('id', 'in', accountIds).execute(),
    db.selectFrom('users').selectAll().where('account_id', 'in', accountIds).execute(),
    db.selectFrom('report_statuses').selectAll().where('report_id', 'in', reportIds).execute(),
    db.selectFrom('report_reporters').select(['report_id', 'reporter_key', 'category', 'comment', 'created_at']).where('report_id', 'in', reportIds).execute(),
    db.selectFrom('trusted_flaggers').select(['id', 'name']).where('id', 'in', [0, ...reports.map((r) => r.flagger_id ?? 0)]).execute(),
  ]);
  const usersByAccount = new Map(users.map((u) => [u.account_id, u]));
  const adminAccounts = new Map<number, SerializedAdminAccount>(
    accounts.map((a) => [a.id, serializeAdminAccount(a, usersByAccount.get(a.id), ctx.config)]),
  );
  const statusIds = [...new Set(links.map((l) => l.status_id))];
  // The thread a reported reply answers is part of its meaning: its parent comes along.
  const parents = statusIds.length
    ? await db.selectFrom('statuses').select(['id', 'in_reply_to_id']).where('id', 'in', statusIds).where('in_reply_to_id', 'is not', null).execute()
    : [];
  const parentOf = new Map(parents.map((p) => [p.id, p.in_reply_to_id!]));
  const presented = await presentStatusesForModerators(ctx, [...new Set([...statusIds, ...parentOf.values()])]);
  const statuses = new Map(presented.map((s) => [s.id, s]));
  const history = await loadTargetHistory(ctx, [...new Set(reports.map((r) => r.target_account_id))]);
  const flaggerNames = new Map(flaggers.map((f) => [f.id, f.name]));
  const now = nowIso();
  return reports.map((r) => ({
    id: String(r.id),
    action_taken: r.action_taken_at !== null,
    action_taken_at: r.action_taken_at,
    category: r.category,
    comment: r.comment,
    forwarded: r.forwarded === 1,
    created_at: r.created_at,
    updated_at: r.updated_at,
    account: adminAccounts.get(r.account_id) ?? null,
    target_account: adminAccounts.get(r.target_account_id) ?? null,
    assigned_account: r.assigned_account_id ? (adminAccounts.get(r.assigned_account_id) ?? null) : null,
    action_taken_by_account: r.action_taken_by_account_id ? (adminAccounts.get(r.action_taken_by_account_id) ?? null) : null,
    statuses: links.filter((l) => l.report_id === r.id).flatMap((l) => statuses.get(String(l.status_id)) ?? []),
    rules: INSTANCE_RULES.filter((rule) => (JSON.parse(r.rule_ids) as string[]).includes(rule.id)),
    parley: {
      lane: r.lane,
      priority: r.priority,
      deadline_at: r.deadline_at,
      overdue: r.action_taken_at === null && r.deadline_at < now,
      source: r.source,
      reporter_count: r.reporter_count,
      language: r.language,
      resolution: r.resolution,
      screening: r.screening ? (JSON.parse(r.screening) as unknown) : null,
      flagger: r.flagger_id ? { id: String(r.flagger_id), name: flaggerNames.get(r.flagger_id) ?? null } : null,
      in_reply_to: Object.fromEntries(
        links
          .filter((l) => l.report_id === r.id && parentOf.has(l.status_id))
          .map((l) => [String(l.status_id), statuses.get(String(parentOf.get(l.status_id))) ?? null]),
      ),
      target_history: history.get(r.target_account_id) ?? null,
      // Each reporter's own words; which account reported is shown to moderators, never to jurors.
      reports: reporters
        .filter((x) => x.report_id === r.id)
        .map((x) => ({ source: x.reporter_key.split(':')[0], category: x.category, comment: x.comment, created_at: x.created_at })),
    },
  }));
}

/**
 * What moderators need to know about a reported account's past: strikes that stand, earlier
 * decisions, and how many reports about it were filed and resolved.
 */
async function loadTargetHistory(ctx: AppContext, accountIds: number[]) {
  const { db } = ctx.database;
  const [warnings, reportCounts] = await Promise.all([
    db
      .selectFrom('account_warnings')
      .select(['target_account_id', 'action', 'text', 'category', 'strike_severity', 'overturned_at', 'created_at'])
      .where('target_account_id', 'in', accountIds)
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('reports')
      .select((eb) => ['target_account_id', eb.fn.countAll<number>().as('total'), eb.fn.count<number>('action_taken_at').as('resolved')])
      .where('target_account_id', 'in', accountIds)
      .groupBy('target_account_id')
      .execute(),
  ]);
  const counts = new Map(reportCounts.map((c) => [c.target_account_id, c]));
  return new Map(
    accountIds.map((id) => {
      const mine = warnings.filter((w) => w.target_account_id === id);
      return [
        id,
        {
          strikes: mine.filter((w) => !w.overturned_at).reduce((sum, w) => sum + w.strike_severity, 0),
          reports: Number(counts.get(id)?.total ?? 0),
          resolved_reports: Number(counts.get(id)?.resolved ?? 0),
          decisions: mine.slice(0, 10).map((w) => ({ action: w.action, category: w.category, text: w.text, overturned: w.overturned_at !== null, created_at: w.created_at })),
        },
      ] as const;
    }),
  );
}
