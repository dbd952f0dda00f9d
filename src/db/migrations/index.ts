import type { Kysely, Migration } from 'kysely';
import * as coreSchema from './0001-core-schema.js';
import * as oauthFormNonces from './0010-oauth-form-nonces.js';
import * as statusSearch from './0040-status-search.js';
import * as moderation from './0050-moderation.js';

/**
 * Every migration, in order. Names are `NNNN-intent`; a migration that has shipped is never
 * edited — add a new one instead.
 */
export const migrations: Record<string, Migration> = {
  '0001-core-schema': coreSchema,
  '0010-oauth-form-nonces': oauthFormNonces,
  '0040-status-search': statusSearch,
  '0050-moderation': moderation,
};

export type MigrationModule = { up(db: Kysely<any>): Promise<void>; down?(db: Kysely<any>): Promise<void> };
