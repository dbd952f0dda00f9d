import type { DbExecutor } from '../db/database.js';
import { generateId } from '../lib/ids.js';
import { randomToken } from '../lib/crypto.js';
import { nowIso } from '../lib/time.js';

export interface NewApplication {
  name: string;
  website?: string | null;
  redirectUris: string[];
  scopes: string[];
}

/** Registers an OAuth client; the secret is returned once to the caller and kept for checks. */
export async function createApplication(db: DbExecutor, input: NewApplication) {
  const row = {
    id: generateId(),
    name: input.name,
    website: input.website ?? null,
    redirect_uris: input.redirectUris.join('\n'),
    scopes: input.scopes.join(' '),
    client_id: randomToken(32),
    client_secret: randomToken(32),
    created_at: nowIso(),
  };
  await db.insertInto('oauth_applications').values(row).execute();
  return row;
}
