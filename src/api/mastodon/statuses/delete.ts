import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { requireUser } from '../../auth.js';
import { deletePost } from '../../../posts/delete-post.js';
import { statusIdParam } from './status-id.js';

/** DELETE /api/v1/statuses/:id: returns the deleted status with its source text (redraft). */
export function registerDeleteStatusRoute(app: FastifyInstance, ctx: AppContext): void {
  app.delete('/api/v1/statuses/:id', async (request) => {
    const auth = requireUser(request, 'write:statuses');
    return deletePost(ctx, auth.account, statusIdParam(request.params));
  });
}
