import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { presentStatuses } from '../../../posts/present-statuses.js';
import { search, type SearchType } from '../../../search/search.js';
import { optionalUser } from '../../auth.js';
import { ApiError, badRequest } from '../../errors.js';
import { parseInput, zBool } from '../../params.js';
import { serializeAccount } from '../../serializers/account.js';
import { searchLimit, zOptionalId } from './search-params.js';
import { serializeTag } from './serialize-tag.js';

const Query = z.object({
  q: z.unknown().optional(),
  type: z.string().optional(),
  resolve: zBool.optional(),
  following: zBool.optional(),
  exclude_unreviewed: zBool.optional(),
  account_id: zOptionalId,
  min_id: zOptionalId,
  max_id: zOptionalId,
  limit: z.unknown().optional(),
  offset: z.unknown().optional(),
});

const TYPES: ReadonlyArray<string> = ['accounts', 'hashtags', 'statuses'];

/** GET /api/v2/search: accounts, hashtags and (for signed-in users) statuses. */
export function registerV2Search(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v2/search', async (request) => {
    const auth = optionalUser(request, 'read:search');
    const query = parseInput(Query, request.query);
    if (typeof query.q !== 'string' || query.q.trim() === '') throw badRequest('param is missing or the value is empty: q');
    if (!auth && query.offset !== undefined && query.offset !== '') {
      throw new ApiError(401, 'Search queries pagination is not supported without authentication');
    }
    if (!auth && query.resolve) throw new ApiError(401, 'Search queries that resolve remote resources are not supported without authentication');
    const { limit, offset } = searchLimit(query, 20);
    const type = query.type === undefined || query.type === '' ? null : query.type;
    if (type !== null && !TYPES.includes(type)) return { accounts: [], statuses: [], hashtags: [] };

    const viewer = auth?.account ?? null;
    const results = await search(ctx, viewer, {
      q: query.q,
      type: type as SearchType | null,
      resolve: query.resolve ?? false,
      following: query.following ?? false,
      excludeUnreviewed: query.exclude_unreviewed ?? false,
      accountId: query.account_id,
      minId: query.min_id,
      maxId: query.max_id,
      limit,
      offset,
    });
    return {
      accounts: results.accounts.map((a) => serializeAccount(a, ctx.config)),
      statuses: await presentStatuses(ctx, results.statusIds, viewer),
      hashtags: results.hashtags.map((t) => serializeTag(t, ctx.config, viewer !== null)),
    };
  });
}
