import type { Flag } from './accounts.js';

export interface OauthApplicationsTable {
  id: number;
  name: string;
  website: string | null;
  /** Newline-separated list of allowed redirect URIs. */
  redirect_uris: string;
  /** Space-separated scopes the application may request. */
  scopes: string;
  client_id: string;
  client_secret: string;
  created_at: string;
}

/** Authorization codes of the authorization_code grant (short-lived, single use). */
export interface OauthAuthorizationCodesTable {
  id: number;
  /** SHA-256 of the code handed to the client. */
  code_hash: string;
  application_id: number;
  account_id: number;
  redirect_uri: string;
  scopes: string;
  code_challenge: string | null;
  code_challenge_method: string | null;
  expires_at: string;
  used: Flag;
  created_at: string;
}

export interface OauthAccessTokensTable {
  id: number;
  /** SHA-256 of the bearer token; the token itself is shown once and never stored. */
  token_hash: string;
  application_id: number;
  /** Null for client_credentials tokens, which act for the application only. */
  account_id: number | null;
  scopes: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}
