import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { listAccountStatuses } from '../../../timelines/list-account-statuses.js';
import { optionalUser } from '../../auth.js';
import { parseInput, zBool } from '../../params.js';
import { parsePageParams, setLinkHeader, toIdRange } from '../../pagination.js';
import { pathId } from '../accounts-graph/route-helpers.js';

const Query = z.object({
  exclude_replies: zBool.optional(),
  exclude_reblogs: zBool.optional(),
  pinned: zBool.optional(),
  only_media: zBool.optional(),
  tagged: z.string().optional(),
});

/** GET /api/v1/accounts/:id/statuses. */
export async function registerAccountStatusesRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/accounts/:id/statuses', async (request, reply) => {
    const viewer = optionalUser(request, 'read:statuses');
    const accountId = pathId(request);
    const query = parseInput(Query, request.query);
    const page = await listAccountStatuses(ctx, {
      viewer: viewer?.account ?? null,
      accountId,
      range: toIdRange(parsePageParams(request.query)),
      excludeReplies: query.exclude_replies === true,
      excludeReblogs: query.exclude_reblogs === true,
      pinned: query.pinned === true,
      onlyMedia: query.only_media === true,
      tagged: query.tagged ? query.tagged.replace(/^#/, '') : null,
    });
    setLinkHeader(request, reply, page.pageIds, ctx.config.publicUrl);
    return page.statuses;
  });
}
