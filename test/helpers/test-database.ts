import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/db/database.js';

/**
 * The database under test: SQLite in memory by default, or a fresh PostgreSQL schema when
 * `PARLEY_TEST_DATABASE_URL` is set (`.ci/run` runs the whole suite both ways).
 */
export async function openTestDatabase(): Promise<{ database: Database; dispose(): Promise<void> }> {
  const url = process.env.PARLEY_TEST_DATABASE_URL;
  if (!url) {
    const database = openDatabase({ url: null, sqliteFile: ':memory:' });
    await database.migrate();
    return { database, dispose: () => database.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ url, pgSchema: schema, pgPoolSize: 4 });
  await database.migrate();
  return {
    database,
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

export const testDialect = process.env.PARLEY_TEST_DATABASE_URL ? 'postgres' : 'sqlite';
