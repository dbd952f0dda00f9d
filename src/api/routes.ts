import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { registerSearchRoutes } from './mastodon/search/index.js';
import { registerAccountGraphRoutes } from './mastodon/accounts-graph/index.js';
import { registerFollowRequestRoutes } from './mastodon/follow-requests/index.js';
import { registerBlockRoutes } from './mastodon/blocks/index.js';
import { registerMuteRoutes } from './mastodon/mutes/index.js';

/** Every route module, registered in one place. Each area owns its folder under api/. */
export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  void app;
  void ctx;
  await registerSearchRoutes(app, ctx);
  await registerAccountGraphRoutes(app, ctx);
  await registerFollowRequestRoutes(app, ctx);
  await registerBlockRoutes(app, ctx);
  await registerMuteRoutes(app, ctx);
}
