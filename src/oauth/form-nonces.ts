import type { DbExecutor } from '../db/database.js';
import { randomToken, sha256 } from '../lib/crypto.js';
import { isoIn, nowIso } from '../lib/time.js';

/** How long a rendered authorize form stays valid. */
export const FORM_NONCE_TTL_MS = 30 * 60 * 1000;

/** Queries of oauth_form_nonces. Issues a nonce for one client's form, pruning expired ones. */
export async function issueFormNonce(db: DbExecutor, clientId: string): Promise<string> {
  const nonce = randomToken(24);
  const now = nowIso();
  await db.deleteFrom('oauth_form_nonces').where('expires_at', '<', now).execute();
  await db
    .insertInto('oauth_form_nonces')
    .values({ nonce_hash: sha256(nonce), client_id: clientId, expires_at: isoIn(FORM_NONCE_TTL_MS), created_at: now })
    .execute();
  return nonce;
}

/** Consumes a nonce; true only once, for the client it was issued for, before it expires. */
export async function consumeFormNonce(db: DbExecutor, nonce: string | undefined, clientId: string): Promise<boolean> {
  if (!nonce) return false;
  const result = await db
    .deleteFrom('oauth_form_nonces')
    .where('nonce_hash', '=', sha256(nonce))
    .where('client_id', '=', clientId)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
