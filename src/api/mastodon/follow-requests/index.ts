import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { authorizeFollowRequest } from '../../../graph/authorize-follow-request.js';
import { rejectFollowRequest } from '../../../graph/reject-follow-request.js';
import { listRelatedAccounts } from '../../../graph/list-related-accounts.js';
import { requireUser } from '../../auth.js';
import { serializeRelationship } from '../../serializers/relationship.js';
import { accountPageRange, pathId, sendAccountPage } from '../accounts-graph/route-helpers.js';

/** GET /api/v1/follow_requests and POST /api/v1/follow_requests/:account_id/authorize|reject. */
export async function registerFollowRequestRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/follow_requests', async (request, reply) => {
    const { account } = requireUser(request, 'read:follows');
    const range = accountPageRange(request);
    const items = await listRelatedAccounts(ctx, {
      kind: 'follow_requests',
      subjectId: account.id,
      viewer: account,
      range,
    });
    return sendAccountPage(request, reply, items, ctx.config, range.limit);
  });

  app.post('/api/v1/follow_requests/:id/authorize', async (request) => {
    const { account } = requireUser(request, 'write:follows');
    return serializeRelationship(await authorizeFollowRequest(ctx, { viewer: account, requesterId: pathId(request) }));
  });

  app.post('/api/v1/follow_requests/:id/reject', async (request) => {
    const { account } = requireUser(request, 'write:follows');
    return serializeRelationship(await rejectFollowRequest(ctx, { viewer: account, requesterId: pathId(request) }));
  });
}
