import { loadConfig } from '../config/env.js';
import { openDatabase, sqliteFileIn } from '../db/database.js';
import { UsageError, type CliIo } from './cli-io.js';

export async function runMigrateCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length) throw new UsageError(`migrate takes no arguments (got "${args.join(' ')}")`);
  const config = loadConfig();
  const database = openDatabase({ url: config.databaseUrl, sqliteFile: sqliteFileIn(config.dataDir) });
  try {
    const applied = await database.migrate();
    io.stdout.write(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'Database is up to date.\n');
    return 0;
  } finally {
    await database.close();
  }
}
