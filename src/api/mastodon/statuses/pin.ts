import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { pinStatus } from '../../../posts/pin-status.js';
import { presentStatus } from '../../../posts/present-statuses.js';
import { unpinStatus } from '../../../posts/unpin-status.js';
import { statusIdParam } from './status-id.js';

/** POST /api/v1/statuses/:id/pin and …/unpin (Mastodon files pins under write:accounts) */
export function registerPinRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/statuses/:id/pin', async (request) => {
    const auth = requireUser(request, 'write:accounts');
    const id = await pinStatus(ctx, auth.account, statusIdParam(request.params));
    return presentStatus(ctx, id, auth.account);
  });
  app.post('/api/v1/statuses/:id/unpin', async (request) => {
    const auth = requireUser(request, 'write:accounts');
    const id = await unpinStatus(ctx, auth.account, statusIdParam(request.params));
    return presentStatus(ctx, id, auth.account);
  });
}
