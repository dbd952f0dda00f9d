import type { AppContext } from '../context.js';
import { invalidScopes, parseScopes, scopesWithin } from '../api/scopes.js';
import { findApplicationByClientId, type Application } from './applications.js';
import type { OAuthErrorCode } from './oauth-error.js';
import { CODE_CHALLENGE_METHODS, type CodeChallengeMethod } from './pkce.js';
import { OOB_REDIRECT_URI, redirectUriRegistered, splitRedirectUris } from './redirect-uris.js';

export interface AuthorizationParams {
  response_type?: string | undefined;
  client_id?: string | undefined;
  redirect_uri?: string | undefined;
  scope?: string | undefined;
  state?: string | undefined;
  code_challenge?: string | undefined;
  code_challenge_method?: string | undefined;
}

export interface AuthorizationRequest {
  app: Application;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  codeChallenge: string | null;
  codeChallengeMethod: CodeChallengeMethod | null;
}

/**
 * The outcome of checking an authorization request, following RFC 6749 §4.1.2.1: an unknown
 * client or redirect URI is shown to the user (never redirected to); other errors go back to
 * the client's redirect URI.
 */
export type AuthorizationCheck =
  | { kind: 'ok'; request: AuthorizationRequest }
  | { kind: 'fatal'; code: OAuthErrorCode; message: string }
  | { kind: 'redirect'; redirectUri: string; code: OAuthErrorCode; state: string | undefined };

const CHALLENGE_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

export async function checkAuthorizationRequest(ctx: AppContext, params: AuthorizationParams): Promise<AuthorizationCheck> {
  const app = params.client_id ? await findApplicationByClientId(ctx.database.db, params.client_id) : undefined;
  if (!app) return { kind: 'fatal', code: 'invalid_client', message: 'The application is unknown to this server.' };
  const registered = splitRedirectUris(app.redirect_uris);
  // Without a redirect_uri, an application that registered exactly one gets that one.
  const redirectUri = params.redirect_uri || (registered.length === 1 ? registered[0]! : '');
  if (!redirectUri || !redirectUriRegistered(app.redirect_uris, redirectUri)) {
    return { kind: 'fatal', code: 'invalid_redirect_uri', message: 'The redirect URI does not match the ones the application registered.' };
  }
  const state = params.state || undefined;
  const fail = (code: OAuthErrorCode): AuthorizationCheck => ({ kind: 'redirect', redirectUri, code, state });
  if (params.response_type !== 'code') return fail('unsupported_response_type');
  const scopes = parseScopes(params.scope);
  if (invalidScopes(scopes).length > 0 || !scopesWithin(scopes, parseScopes(app.scopes))) return fail('invalid_scope');
  let codeChallenge: string | null = null;
  let codeChallengeMethod: CodeChallengeMethod | null = null;
  if (params.code_challenge) {
    const method = params.code_challenge_method || 'plain';
    if (!(CODE_CHALLENGE_METHODS as readonly string[]).includes(method) || !CHALLENGE_PATTERN.test(params.code_challenge)) {
      return fail('invalid_request');
    }
    codeChallenge = params.code_challenge;
    codeChallengeMethod = method as CodeChallengeMethod;
  }
  return { kind: 'ok', request: { app, redirectUri, scopes, state, codeChallenge, codeChallengeMethod } };
}

export function isOutOfBand(redirectUri: string): boolean {
  return redirectUri === OOB_REDIRECT_URI;
}
