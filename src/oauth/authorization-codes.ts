import type { Selectable } from 'kysely';
import type { DbExecutor } from '../db/database.js';
import type { OauthAuthorizationCodesTable } from '../db/schema/oauth.js';
import { generateId } from '../lib/ids.js';
import { randomToken, sha256 } from '../lib/crypto.js';
import { isoIn, nowIso } from '../lib/time.js';
import type { CodeChallengeMethod } from './pkce.js';

/** Queries of the oauth_authorization_codes table. */
export type AuthorizationCode = Selectable<OauthAuthorizationCodesTable>;

/** Doorkeeper's default lifetime of an authorization code. */
export const AUTHORIZATION_CODE_TTL_MS = 10 * 60 * 1000;

export interface NewAuthorizationCode {
  applicationId: number;
  accountId: number;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  codeChallengeMethod: CodeChallengeMethod | null;
}

/** Stores a code's hash and returns the code itself, which is shown only once. */
export async function createAuthorizationCode(db: DbExecutor, input: NewAuthorizationCode): Promise<string> {
  const code = randomToken(32);
  await db
    .insertInto('oauth_authorization_codes')
    .values({
      id: generateId(),
      code_hash: sha256(code),
      application_id: input.applicationId,
      account_id: input.accountId,
      redirect_uri: input.redirectUri,
      scopes: input.scopes.join(' '),
      code_challenge: input.codeChallenge,
      code_challenge_method: input.codeChallengeMethod,
      expires_at: isoIn(AUTHORIZATION_CODE_TTL_MS),
      used: 0,
      created_at: nowIso(),
    })
    .execute();
  return code;
}

/** The unused, unexpired code with this value, if any (not yet marked used). */
export async function findUsableAuthorizationCode(db: DbExecutor, code: string): Promise<AuthorizationCode | undefined> {
  return db
    .selectFrom('oauth_authorization_codes')
    .selectAll()
    .where('code_hash', '=', sha256(code))
    .where('used', '=', 0)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst();
}

/** Marks a code used; false when another request used it first (codes are single use). */
export async function markAuthorizationCodeUsed(db: DbExecutor, id: number): Promise<boolean> {
  const result = await db
    .updateTable('oauth_authorization_codes')
    .set({ used: 1 })
    .where('id', '=', id)
    .where('used', '=', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
