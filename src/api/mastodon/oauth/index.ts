import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { registerAuthorizeRoutes } from './authorize.js';
import { registerMetadataRoute } from './metadata.js';
import { registerTokenRoutes } from './token.js';

/** The OAuth 2 server: /oauth/token, /oauth/revoke, /oauth/authorize and its metadata. */
export async function registerOAuthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await registerTokenRoutes(app, ctx);
  await registerAuthorizeRoutes(app, ctx);
  await registerMetadataRoute(app, ctx);
}
