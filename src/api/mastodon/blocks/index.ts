import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { listRelatedAccounts } from '../../../graph/list-related-accounts.js';
import { requireUser } from '../../auth.js';
import { accountPageRange, sendAccountPage } from '../accounts-graph/route-helpers.js';

/** GET /api/v1/blocks: the accounts the viewer blocks, newest first. */
export async function registerBlockRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/blocks', async (request, reply) => {
    const { account } = requireUser(request, 'read:blocks');
    const range = accountPageRange(request);
    const items = await listRelatedAccounts(ctx, { kind: 'blocks', subjectId: account.id, viewer: account, range });
    return sendAccountPage(request, reply, items, ctx.config, range.limit);
  });
}
