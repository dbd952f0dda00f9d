import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../context.js';
import { approveAuthorization } from '../../../oauth/approve-authorization.js';
import { checkAuthorizationRequest, isOutOfBand, type AuthorizationRequest } from '../../../oauth/authorization-request.js';
import { consumeFormNonce, issueFormNonce } from '../../../oauth/form-nonces.js';
import { OAuthError, type OAuthErrorCode } from '../../../oauth/oauth-error.js';
import { withQuery } from '../../../oauth/redirect-uris.js';
import { renderAuthorizePage, renderMessagePage } from './authorize-page.js';
import { oauthParams, sendOAuthError } from './oauth-input.js';

const REQUEST_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method'] as const;
const FORM_PARAMS = [...REQUEST_PARAMS, 'nonce', 'email', 'password', 'decision'] as const;

const LOGIN_ERRORS = {
  invalid_credentials: 'Invalid e-mail address or password.',
  pending_approval: 'Your account is awaiting approval by the moderators.',
  disabled: 'Your login is currently disabled.',
} as const;

/** GET and POST /oauth/authorize: the login and consent page of the authorization_code flow. */
export async function registerAuthorizeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/oauth/authorize', async (request, reply) => {
    let params;
    try {
      params = oauthParams(request.query, REQUEST_PARAMS);
    } catch (err) {
      return sendOAuthError(reply, err);
    }
    const check = await checkAuthorizationRequest(ctx, params);
    if (check.kind === 'fatal') return page(reply, 400, renderMessagePage('Authorization failed', check.message));
    if (check.kind === 'redirect') return redirectError(reply, check.redirectUri, check.code, check.state);
    return showForm(reply, 200, check.request, params);
  });

  app.post('/oauth/authorize', async (request, reply) => {
    let form;
    try {
      form = oauthParams(request.body, FORM_PARAMS);
    } catch (err) {
      return sendOAuthError(reply, err);
    }
    const check = await checkAuthorizationRequest(ctx, form);
    if (check.kind === 'fatal') return page(reply, 400, renderMessagePage('Authorization failed', check.message));
    if (check.kind === 'redirect') return redirectError(reply, check.redirectUri, check.code, check.state);
    const req = check.request;
    if (!(await consumeFormNonce(ctx.database.db, form.nonce, req.app.client_id))) {
      return page(reply, 403, renderMessagePage('Form expired', 'This form has expired or was already used. Go back and start again from the application.'));
    }
    if (form.decision !== 'approve') return redirectError(reply, req.redirectUri, 'access_denied', req.state);
    const result = await approveAuthorization(ctx, req, { email: form.email ?? '', password: form.password ?? '' });
    if (!result.ok) return showForm(reply, 401, req, form, { email: form.email ?? '', error: LOGIN_ERRORS[result.reason] });
    if (isOutOfBand(req.redirectUri)) {
      return page(reply, 200, renderMessagePage('Authorization code', `You authorized ${req.app.name}.`, result.code));
    }
    return reply.redirect(withQuery(req.redirectUri, { code: result.code, state: req.state }), 302);
  });

  async function showForm(
    reply: FastifyReply,
    status: number,
    req: AuthorizationRequest,
    params: Partial<Record<(typeof REQUEST_PARAMS)[number], string>>,
    extra: { email?: string; error?: string } = {},
  ) {
    const nonce = await issueFormNonce(ctx.database.db, req.app.client_id);
    const hidden = Object.fromEntries(REQUEST_PARAMS.map((k) => [k, params[k]]));
    // The effective redirect URI, in case the request relied on the single registered one.
    hidden.redirect_uri = req.redirectUri;
    const html = renderAuthorizePage({
      instanceName: ctx.config.domain,
      appName: req.app.name,
      appWebsite: req.app.website,
      scopes: req.scopes,
      hidden,
      nonce,
      ...extra,
    });
    return page(reply, status, html);
  }
}

function redirectError(reply: FastifyReply, redirectUri: string, code: OAuthErrorCode, state: string | undefined) {
  const error = new OAuthError(code);
  if (isOutOfBand(redirectUri)) return page(reply, 400, renderMessagePage('Authorization failed', error.description));
  return reply.redirect(withQuery(redirectUri, { error: code, error_description: error.description, state }), 302);
}

function page(reply: FastifyReply, status: number, html: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")
    .send(html);
}
