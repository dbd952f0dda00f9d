import type { AppContext } from '../context.js';
import { sha256 } from '../lib/crypto.js';
import { nowIso } from '../lib/time.js';
import { authenticateClient } from './applications.js';
import { OAuthError } from './oauth-error.js';

/**
 * POST /oauth/revoke (RFC 7009): the client proves itself and may revoke only its own tokens.
 * An unknown or foreign token is answered like a revoked one, so nothing is learnt from it.
 */
export async function revokeToken(
  ctx: AppContext,
  input: { token?: string | undefined; clientId?: string | undefined; clientSecret?: string | undefined },
): Promise<void> {
  if (!input.token) throw new OAuthError('invalid_request', 'Missing required parameter: token.');
  const app = await authenticateClient(ctx.database.db, input.clientId, input.clientSecret);
  if (!app) throw new OAuthError('unauthorized_client', 'You are not authorized to revoke this token', 403);
  await ctx.database.db
    .updateTable('oauth_access_tokens')
    .set({ revoked_at: nowIso() })
    .where('token_hash', '=', sha256(input.token))
    .where('application_id', '=', app.id)
    .where('revoked_at', 'is', null)
    .execute();
}
