import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { ReportCategory, ReportLane, ReportSource } from '../../db/schema/moderation.js';
import { generateId } from '../../lib/ids.js';
import { isoIn, nowIso } from '../../lib/time.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';
import { loadModerationSettings } from '../settings/instance-settings.js';
import { computePriority, isViolentCategory, laneFor } from './report-policy.js';

export interface ReportSubmission {
  source: ReportSource;
  /** `account:<id>`, `flagger:<id>` or `screening`: one vote per independent reporter. */
  reporterKey: string;
  /** The reporting account (the system account for screening and flaggers). */
  reporterAccountId: number;
  flaggerId?: number | null;
  targetAccountId: number;
  statusIds: number[];
  category: ReportCategory;
  comment: string;
  ruleIds?: string[];
  language?: string | null;
  /** The screening verdict, for screening reports. */
  screening?: { score: number; category: string | null; reasons: string[]; decision: string } | null;
  held?: boolean;
  /** Who acts, for the log. */
  actor: { accountId: number | null; type: 'user' | 'system' | 'flagger' };
}

/**
 * Files a report, or merges it into the open report about the same account and posts in the
 * same lane: moderators see one item with a counter of independent reporters instead of a pile
 * of duplicates, and the counter raises its priority. Runs inside the caller's transaction.
 */
export async function upsertReport(ctx: AppContext, tx: Tx, input: ReportSubmission): Promise<{ reportId: number; merged: boolean }> {
  const db = tx.db;
  const lane = laneFor(input.category, input.held);
  const now = nowIso();
  const existing = await findOpenReport(tx, input.targetAccountId, lane, input.statusIds);
  const target = await db.selectFrom('accounts').select('followers_count').where('id', '=', input.targetAccountId).executeTakeFirstOrThrow();

  if (existing) {
    const added = await db
      .insertInto('report_reporters')
      .values({ report_id: existing.id, reporter_key: input.reporterKey, category: input.category, comment: input.comment, created_at: now })
      .onConflict((oc) => oc.columns(['report_id', 'reporter_key']).doNothing())
      .executeTakeFirst();
    const isNewReporter = Number(added.numInsertedOrUpdatedRows ?? 0n) > 0;
    await addStatuses(tx, existing.id, input.statusIds);
    const reporterCount = existing.reporter_count + (isNewReporter ? 1 : 0);
    // A more severe category from a later reporter upgrades the report (never downgrades it).
    const category = isViolentCategory(input.category) && !isViolentCategory(existing.category) ? input.category : existing.category;
    const screening = input.screening ?? (existing.screening ? JSON.parse(existing.screening) : null);
    await db
      .updateTable('reports')
      .set({
        // Incremented in SQL so concurrent merges cannot lose a reporter.
        reporter_count: (eb) => eb('reporter_count', '+', isNewReporter ? 1 : 0),
        category,
        priority: computePriority({
          category,
          authorFollowers: target.followers_count,
          reporterCount,
          screeningScore: screening?.score ?? null,
          held: input.held === true || existing.lane === 'violent',
        }),
        screening: screening ? JSON.stringify(screening) : null,
        flagger_id: existing.flagger_id ?? input.flaggerId ?? null,
        updated_at: now,
      })
      .where('id', '=', existing.id)
      .execute();
    await recordModerationEvent(db, {
      actor_account_id: input.actor.accountId,
      actor_type: input.actor.type,
      action: 'report.merged',
      subject_type: 'report',
      subjectId: existing.id,
      reportId: existing.id,
      text: input.comment,
      data: { source: input.source, category: input.category, status_ids: input.statusIds.map(String), new_reporter: isNewReporter },
    });
    return { reportId: existing.id, merged: true };
  }

  const settings = await loadModerationSettings(db);
  const reportId = generateId();
  await db
    .insertInto('reports')
    .values({
      id: reportId,
      source: input.source,
      account_id: input.reporterAccountId,
      flagger_id: input.flaggerId ?? null,
      target_account_id: input.targetAccountId,
      comment: input.comment,
      category: input.category,
      rule_ids: JSON.stringify(input.ruleIds ?? []),
      lane,
      priority: computePriority({
        category: input.category,
        authorFollowers: target.followers_count,
        reporterCount: 1,
        screeningScore: input.screening?.score ?? null,
        held: input.held === true,
      }),
      reporter_count: 1,
      language: input.language ?? null,
      screening: input.screening ? JSON.stringify(input.screening) : null,
      deadline_at: isoIn(settings.deadlineMinutes[lane] * 60_000),
      overdue_alerted_at: null,
      assigned_account_id: null,
      action_taken_at: null,
      action_taken_by_account_id: null,
      resolution: null,
      forwarded: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('report_reporters')
    .values({ report_id: reportId, reporter_key: input.reporterKey, category: input.category, comment: input.comment, created_at: now })
    .execute();
  await addStatuses(tx, reportId, input.statusIds);
  await recordModerationEvent(db, {
    actor_account_id: input.actor.accountId,
    actor_type: input.actor.type,
    action: 'report.created',
    subject_type: 'report',
    subjectId: reportId,
    reportId,
    text: input.comment,
    data: { source: input.source, category: input.category, lane, status_ids: input.statusIds.map(String) },
  });
  return { reportId, merged: false };
}

async function findOpenReport(tx: Tx, targetAccountId: number, lane: ReportLane, statusIds: number[]) {
  const base = tx.db
    .selectFrom('reports')
    .selectAll('reports')
    .where('reports.target_account_id', '=', targetAccountId)
    .where('reports.lane', '=', lane)
    .where('reports.action_taken_at', 'is', null);
  if (statusIds.length === 0) {
    return base
      .where((eb) => eb.not(eb.exists(eb.selectFrom('report_statuses').select('status_id').whereRef('report_statuses.report_id', '=', 'reports.id'))))
      .orderBy('reports.id')
      .executeTakeFirst();
  }
  return base
    .where((eb) =>
      eb.exists(
        eb.selectFrom('report_statuses').select('status_id').whereRef('report_statuses.report_id', '=', 'reports.id').where('status_id', 'in', statusIds),
      ),
    )
    .orderBy('reports.id')
    .executeTakeFirst();
}

async function addStatuses(tx: Tx, reportId: number, statusIds: number[]): Promise<void> {
  if (statusIds.length === 0) return;
  await tx.db
    .insertInto('report_statuses')
    .values([...new Set(statusIds)].map((status_id) => ({ report_id: reportId, status_id })))
    .onConflict((oc) => oc.columns(['report_id', 'status_id']).doNothing())
    .execute();
}
