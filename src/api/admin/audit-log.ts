import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseInput, zId } from '../params.js';
import { setLinkHeader } from '../pagination.js';
import { requireModerator } from './moderator-auth.js';

const Query = z.object({
  actor_account_id: zId.optional(),
  action: z.string().max(100).optional(),
  subject_type: z.enum(['status', 'account', 'report', 'appeal', 'flagger', 'setting', 'screening_rule', 'tag']).optional(),
  subject_id: zId.optional(),
  report_id: zId.optional(),
  max_id: zId.optional(),
  min_id: zId.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/**
 * The append-only moderation log, newest first. Read-only by construction: no route edits or
 * deletes entries, and the database refuses UPDATE and DELETE on the table.
 */
export async function registerAuditLogRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/admin/audit_log', async (request, reply) => {
    requireModerator(request, 'admin:read');
    const q = parseInput(Query, request.query);
    let query = ctx.database.db.selectFrom('moderation_events').selectAll();
    if (q.actor_account_id) query = query.where('actor_account_id', '=', q.actor_account_id);
    if (q.action) query = query.where('action', '=', q.action);
    if (q.subject_type) query = query.where('subject_type', '=', q.subject_type);
    if (q.subject_id) query = query.where('subject_id', '=', q.subject_id);
    if (q.report_id) query = query.where('report_id', '=', q.report_id);
    if (q.max_id) query = query.where('id', '<', q.max_id);
    const limit = q.limit ?? 100;
    const rows = q.min_id
      ? (await query.where('id', '>', q.min_id).orderBy('id', 'asc').limit(limit).execute()).reverse()
      : await query.orderBy('id', 'desc').limit(limit).execute();
    const actorIds = [...new Set(rows.map((r) => r.actor_account_id).filter((id): id is number => id !== null))];
    const actors = actorIds.length
      ? await ctx.database.db.selectFrom('accounts').select(['id', 'username']).where('id', 'in', actorIds).execute()
      : [];
    const names = new Map(actors.map((a) => [a.id, a.username]));
    setLinkHeader(request, reply, rows.map((r) => r.id), ctx.config.publicUrl);
    return rows.map((r) => ({
      id: String(r.id),
      action: r.action,
      actor: r.actor_account_id ? { id: String(r.actor_account_id), username: names.get(r.actor_account_id) ?? null } : null,
      actor_type: r.actor_type,
      subject_type: r.subject_type,
      subject_id: r.subject_id === null ? null : String(r.subject_id),
      report_id: r.report_id === null ? null : String(r.report_id),
      text: r.text,
      data: r.data ? (JSON.parse(r.data) as unknown) : null,
      created_at: r.created_at,
    }));
  });
}
