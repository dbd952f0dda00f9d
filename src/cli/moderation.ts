import { classifyStream } from '../moderation/screening/classify-stream.js';
import { createScreener } from '../moderation/screening/index.js';
import type { CliIo } from './cli-io.js';

const USAGE = `Usage: parley moderation <subcommand>

Subcommands:
  classify    read JSON Lines {"id","text"} from stdin, write one verdict per line to stdout`;

/** `parley moderation …`: returns the process exit code. */
export async function runModerationCommand(args: string[], io: CliIo): Promise<number> {
  const [sub] = args;
  switch (sub) {
    case 'classify': {
      // The screener loads packs, model and language ID once, then streams.
      const screener = await createScreener({ onPackError: (e) => io.stderr.write(`parley: rule pack skipped: ${e.message}\n`) });
      await classifyStream(io.stdin, io.stdout, screener);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      io.stdout.write(`${USAGE}\n`);
      return sub === undefined ? 2 : 0;
    default:
      io.stderr.write(`parley: unknown moderation subcommand "${sub}"\n\n${USAGE}\n`);
      return 2;
  }
}
