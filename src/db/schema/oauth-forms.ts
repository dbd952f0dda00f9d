/**
 * Single-use nonces of the OAuth authorize form (CSRF protection): issued with the page,
 * consumed by the POST. Only the SHA-256 of a nonce is stored.
 */
export interface OauthFormNoncesTable {
  nonce_hash: string;
  /** The client the form was rendered for; a nonce cannot be replayed for another client. */
  client_id: string;
  expires_at: string;
  created_at: string;
}
