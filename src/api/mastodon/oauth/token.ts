import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { grantToken } from '../../../oauth/grant-token.js';
import { revokeToken } from '../../../oauth/revoke-token.js';
import { serializeToken } from '../../serializers/token.js';
import { oauthParams, sendOAuthError } from './oauth-input.js';

const TOKEN_PARAMS = [
  'grant_type',
  'client_id',
  'client_secret',
  'scope',
  'code',
  'redirect_uri',
  'code_verifier',
  'username',
  'password',
] as const;

/** POST /oauth/token and POST /oauth/revoke. */
export async function registerTokenRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/oauth/token', async (request, reply) => {
    try {
      const token = await grantToken(ctx, oauthParams(request.body, TOKEN_PARAMS));
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(serializeToken(token));
    } catch (err) {
      return sendOAuthError(reply, err);
    }
  });

  app.post('/oauth/revoke', async (request, reply) => {
    try {
      const params = oauthParams(request.body, ['token', 'client_id', 'client_secret'] as const);
      await revokeToken(ctx, { token: params.token, clientId: params.client_id, clientSecret: params.client_secret });
      return reply.send({});
    } catch (err) {
      return sendOAuthError(reply, err);
    }
  });
}
