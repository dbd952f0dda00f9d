import type { Kysely, Migration } from 'kysely';
import * as coreSchema from './0001-core-schema.js';

/**
 * Every migration, in order. Names are `NNNN-intent`; a migration that has shipped is never
 * edited — add a new one instead.
 */
export const migrations: Record<string, Migration> = {
  '0001-core-schema': coreSchema,
};

export type MigrationModule = { up(db: Kysely<any>): Promise<void>; down?(db: Kysely<any>): Promise<void> };
