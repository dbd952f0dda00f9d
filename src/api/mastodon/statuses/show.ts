import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { optionalUser } from '../../auth.js';
import { presentStatus } from '../../../posts/present-statuses.js';
import { statusIdParam } from './status-id.js';

/** GET /api/v1/statuses/:id (public statuses need no token) */
export function registerShowStatusRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/statuses/:id', async (request) => {
    const id = statusIdParam(request.params);
    const viewer = optionalUser(request, 'read:statuses');
    return presentStatus(ctx, id, viewer?.account ?? null);
  });
}
