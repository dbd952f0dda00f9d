import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../context.js';
import { searchAccounts } from '../../../search/search-accounts.js';
import { requireUser } from '../../auth.js';
import { parseInput, zBool } from '../../params.js';
import { serializeAccount } from '../../serializers/account.js';
import { searchLimit } from './search-params.js';

const Query = z.object({
  q: z.unknown().optional(),
  following: zBool.optional(),
  resolve: zBool.optional(),
  limit: z.unknown().optional(),
  offset: z.unknown().optional(),
});

/** GET /api/v1/accounts/search: accounts by handle or name prefix, the exact handle first. */
export function registerAccountsSearch(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/v1/accounts/search', async (request) => {
    const { account } = requireUser(request, 'read:accounts');
    const query = parseInput(Query, request.query);
    const { limit, offset } = searchLimit(query, 40);
    if (typeof query.q !== 'string') return [];
    const accounts = await searchAccounts(ctx, account, { q: query.q, limit, offset, following: query.following ?? false });
    return accounts.map((a) => serializeAccount(a, ctx.config));
  });
}
