import type { AppContext } from '../context.js';
import { authenticateUser, type LoginFailure } from '../accounts/authenticate-user.js';
import { nowIso } from '../lib/time.js';
import type { AuthorizationRequest } from './authorization-request.js';
import { createAuthorizationCode } from './authorization-codes.js';

export type ApprovalResult = { ok: true; code: string } | { ok: false; reason: LoginFailure };

/**
 * The user approved an authorization request on the consent page: check the credentials they
 * typed and hand out a single-use code bound to the client, redirect URI, scopes and PKCE.
 */
export async function approveAuthorization(
  ctx: AppContext,
  request: AuthorizationRequest,
  credentials: { email: string; password: string },
): Promise<ApprovalResult> {
  const login = await authenticateUser(ctx, credentials.email, credentials.password);
  if (!login.ok) return login;
  const code = await ctx.database.transaction(async (tx) => {
    await tx.db.updateTable('users').set({ last_sign_in_at: nowIso() }).where('id', '=', login.user.id).execute();
    return createAuthorizationCode(tx.db, {
      applicationId: request.app.id,
      accountId: login.account.id,
      redirectUri: request.redirectUri,
      scopes: request.scopes,
      codeChallenge: request.codeChallenge,
      codeChallengeMethod: request.codeChallengeMethod,
    });
  });
  return { ok: true, code };
}
