import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { notFound } from '../errors.js';
import { parseInput, zBool, zId } from '../params.js';
import { listReports } from '../../moderation/reports/list-reports.js';
import { presentReports } from '../../moderation/reports/present-reports.js';
import { assignReportToSelf, reopenReport, resolveReport, unassignReport } from '../../moderation/reports/report-lifecycle.js';
import { REPORT_CATEGORIES } from '../../moderation/reports/report-policy.js';
import { requireModerator } from './moderator-auth.js';

const ListQuery = z.object({
  resolved: zBool.optional(),
  account_id: zId.optional(),
  target_account_id: zId.optional(),
  lane: z.enum(['violent', 'general']).optional(),
  category: z.enum(REPORT_CATEGORIES as [string, ...string[]]).optional(),
  source: z.enum(['user', 'screening', 'flagger']).optional(),
  /** Comma-separated languages, or `mine` for the languages the moderator reads. */
  language: z.string().max(200).optional(),
  assigned: z.enum(['me', 'none', 'any']).optional(),
  overdue: zBool.optional(),
  order: z.enum(['queue', 'newest']).optional(),
  max_id: zId.optional(),
  min_id: zId.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
});

/** Mastodon's /api/v1/admin/reports, with Parley's lanes, priorities and deadlines. */
export async function registerAdminReportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/admin/reports', async (request) => {
    const moderator = requireModerator(request, 'admin:read:reports');
    const q = parseInput(ListQuery, request.query);
    const languages =
      q.language === 'mine'
        ? (JSON.parse(moderator.user.moderation_languages ?? '[]') as string[])
        : q.language?.split(',').map((l) => l.trim()).filter(Boolean);
    const rows = await listReports(ctx, moderator, {
      // Mastodon lists unresolved reports unless asked otherwise.
      resolved: q.resolved ?? false,
      accountId: q.account_id,
      targetAccountId: q.target_account_id,
      lane: q.lane,
      category: q.category as never,
      source: q.source,
      languages,
      assigned: q.assigned,
      overdue: q.overdue,
      order: q.order ?? 'newest',
      maxId: q.max_id ?? null,
      minId: q.min_id ?? null,
      limit: q.limit ?? 100,
      offset: q.offset,
    });
    return presentReports(ctx, rows);
  });

  app.get('/api/v1/admin/reports/:id', async (request) => {
    const moderator = requireModerator(request, 'admin:read:reports');
    const { id } = parseInput(z.object({ id: zId }), request.params);
    return presentOne(ctx, id, moderator.account.id);
  });

  const lifecycle = {
    assign_to_self: assignReportToSelf,
    unassign: unassignReport,
    resolve: resolveReport,
    reopen: reopenReport,
  } as const;
  for (const [action, run] of Object.entries(lifecycle)) {
    app.post(`/api/v1/admin/reports/:id/${action}`, async (request) => {
      const moderator = requireModerator(request, 'admin:write:reports');
      const { id } = parseInput(z.object({ id: zId }), request.params);
      await run(ctx, moderator, id);
      return presentOne(ctx, id, moderator.account.id);
    });
  }
}

async function presentOne(ctx: AppContext, id: number, viewerId: number) {
  const row = await ctx.database.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.target_account_id === viewerId) throw notFound();
  const [report] = await presentReports(ctx, [row]);
  return report;
}
