import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { optionalUser } from '../../auth.js';
import { serializeStatusEdit } from '../../serializers/status-edit.js';
import { listStatusHistory } from '../../../posts/list-status-history.js';
import { statusIdParam } from './status-id.js';

/** GET /api/v1/statuses/:id/history: every version, oldest first. */
export function registerStatusHistoryRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/statuses/:id/history', async (request) => {
    const viewer = optionalUser(request, 'read:statuses');
    const versions = await listStatusHistory(ctx, statusIdParam(request.params), viewer?.account ?? null);
    return versions.map((v) => serializeStatusEdit(v, ctx.config));
  });
}
