import type { IssuedToken } from '../../oauth/issue-access-token.js';

/** Mastodon's Token entity (Doorkeeper's token response); created_at is in Unix seconds. */
export function serializeToken(token: IssuedToken) {
  return {
    access_token: token.accessToken,
    token_type: 'Bearer' as const,
    scope: token.scopes.join(' '),
    created_at: Math.floor(Date.parse(token.createdAt) / 1000),
  };
}
