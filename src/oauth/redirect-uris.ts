/** Out-of-band redirect: the code is shown to the user instead of being sent to a client URL. */
export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';

/**
 * Why a redirect URI is refused, or null when it is acceptable: absolute, no fragment, and
 * (as Mastodon) any scheme, so native apps can use custom schemes like `myapp://callback`.
 */
export function redirectUriProblem(uri: string): string | null {
  if (uri === OOB_REDIRECT_URI) return null;
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return 'must be an absolute URI';
  }
  if (parsed.hash) return 'cannot contain a fragment';
  if (/^(javascript|data|vbscript):$/i.test(parsed.protocol)) return 'must use a safe scheme';
  return null;
}

export function splitRedirectUris(stored: string): string[] {
  return stored.split('\n').map((s) => s.trim()).filter(Boolean);
}

/** Exact match against one of the registered URIs, as Doorkeeper does by default. */
export function redirectUriRegistered(stored: string, uri: string): boolean {
  return splitRedirectUris(stored).includes(uri);
}

/** Appends query parameters to a redirect URI that may already carry some. */
export function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}
