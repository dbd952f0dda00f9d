import type { DbExecutor } from '../db/database.js';
import { generateId } from '../lib/ids.js';
import { randomToken, sha256 } from '../lib/crypto.js';
import { nowIso } from '../lib/time.js';

export interface IssuedToken {
  id: number;
  accessToken: string;
  scopes: string[];
  createdAt: string;
}

/** Creates a bearer token; only its hash is stored, so the plaintext is returned just once. */
export async function issueAccessToken(
  db: DbExecutor,
  input: { applicationId: number; accountId: number | null; scopes: string[] },
): Promise<IssuedToken> {
  const accessToken = randomToken(32);
  const id = generateId();
  const createdAt = nowIso();
  await db
    .insertInto('oauth_access_tokens')
    .values({
      id,
      token_hash: sha256(accessToken),
      application_id: input.applicationId,
      account_id: input.accountId,
      scopes: input.scopes.join(' '),
      created_at: createdAt,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  return { id, accessToken, scopes: input.scopes, createdAt };
}
