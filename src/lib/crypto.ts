import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random secret (tokens, client ids and secrets, authorization codes). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored as SHA-256 digests: a leaked database does not leak working tokens. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
