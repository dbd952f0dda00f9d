import type { Config } from './config/env.js';
import { openDatabase, sqliteFileIn, type Database } from './db/database.js';
import { DatabaseJobQueue } from './jobs/database-job-queue.js';
import type { JobQueue } from './jobs/job-queue.js';
import { createLogger, type Logger } from './logger.js';
import { loadContentScreener, type ContentScreener, type ScreeningPolicy } from './moderation/content-screener.js';
import { registerJobHandlers } from './jobs/handlers.js';

/**
 * Everything a service needs, built once per process and passed explicitly (no singletons).
 * Use-case services are plain functions taking `(ctx, input)`.
 */
export interface AppContext {
  config: Config;
  logger: Logger;
  database: Database;
  jobs: JobQueue;
  screener: ContentScreener;
  /** Admin-set screening rules and thresholds, read by `screener` on every call. */
  screeningPolicy: ScreeningPolicy;
}

export interface ContextOptions {
  /** Use an existing database (tests). */
  database?: Database;
  logger?: Logger;
}

export async function createAppContext(config: Config, options: ContextOptions = {}): Promise<AppContext> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database =
    options.database ?? openDatabase({ url: config.databaseUrl, sqliteFile: sqliteFileIn(config.dataDir) });
  const jobs = new DatabaseJobQueue(database, logger.child({ module: 'jobs' }));
  const screeningPolicy: ScreeningPolicy = { rules: [], thresholds: {} };
  const screener = await loadContentScreener(screeningPolicy, logger.child({ module: 'screening' }));
  const ctx: AppContext = { config, logger, database, jobs, screener, screeningPolicy };
  registerJobHandlers(ctx);
  return ctx;
}

export async function closeAppContext(ctx: AppContext): Promise<void> {
  await ctx.jobs.stop();
  await ctx.database.close();
}
