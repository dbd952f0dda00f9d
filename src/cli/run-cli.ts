import { loadConfig, ConfigError } from '../config/env.js';
import { startServer, stopOnSignals } from '../server.js';
import { UsageError, type CliIo } from './cli-io.js';
import { runAccountsCommand } from './accounts.js';
import { runMigrateCommand } from './migrate.js';
import { runModerationCommand } from './moderation.js';

const HELP = `Usage: parley <command>

Commands:
  start                         run the server (web + in-process jobs) on the configured database
  migrate                       apply pending database migrations
  accounts create --username U --email E --password P [--role user|moderator|admin]
  accounts list [--role R]
  accounts set-role --username U --role user|moderator|admin
  accounts approve --username U   let an account waiting for approval log in
  moderation classify           screen JSON Lines {"id","text"} from stdin, one verdict per line

Configuration comes from the environment; see README.md.`;

/**
 * Runs one CLI command. Returns the exit code, or null when the command keeps running
 * (the server) and the process should stay alive.
 */
export async function runCli(args: string[], io: CliIo): Promise<number | null> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'start': {
        const server = await startServer(loadConfig());
        stopOnSignals(server);
        return null;
      }
      case 'migrate':
        return await runMigrateCommand(rest, io);
      case 'accounts':
        return await runAccountsCommand(rest, io);
      case 'moderation':
        return await runModerationCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(`${HELP}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.stderr.write(`parley: ${err.message}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`parley: ${message}\n`);
    return 1;
  }
}
