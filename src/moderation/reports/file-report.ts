import type { AppContext } from '../../context.js';
import type { Account } from '../../api/auth.js';
import type { ReportCategory } from '../../db/schema/moderation.js';
import { notFound, unprocessable } from '../../api/errors.js';
import { loadVisibleStatus } from '../../posts/visibility.js';
import { upsertReport } from './upsert-report.js';
import { INSTANCE_RULES } from '../../instance/instance-rules.js';
import { REPORT_CATEGORIES } from './report-policy.js';

export interface UserReportInput {
  reporter: Account;
  targetAccountId: number;
  statusIds: number[];
  comment: string;
  category: ReportCategory;
  ruleIds: string[];
}

export const MAX_REPORT_COMMENT = 1000;

/**
 * A user reports an account and, optionally, some of its posts (`POST /api/v1/reports`). The
 * posts must be the target's and visible to the reporter; reports in a violent category go to
 * the fast lane.
 */
export async function fileReport(ctx: AppContext, input: UserReportInput) {
  if (!REPORT_CATEGORIES.includes(input.category)) throw unprocessable(`Validation failed: category is not one of ${REPORT_CATEGORIES.join(', ')}`);
  if (input.comment.length > MAX_REPORT_COMMENT) throw unprocessable(`Validation failed: comment is longer than ${MAX_REPORT_COMMENT} characters`);
  if (input.targetAccountId === input.reporter.id) throw unprocessable('Validation failed: you cannot report yourself');
  const unknownRule = input.ruleIds.find((id) => !INSTANCE_RULES.some((rule) => rule.id === id));
  if (unknownRule !== undefined) throw unprocessable(`Validation failed: rule ${unknownRule} is not one of this instance's rules`);
  const { db } = ctx.database;
  const target = await db.selectFrom('accounts').select(['id']).where('id', '=', input.targetAccountId).executeTakeFirst();
  if (!target) throw notFound();
  let language: string | null = null;
  for (const statusId of input.statusIds) {
    const status = await loadVisibleStatus(ctx, statusId, input.reporter);
    if (status.account_id !== input.targetAccountId) {
      throw unprocessable('Validation failed: the reported posts must belong to the reported account');
    }
    language ??= status.language;
  }
  const { reportId } = await ctx.database.transaction((tx) =>
    upsertReport(ctx, tx, {
      source: 'user',
      reporterKey: `account:${input.reporter.id}`,
      reporterAccountId: input.reporter.id,
      targetAccountId: input.targetAccountId,
      statusIds: input.statusIds,
      category: input.category,
      comment: input.comment,
      ruleIds: input.ruleIds,
      language,
      actor: { accountId: input.reporter.id, type: 'user' },
    }),
  );
  return reportId;
}
