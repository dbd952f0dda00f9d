import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { optionalUser } from '../../auth.js';
import { parseInput, zId, zList } from '../../params.js';
import { presentStatuses } from '../../../posts/present-statuses.js';

// Mastodon returns at most this many statuses from one request.
const MAX_IDS = 20;

const ListQuery = z.object({ id: zList(zId).optional() });

/** GET /api/v1/statuses?id[]=…: the visible ones among several statuses, in the order asked. */
export function registerListStatusesRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/statuses', async (request) => {
    const viewer = optionalUser(request, 'read:statuses');
    // Read `id[]` directly too, whatever shape the query parser hands over.
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const query = parseInput(ListQuery, { id: raw.id ?? raw['id[]'] });
    const ids = [...new Set(query.id ?? [])].slice(0, MAX_IDS);
    return presentStatuses(ctx, ids, viewer?.account ?? null);
  });
}
