import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { favouriteStatus } from '../../../posts/favourite-status.js';
import { presentStatus } from '../../../posts/present-statuses.js';
import { unfavouriteStatus } from '../../../posts/unfavourite-status.js';
import { statusIdParam } from './status-id.js';

/** POST /api/v1/statuses/:id/favourite and …/unfavourite */
export function registerFavouriteRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/statuses/:id/favourite', async (request) => {
    const auth = requireUser(request, 'write:favourites');
    const id = await favouriteStatus(ctx, auth.account, statusIdParam(request.params));
    return presentStatus(ctx, id, auth.account);
  });
  app.post('/api/v1/statuses/:id/unfavourite', async (request) => {
    const auth = requireUser(request, 'write:favourites');
    const id = await unfavouriteStatus(ctx, auth.account, statusIdParam(request.params));
    return presentStatus(ctx, id, auth.account);
  });
}
