import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { ReportCategory } from '../../db/schema/moderation.js';
import type { ScreeningResult } from '../content-screener.js';
import { ensureSystemAccount } from '../system-account.js';
import { upsertReport } from './upsert-report.js';
import { isViolentCategory } from './report-policy.js';

/**
 * Every `review` or `hold` verdict opens a report filed by the instance's system account, in
 * the same transaction that stores the post, so no flagged post can exist without its report.
 */
export async function openScreeningReport(
  ctx: AppContext,
  tx: Tx,
  post: { statusId: number; accountId: number; language: string | null },
  verdict: ScreeningResult,
): Promise<number | null> {
  if (verdict.decision === 'allow') return null;
  const system = await ensureSystemAccount(tx.db, ctx.config);
  const category: ReportCategory = isViolentCategory(verdict.category) ? (verdict.category as ReportCategory) : 'violation';
  const held = verdict.decision === 'hold';
  const { reportId } = await upsertReport(ctx, tx, {
    source: 'screening',
    reporterKey: 'screening',
    reporterAccountId: system.id,
    targetAccountId: post.accountId,
    statusIds: [post.statusId],
    category,
    comment: `Automatic screening: ${verdict.decision} (${verdict.category ?? 'uncategorised'}, score ${verdict.score.toFixed(2)})`,
    language: verdict.lang !== 'und' ? verdict.lang : post.language,
    screening: { score: verdict.score, category: verdict.category, reasons: verdict.reasons, decision: verdict.decision },
    held,
    actor: { accountId: null, type: 'system' },
  });
  return reportId;
}

/** A display name, bio or profile field the screener doubted: saved, and reported to moderators. */
export async function openProfileScreeningReport(
  ctx: AppContext,
  tx: Tx,
  profile: { accountId: number; language: string | null },
  verdict: ScreeningResult,
): Promise<number | null> {
  if (verdict.decision !== 'review') return null;
  const system = await ensureSystemAccount(tx.db, ctx.config);
  const category: ReportCategory = isViolentCategory(verdict.category) ? (verdict.category as ReportCategory) : 'violation';
  const { reportId } = await upsertReport(ctx, tx, {
    source: 'screening',
    reporterKey: 'screening',
    reporterAccountId: system.id,
    targetAccountId: profile.accountId,
    statusIds: [],
    category,
    comment: `Automatic screening of the profile: review (${verdict.category ?? 'uncategorised'}, score ${verdict.score.toFixed(2)})`,
    language: verdict.lang !== 'und' ? verdict.lang : profile.language,
    screening: { score: verdict.score, category: verdict.category, reasons: verdict.reasons, decision: verdict.decision },
    actor: { accountId: null, type: 'system' },
  });
  return reportId;
}
