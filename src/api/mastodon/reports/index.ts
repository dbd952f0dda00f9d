import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { parseInput, zBool, zId, zList } from '../../params.js';
import { serializeAccount } from '../../serializers/account.js';
import { fileReport, MAX_REPORT_COMMENT } from '../../../moderation/reports/file-report.js';
import { REPORT_CATEGORIES } from '../../../moderation/reports/report-policy.js';

const ReportBody = z.object({
  account_id: zId,
  status_ids: zList(zId).pipe(z.array(z.number()).max(100)).optional().default([]),
  comment: z.string().max(MAX_REPORT_COMMENT).optional().default(''),
  forward: zBool.optional(),
  category: z.enum(REPORT_CATEGORIES as [string, ...string[]]).optional().default('other'),
  rule_ids: zList(z.union([z.string(), z.number()]).transform(String)).optional().default([]),
});

/** POST /api/v1/reports — Mastodon's user report, plus Parley's violent categories. */
export async function registerReportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/v1/reports', async (request) => {
    const { account } = requireUser(request, 'write:reports');
    const body = parseInput(ReportBody, request.body);
    const reportId = await fileReport(ctx, {
      reporter: account,
      targetAccountId: body.account_id,
      statusIds: body.status_ids,
      comment: body.comment,
      category: body.category as never,
      ruleIds: body.rule_ids,
    });
    const report = await ctx.database.db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
    const target = await ctx.database.db.selectFrom('accounts').selectAll().where('id', '=', body.account_id).executeTakeFirstOrThrow();
    // The reporter sees their own report: their category, comment and posts, never others'.
    return {
      id: String(report.id),
      action_taken: report.action_taken_at !== null,
      action_taken_at: report.action_taken_at,
      category: body.category,
      comment: body.comment,
      forwarded: false,
      created_at: report.created_at,
      status_ids: body.status_ids.length ? body.status_ids.map(String) : null,
      rule_ids: body.rule_ids.length ? body.rule_ids : null,
      target_account: serializeAccount(target, ctx.config),
    };
  });
}
