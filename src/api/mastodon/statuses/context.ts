import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { optionalUser } from '../../auth.js';
import { getStatusContext } from '../../../posts/get-status-context.js';
import { statusIdParam } from './status-id.js';

/** GET /api/v1/statuses/:id/context */
export function registerStatusContextRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/statuses/:id/context', async (request) => {
    const viewer = optionalUser(request, 'read:statuses');
    return getStatusContext(ctx, statusIdParam(request.params), viewer?.account ?? null);
  });
}
