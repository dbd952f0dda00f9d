import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { ALL_SCOPES } from '../../scopes.js';
import { CODE_CHALLENGE_METHODS } from '../../../oauth/pkce.js';

/** GET /.well-known/oauth-authorization-server (RFC 8414), as Mastodon 4.3 publishes it. */
export async function registerMetadataRoute(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/.well-known/oauth-authorization-server', async () => {
    const base = ctx.config.publicUrl;
    return {
      issuer: `${base}/`,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      revocation_endpoint: `${base}/oauth/revoke`,
      app_registration_endpoint: `${base}/api/v1/apps`,
      scopes_supported: [...ALL_SCOPES],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      code_challenge_methods_supported: [...CODE_CHALLENGE_METHODS],
      grant_types_supported: ['authorization_code', 'password', 'client_credentials'],
      // Client credentials are read from the request body; the Authorization header carries bearer tokens only.
      token_endpoint_auth_methods_supported: ['client_secret_post'],
    };
  });
}
