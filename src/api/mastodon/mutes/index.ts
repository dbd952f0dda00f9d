import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { listRelatedAccounts } from '../../../graph/list-related-accounts.js';
import { requireUser } from '../../auth.js';
import { accountPageRange, sendAccountPage } from '../accounts-graph/route-helpers.js';

/** GET /api/v1/mutes: the accounts the viewer mutes, newest first. */
export async function registerMuteRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/mutes', async (request, reply) => {
    const { account } = requireUser(request, 'read:mutes');
    const range = accountPageRange(request);
    const items = await listRelatedAccounts(ctx, { kind: 'mutes', subjectId: account.id, viewer: account, range });
    return sendAccountPage(request, reply, items, ctx.config, range.limit);
  });
}
