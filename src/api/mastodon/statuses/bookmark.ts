import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { bookmarkStatus } from '../../../posts/bookmark-status.js';
import { presentStatus } from '../../../posts/present-statuses.js';
import { unbookmarkStatus } from '../../../posts/unbookmark-status.js';
import { statusIdParam } from './status-id.js';

/** POST /api/v1/statuses/:id/bookmark and …/unbookmark */
export function registerBookmarkRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post('/api/v1/statuses/:id/bookmark', async (request) => {
    const auth = requireUser(request, 'write:bookmarks');
    const id = await bookmarkStatus(ctx, auth.account, statusIdParam(request.params));
    return presentStatus(ctx, id, auth.account);
  });
  app.post('/api/v1/statuses/:id/unbookmark', async (request) => {
    const auth = requireUser(request, 'write:bookmarks');
    const id = await unbookmarkStatus(ctx, auth.account, statusIdParam(request.params));
    return presentStatus(ctx, id, auth.account);
  });
}
