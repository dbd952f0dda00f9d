import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { grantToken } from '../../../oauth/grant-token.js';
import { revokeToken } from '../../../oauth/revoke-token.js';
import { serializeToken } from '../../serializers/token.js';
import { oauthParams, sendOAuthError } from './oauth-input.js';
import { OAuthError } from '../../../oauth/oauth-error.js';

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
      const token = await grantToken(ctx, withBasicClient(request.headers.authorization, oauthParams(request.body, TOKEN_PARAMS)));
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(serializeToken(token));
    } catch (err) {
      return sendOAuthError(reply, err);
    }
  });

  app.post('/oauth/revoke', async (request, reply) => {
    try {
      const params = withBasicClient(request.headers.authorization, oauthParams(request.body, ['token', 'client_id', 'client_secret'] as const));
      await revokeToken(ctx, { token: params.token, clientId: params.client_id, clientSecret: params.client_secret });
      return reply.send({});
    } catch (err) {
      return sendOAuthError(reply, err);
    }
  });
}

/**
 * RFC 6749 §2.3.1: clients may authenticate with HTTP Basic (`client_id:client_secret`, each
 * form-encoded) instead of body parameters; sending both ways is refused.
 */
function withBasicClient<P extends { client_id?: string | undefined; client_secret?: string | undefined }>(header: string | undefined, params: P): P {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header) : null;
  if (!match) return params;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError('invalid_client', 'Client authentication failed: malformed Basic credentials.', 401);
  if (params.client_id || params.client_secret) {
    throw new OAuthError('invalid_request', 'Send client credentials either in the Authorization header or in the body, not both.');
  }
  const decode = (v: string) => decodeURIComponent(v.replace(/\+/g, ' '));
  return { ...params, client_id: decode(decoded.slice(0, colon)), client_secret: decode(decoded.slice(colon + 1)) };
}
