import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { registerAccountsSearch } from './accounts-search.js';
import { registerV2Search } from './v2-search.js';

export async function registerSearchRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerV2Search(app, ctx);
  registerAccountsSearch(app, ctx);
}
