/**
 * `npm run bench [-- <name>]`: with no name, the server benchmark (bench/server-bench.ts);
 * `screening`, the screening benchmark (bench/screening.ts). Each prints one JSON document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(name: string | undefined): Promise<Record<string, unknown>> {
  if (name === undefined || name === 'server') {
    const { runServerBench } = await import('./server-bench.js');
    return runServerBench();
  }
  if (name === 'screening') {
    if (!fs.existsSync(path.join(here, 'screening.ts'))) throw new Error('bench/screening.ts is not there yet');
    const { runScreeningBench } = (await import(path.join(here, 'screening.ts'))) as { runScreeningBench(): Promise<Record<string, unknown>> };
    return runScreeningBench();
  }
  throw new Error(`unknown benchmark "${name}" (expected: server, screening)`);
}

main(process.argv[2]).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
