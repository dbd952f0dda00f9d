import type { FastifyReply } from 'fastify';
import { OAuthError } from '../../../oauth/oauth-error.js';

/**
 * OAuth endpoints take flat string parameters from a form, JSON or the query string. A repeated
 * or non-string parameter is malformed (RFC 6749 §3.1: parameters must not be repeated).
 */
export function oauthParams<K extends string>(source: unknown, keys: readonly K[]): Partial<Record<K, string>> {
  const input = (source && typeof source === 'object' ? source : {}) as Record<string, unknown>;
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new OAuthError('invalid_request', `Parameter ${key} must be given once, as a string.`);
    out[key] = value;
  }
  return out;
}

/** Renders an OAuthError in Doorkeeper's shape; anything else goes to the app's error handler. */
export function sendOAuthError(reply: FastifyReply, err: unknown): FastifyReply {
  if (!(err instanceof OAuthError)) throw err;
  return reply.status(err.statusCode).header('cache-control', 'no-store').send(err.toJSON());
}
