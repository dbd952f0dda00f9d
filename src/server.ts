import type { FastifyInstance } from 'fastify';
import { buildApp } from './api/app.js';
import type { Config } from './config/env.js';
import { closeAppContext, createAppContext, type AppContext } from './context.js';
import { refreshScreeningPolicy } from './moderation/settings/screening-policy.js';
import { startModerationTimers } from './moderation/timers.js';

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  stop(): Promise<void>;
}

/**
 * Migrates, builds the app, listens, and (in embedded mode) works jobs in-process. `stop`
 * closes the listener first, then lets running jobs finish, then closes the database.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const ctx = await createAppContext(config);
  const applied = await ctx.database.migrate();
  if (applied.length) ctx.logger.info({ applied }, 'migrations applied');
  await refreshScreeningPolicy(ctx);
  const app = await buildApp(ctx);
  const url = await app.listen({ port: config.port, host: config.host });
  let stopTimers = () => {};
  if (config.runJobsInProcess) {
    ctx.jobs.start();
    stopTimers = startModerationTimers(ctx);
  }
  ctx.logger.info({ url, database: ctx.database.dialect }, 'parley is listening');
  let stopping: Promise<void> | null = null;
  return {
    app,
    ctx,
    url,
    stop() {
      stopping ??= (async () => {
        stopTimers();
        await app.close();
        await closeAppContext(ctx);
      })();
      return stopping;
    },
  };
}

/** Stops gracefully on SIGINT/SIGTERM; a second signal exits at once. */
export function stopOnSignals(server: RunningServer): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = true;
    server.ctx.logger.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (err) => {
        server.ctx.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
