/**
 * An error of the OAuth endpoints, rendered as Doorkeeper does (RFC 6749 §5.2):
 * `{ "error": "invalid_grant", "error_description": "…" }`.
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_redirect_uri'
  | 'access_denied';

const DESCRIPTIONS: Record<OAuthErrorCode, string> = {
  invalid_request: 'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.',
  invalid_client: 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed.',
  unauthorized_client: 'The client is not authorized to perform this request using this method.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  unsupported_response_type: 'The authorization server does not support this response type.',
  invalid_redirect_uri: "The requested redirect uri is malformed or doesn't match client redirect URI.",
  access_denied: 'The resource owner or authorization server denied the request.',
};

export class OAuthError extends Error {
  override name = 'OAuthError';
  readonly description: string;
  constructor(
    readonly code: OAuthErrorCode,
    description?: string,
    /** Doorkeeper answers 401 for client authentication failures and 400 otherwise. */
    readonly statusCode: number = code === 'invalid_client' ? 401 : 400,
  ) {
    super(description ?? DESCRIPTIONS[code]);
    this.description = description ?? DESCRIPTIONS[code];
  }

  toJSON() {
    return { error: this.code, error_description: this.description };
  }
}
