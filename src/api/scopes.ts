/**
 * OAuth scopes with Mastodon's hierarchy: a granted `read` covers `read:statuses`, `follow`
 * covers the follow/block/mute sub-scopes, `admin:read` covers `admin:read:accounts`, and so on.
 */
export const TOP_LEVEL_SCOPES = ['read', 'write', 'follow', 'push', 'profile', 'admin:read', 'admin:write'] as const;

const SUB_SCOPES = {
  read: ['accounts', 'blocks', 'bookmarks', 'favourites', 'filters', 'follows', 'lists', 'mutes', 'notifications', 'search', 'statuses'],
  write: ['accounts', 'blocks', 'bookmarks', 'conversations', 'favourites', 'filters', 'follows', 'lists', 'media', 'mutes', 'notifications', 'reports', 'statuses'],
  'admin:read': ['accounts', 'reports', 'domain_allows', 'domain_blocks', 'ip_blocks', 'email_domain_blocks', 'canonical_email_blocks'],
  'admin:write': ['accounts', 'reports', 'domain_allows', 'domain_blocks', 'ip_blocks', 'email_domain_blocks', 'canonical_email_blocks'],
} as const;

const FOLLOW_COVERS = ['read:follows', 'write:follows', 'read:blocks', 'write:blocks', 'read:mutes', 'write:mutes'];

export const ALL_SCOPES: ReadonlySet<string> = new Set([
  ...TOP_LEVEL_SCOPES,
  ...Object.entries(SUB_SCOPES).flatMap(([top, subs]) => subs.map((s) => `${top}:${s}`)),
]);

export function parseScopes(value: string | null | undefined, fallback = 'read'): string[] {
  const list = (value ?? '').split(/[\s+]+/).filter(Boolean);
  return [...new Set(list.length ? list : [fallback])];
}

export function invalidScopes(scopes: string[]): string[] {
  return scopes.filter((s) => !ALL_SCOPES.has(s));
}

/** True when the granted scopes allow `required` (e.g. 'write:statuses'). */
export function scopeAllows(granted: ReadonlyArray<string>, required: string): boolean {
  if (granted.includes(required)) return true;
  const lastColon = required.lastIndexOf(':');
  const parent = lastColon > 0 ? required.slice(0, lastColon) : null;
  if (parent && (TOP_LEVEL_SCOPES as readonly string[]).includes(parent) && granted.includes(parent)) return true;
  if (granted.includes('follow') && FOLLOW_COVERS.includes(required)) return true;
  return false;
}

/** True when every requested scope is within what an application registered. */
export function scopesWithin(requested: string[], registered: string[]): boolean {
  return requested.every((s) => scopeAllows(registered, s));
}
