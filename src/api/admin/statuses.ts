import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { parseInput, zId } from '../params.js';
import { approveStatus, markStatusSensitive, removeStatus } from '../../moderation/actions/moderate-status.js';
import { presentStatusesForModerators } from '../../moderation/present-for-moderators.js';
import { requireModerator } from './moderator-auth.js';

const DecisionBody = z.object({
  /** The statement of reasons the author receives. */
  text: z.string().max(5000).optional().default(''),
  report_id: zId.optional(),
});

/** Parley's post-level moderation: approve a held post, remove a post, mark it sensitive. */
export async function registerAdminStatusRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const actions = { approve: approveStatus, remove: removeStatus, sensitive: markStatusSensitive } as const;
  for (const [name, act] of Object.entries(actions)) {
    app.post(`/api/v1/admin/statuses/:id/${name}`, async (request) => {
      const moderator = requireModerator(request, 'admin:write:reports');
      const { id } = parseInput(z.object({ id: zId }), request.params);
      const body = parseInput(DecisionBody, request.body);
      await act(ctx, moderator, { statusId: id, text: body.text, reportId: body.report_id ?? null });
      const [status] = await presentStatusesForModerators(ctx, [id]);
      return status ?? {};
    });
  }
}
