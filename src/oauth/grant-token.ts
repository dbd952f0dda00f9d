import type { AppContext } from '../context.js';
import { invalidScopes, parseScopes, scopesWithin } from '../api/scopes.js';
import { authenticateUser } from '../accounts/authenticate-user.js';
import { nowIso } from '../lib/time.js';
import { authenticateClient, type Application } from './applications.js';
import { findUsableAuthorizationCode, markAuthorizationCodeUsed } from './authorization-codes.js';
import { issueAccessToken, type IssuedToken } from './issue-access-token.js';
import { OAuthError } from './oauth-error.js';
import { pkceMatches, type CodeChallengeMethod } from './pkce.js';

export interface TokenRequest {
  grant_type?: string | undefined;
  client_id?: string | undefined;
  client_secret?: string | undefined;
  scope?: string | undefined;
  code?: string | undefined;
  redirect_uri?: string | undefined;
  code_verifier?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
}

const GRANT_TYPES = ['authorization_code', 'client_credentials', 'password'] as const;

/** POST /oauth/token: the authorization_code (with PKCE), client_credentials and password grants. */
export async function grantToken(ctx: AppContext, req: TokenRequest): Promise<IssuedToken> {
  if (!req.grant_type) throw new OAuthError('invalid_request', 'Missing required parameter: grant_type.');
  if (!(GRANT_TYPES as readonly string[]).includes(req.grant_type)) throw new OAuthError('unsupported_grant_type');
  const app = await authenticateClient(ctx.database.db, req.client_id, req.client_secret);
  if (!app) throw new OAuthError('invalid_client');
  if (req.grant_type === 'authorization_code') return exchangeCode(ctx, app, req);
  if (req.grant_type === 'password') return passwordGrant(ctx, app, req);
  const scopes = requestedScopes(app, req.scope);
  return issueAccessToken(ctx.database.db, { applicationId: app.id, accountId: null, scopes });
}

/** Requested scopes (default `read`, as Mastodon) that must be known and within the app's. */
function requestedScopes(app: Application, scope: string | undefined): string[] {
  const scopes = parseScopes(scope);
  if (invalidScopes(scopes).length > 0 || !scopesWithin(scopes, parseScopes(app.scopes))) throw new OAuthError('invalid_scope');
  return scopes;
}

async function exchangeCode(ctx: AppContext, app: Application, req: TokenRequest): Promise<IssuedToken> {
  if (!req.code) throw new OAuthError('invalid_request', 'Missing required parameter: code.');
  if (!req.redirect_uri) throw new OAuthError('invalid_request', 'Missing required parameter: redirect_uri.');
  const { db } = ctx.database;
  const grant = await findUsableAuthorizationCode(db, req.code);
  if (!grant || grant.application_id !== app.id || grant.redirect_uri !== req.redirect_uri) throw new OAuthError('invalid_grant');
  if (grant.code_challenge) {
    if (!req.code_verifier) throw new OAuthError('invalid_request', 'Missing required parameter: code_verifier.');
    const method = (grant.code_challenge_method ?? 'plain') as CodeChallengeMethod;
    if (!pkceMatches(grant.code_challenge, method, req.code_verifier)) throw new OAuthError('invalid_grant');
  }
  const owner = await db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .select(['users.disabled', 'users.approved', 'accounts.suspended_at'])
    .where('users.account_id', '=', grant.account_id)
    .executeTakeFirst();
  if (!owner || owner.disabled || !owner.approved || owner.suspended_at) throw new OAuthError('invalid_grant');
  return ctx.database.transaction(async (tx) => {
    // Single use even under concurrent exchanges: only the request that flips `used` wins.
    if (!(await markAuthorizationCodeUsed(tx.db, grant.id))) throw new OAuthError('invalid_grant');
    return issueAccessToken(tx.db, { applicationId: app.id, accountId: grant.account_id, scopes: parseScopes(grant.scopes) });
  });
}

async function passwordGrant(ctx: AppContext, app: Application, req: TokenRequest): Promise<IssuedToken> {
  if (!req.username) throw new OAuthError('invalid_request', 'Missing required parameter: username.');
  if (!req.password) throw new OAuthError('invalid_request', 'Missing required parameter: password.');
  const scopes = requestedScopes(app, req.scope);
  const login = await authenticateUser(ctx, req.username, req.password);
  if (!login.ok) throw new OAuthError('invalid_grant');
  return ctx.database.transaction(async (tx) => {
    await tx.db.updateTable('users').set({ last_sign_in_at: nowIso() }).where('id', '=', login.user.id).execute();
    return issueAccessToken(tx.db, { applicationId: app.id, accountId: login.account.id, scopes });
  });
}
