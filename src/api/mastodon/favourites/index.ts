import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { listInteractedStatuses } from '../../../timelines/list-interacted-statuses.js';
import { requireUser } from '../../auth.js';
import { parsePageParams, toIdRange } from '../../pagination.js';
import { setListLinkHeader } from '../accounts-graph/route-helpers.js';

/** GET /api/v1/favourites: Link headers carry favourite ids, not status ids, as in Mastodon. */
export async function registerFavouriteRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/favourites', async (request, reply) => {
    const { account } = requireUser(request, 'read:favourites');
    const range = toIdRange(parsePageParams(request.query));
    const page = await listInteractedStatuses(ctx, { viewer: account, kind: 'favourites', range });
    setListLinkHeader(request, reply, page.pageIds, { publicUrl: ctx.config.publicUrl, limit: range.limit, prevKey: 'min_id' });
    return page.statuses;
  });
}
