import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../src/config/env.js';
import { openDatabase } from '../../src/db/database.js';
import { startServer, type RunningServer } from '../../src/server.js';

export interface E2eServer {
  server: RunningServer;
  url: string;
  close(): Promise<void>;
}

/**
 * A real listening server as `parley start` runs it (migrations, jobs worked in-process):
 * embedded SQLite in a temporary data directory, or, when `PARLEY_TEST_DATABASE_URL` is set,
 * a fresh PostgreSQL schema selected through the connection string's search_path.
 */
export async function startE2eServer(): Promise<E2eServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-'));
  // The port is fixed before start so the public URL (Link headers) names the real port.
  const port = await freePort();
  const pgUrl = process.env.PARLEY_TEST_DATABASE_URL;
  const schema = pgUrl ? `e2e_${randomBytes(6).toString('hex')}` : null;
  if (pgUrl && schema) {
    await pgQuery(pgUrl, `create schema ${schema}`);
    // Migrate with the schema named, so Kysely keeps its bookkeeping in this schema rather
    // than finding another test's; the server's own migrate then finds nothing to do.
    const database = openDatabase({ url: pgUrl, pgSchema: schema, pgPoolSize: 1 });
    await database.migrate();
    await database.close();
  }
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PARLEY_RATE_LIMITS: 'off',
    PARLEY_REGISTRATIONS: 'open',
  };
  if (pgUrl && schema) env.DATABASE_URL = withSearchPath(pgUrl, schema);
  const server = await startServer(loadConfig(env as NodeJS.ProcessEnv));
  return {
    server,
    url: server.ctx.config.publicUrl,
    async close() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (pgUrl && schema) await pgQuery(pgUrl, `drop schema ${schema} cascade`);
    },
  };
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function pgQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
