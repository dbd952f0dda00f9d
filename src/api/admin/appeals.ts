import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseInput, zId } from '../params.js';
import { decideAppeal } from '../../moderation/appeals/decide-appeal.js';
import { requireModerator } from './moderator-auth.js';

/** The appeals queue: moderators see pending appeals and decide those they did not cause. */
export async function registerAdminAppealRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/admin/appeals', async (request) => {
    requireModerator(request, 'admin:read:reports');
    const { state } = parseInput(z.object({ state: z.enum(['pending', 'approved', 'rejected']).optional() }), request.query);
    const rows = await ctx.database.db
      .selectFrom('appeals')
      .innerJoin('account_warnings', 'account_warnings.id', 'appeals.account_warning_id')
      .select([
        'appeals.id',
        'appeals.text',
        'appeals.state',
        'appeals.created_at',
        'appeals.decided_at',
        'appeals.decided_by_account_id',
        'appeals.account_id',
        'account_warnings.id as warning_id',
        'account_warnings.action',
        'account_warnings.text as decision_text',
        'account_warnings.status_ids',
        'account_warnings.report_id',
        'account_warnings.moderator_account_id',
      ])
      .where('appeals.state', '=', state ?? 'pending')
      .orderBy('appeals.id', 'asc')
      .limit(200)
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      text: r.text,
      state: r.state,
      created_at: r.created_at,
      decided_at: r.decided_at,
      decided_by_account_id: r.decided_by_account_id === null ? null : String(r.decided_by_account_id),
      account_id: String(r.account_id),
      decision: {
        id: String(r.warning_id),
        action: r.action,
        text: r.decision_text,
        status_ids: JSON.parse(r.status_ids) as string[],
        report_id: r.report_id === null ? null : String(r.report_id),
        moderator_account_id: r.moderator_account_id === null ? null : String(r.moderator_account_id),
      },
    }));
  });

  for (const outcome of ['approve', 'reject'] as const) {
    app.post(`/api/v1/admin/appeals/:id/${outcome}`, async (request) => {
      const moderator = requireModerator(request, 'admin:write:reports');
      const { id } = parseInput(z.object({ id: zId }), request.params);
      const { text } = parseInput(z.object({ text: z.string().max(5000).optional().default('') }), request.body);
      await decideAppeal(ctx, moderator, id, outcome, text);
      return { id: String(id), state: outcome === 'approve' ? 'approved' : 'rejected' };
    });
  }
}
