import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider, type Migration } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';
import { migrations } from './migrations/index.js';

export type DialectName = 'sqlite' | 'postgres';

/** A Kysely handle: the database itself or an open transaction. Services take this. */
export type DbExecutor = Kysely<DatabaseSchema>;

/** An open transaction plus a place to register side effects that must wait for commit. */
export interface Tx {
  db: DbExecutor;
  onCommit(effect: () => void | Promise<void>): void;
}

export interface Database {
  db: DbExecutor;
  dialect: DialectName;
  /**
   * Runs `fn` in one transaction. Effects registered with `tx.onCommit` run after the commit
   * succeeds and never when it rolls back (jobs, streaming events, cache updates).
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; when null, SQLite is used. */
  url: string | null;
  /** SQLite file path, or ':memory:'. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests isolate themselves in one schema each). */
  pgSchema?: string;
  pgPoolSize?: number;
}

// int8 values (ids, counts) fit in a double: ids stay below 2^53 by construction (lib/ids.ts).
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(options: DatabaseOptions): Database {
  if (options.url) return openPostgres(options);
  return openSqlite(options.sqliteFile ?? ':memory:');
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a write acknowledged to a client survives a power cut, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return wrap(db, 'sqlite');
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and compiling them
 * was a fifth of a timeline read. Statements are kept per SQL text, least recently used first
 * out. Safe because better-sqlite3 runs each statement to completion synchronously.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

function openPostgres(options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url!,
    max: options.pgPoolSize ?? 10,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  return wrap(db, 'postgres', options.pgSchema);
}

function wrap(db: Kysely<DatabaseSchema>, dialect: DialectName, pgSchema?: string): Database {
  return {
    db,
    dialect,
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const effects: Array<() => void | Promise<void>> = [];
      const result = await db.transaction().execute((trx) => fn({ db: trx, onCommit: (e) => effects.push(e) }));
      for (const effect of effects) await effect();
      return result;
    },
    async migrate(): Promise<string[]> {
      // @NOTE: with several schemas in one database (tests), Kysely must be told which schema
      // holds its bookkeeping tables, or it finds another schema's and skips creating its own.
      const migrator = new Migrator({
        db,
        provider: new StaticMigrationProvider(migrations),
        ...(pgSchema ? { migrationTableSchema: pgSchema } : {}),
      });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error(String(error));
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    },
    async close() {
      await db.destroy();
    },
  };
}

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly all: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.all;
  }
}

/** The SQLite file used in embedded mode. */
export function sqliteFileIn(dataDir: string): string {
  return path.join(dataDir, 'parley.sqlite3');
}
