import { timingSafeEqual } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { DbExecutor } from '../db/database.js';
import type { OauthApplicationsTable } from '../db/schema/oauth.js';
import { generateId } from '../lib/ids.js';
import { randomToken } from '../lib/crypto.js';
import { nowIso } from '../lib/time.js';

/** Queries of the oauth_applications table. */
export type Application = Selectable<OauthApplicationsTable>;

export interface NewApplication {
  name: string;
  website?: string | null;
  redirectUris: string[];
  scopes: string[];
}

/** Registers an OAuth client; the secret is returned once to the caller and kept for checks. */
export async function createApplication(db: DbExecutor, input: NewApplication): Promise<Application> {
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

export async function findApplicationById(db: DbExecutor, id: number): Promise<Application | undefined> {
  return db.selectFrom('oauth_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findApplicationByClientId(db: DbExecutor, clientId: string): Promise<Application | undefined> {
  return db.selectFrom('oauth_applications').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

/** The application when `clientId` and `clientSecret` match one, else undefined. */
export async function authenticateClient(
  db: DbExecutor,
  clientId: string | undefined,
  clientSecret: string | undefined,
): Promise<Application | undefined> {
  if (!clientId || !clientSecret) return undefined;
  const app = await findApplicationByClientId(db, clientId);
  if (!app) return undefined;
  const a = Buffer.from(app.client_secret);
  const b = Buffer.from(clientSecret);
  return a.length === b.length && timingSafeEqual(a, b) ? app : undefined;
}
