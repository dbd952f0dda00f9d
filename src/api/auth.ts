import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Selectable } from 'kysely';
import type { AppContext } from '../context.js';
import type { AccountsTable, UsersTable } from '../db/schema/accounts.js';
import { sha256 } from '../lib/crypto.js';
import { nowIso } from '../lib/time.js';
import { ApiError, forbidden, unauthorized } from './errors.js';
import { parseScopes, scopeAllows } from './scopes.js';

export type Account = Selectable<AccountsTable>;
export type User = Selectable<UsersTable>;

/** Who is calling: an application token (no account) or a user token. */
export interface Auth {
  tokenId: number;
  applicationId: number;
  scopes: string[];
  account: Account | null;
  user: User | null;
}

export interface UserAuth extends Auth {
  account: Account;
  user: User;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** Lets a suspended account through (statement of reasons, appeals). */
    allowSuspended?: boolean;
  }
}

/** Resolves the bearer token of every request into `request.auth` (null when absent). */
export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (!header) return;
    // HTTP Basic carries OAuth client credentials to /oauth/token; it is not a user token.
    if (/^Basic\s/i.test(header)) return;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized('The access token is invalid');
    const auth = await resolveToken(opts.ctx, match[1]!);
    // A suspended user may still read why and appeal; every other route refuses them.
    const allowSuspended = request.routeOptions.config?.allowSuspended === true;
    if (auth.account?.suspended_at && !allowSuspended) throw forbidden('Your login is currently disabled');
    request.auth = auth;
  });
});

export async function resolveToken(ctx: AppContext, token: string): Promise<Auth> {
  const { db } = ctx.database;
  const row = await db
    .selectFrom('oauth_access_tokens')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw unauthorized('The access token is invalid');
  let account: Account | null = null;
  let user: User | null = null;
  if (row.account_id !== null) {
    account = (await db.selectFrom('accounts').selectAll().where('id', '=', row.account_id).executeTakeFirst()) ?? null;
    user = (await db.selectFrom('users').selectAll().where('account_id', '=', row.account_id).executeTakeFirst()) ?? null;
    if (!account || !user) throw unauthorized('The access token is invalid');
    if (user.disabled) throw forbidden('Your login is currently disabled');
    if (!user.approved) throw forbidden('Your login is missing a confirmed e-mail address or is pending approval');
  }
  // @NOTE: last_used_at is coarse on purpose: one write per token per minute at most.
  const now = nowIso();
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('oauth_access_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { tokenId: row.id, applicationId: row.application_id, scopes: parseScopes(row.scopes), account, user };
}

/** Requires a token (user or application) with `scope`. */
export function requireScope(request: FastifyRequest, scope: string): Auth {
  const auth = request.auth;
  if (!auth) throw unauthorized('The access token is invalid');
  if (!scopeAllows(auth.scopes, scope)) throw forbidden('This action is outside the authorized scopes');
  return auth;
}

/** Requires a user token with `scope`. */
export function requireUser(request: FastifyRequest, scope: string): UserAuth {
  const auth = requireScope(request, scope);
  // Mastodon answers 422 to application-only tokens on user endpoints.
  if (!auth.account || !auth.user) throw new ApiError(422, 'This method requires an authenticated user');
  return auth as UserAuth;
}

/** The viewer's account when a user token is present and allows `scope`, else null (public reads). */
export function optionalUser(request: FastifyRequest, scope: string): UserAuth | null {
  const auth = request.auth;
  if (!auth || !auth.account) return null;
  if (!scopeAllows(auth.scopes, scope)) throw forbidden('This action is outside the authorized scopes');
  return auth as UserAuth;
}
