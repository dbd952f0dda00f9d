/** Runs the Parley server (embedded mode, jobs in-process) for the benchmark, configured by the environment. */
import { loadConfig } from '../src/config/env.js';
import { startServer } from '../src/server.js';

const server = await startServer(loadConfig());
process.stdout.write(`READY ${server.url}\n`);
process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
