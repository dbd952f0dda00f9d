import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../context.js';
import { optionalUser } from '../../auth.js';
import { parsePageParams, setLinkHeader, toIdRange } from '../../pagination.js';
import { serializeAccount } from '../../serializers/account.js';
import { listStatusInteractors } from '../../../posts/list-status-interactors.js';
import { statusIdParam } from './status-id.js';

/** GET /api/v1/statuses/:id/reblogged_by and …/favourited_by, paginated with Link headers. */
export function registerInteractorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const handler = (kind: 'reblogs' | 'favourites') => async (request: FastifyRequest, reply: FastifyReply) => {
    const viewer = optionalUser(request, 'read:accounts');
    const id = statusIdParam(request.params);
    const range = toIdRange(parsePageParams(request.query, 40, 80));
    const page = await listStatusInteractors(ctx, kind, id, viewer?.account ?? null, range);
    setLinkHeader(request, reply, page.pageIds, ctx.config.publicUrl);
    return page.accounts.map((a) => serializeAccount(a, ctx.config));
  };
  app.get('/api/v1/statuses/:id/reblogged_by', handler('reblogs'));
  app.get('/api/v1/statuses/:id/favourited_by', handler('favourites'));
}
