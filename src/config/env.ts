/**
 * The only module that reads `process.env`. Everything else receives a typed `Config`.
 */
import { z } from 'zod';
import path from 'node:path';

export type RegistrationMode = 'open' | 'approval' | 'closed';

export interface Config {
  port: number;
  host: string;
  /** Public host name of this instance, used in account handles and URLs. */
  domain: string;
  /** Base URL clients and browsers use to reach this instance. */
  publicUrl: string;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded SQLite database is used. */
  databaseUrl: string | null;
  redisUrl: string | null;
  registrationMode: RegistrationMode;
  maxPostChars: number;
  /** Accounts with more followers than this are merged into home feeds at read time. */
  fanOutFollowerLimit: number;
  /** Home feeds keep at most this many entries (Mastodon keeps 800). */
  homeFeedCap: number;
  logLevel: string;
  /** When false, rate limits are off (tests of other behaviour turn them off). */
  rateLimits: boolean;
  /**
   * Which proxies may set X-Forwarded-For: false (none: the socket address is the client),
   * true (any), or a comma-separated list of addresses/CIDRs. Rate limits key on the result.
   */
  trustProxy: boolean | string;
  /** Run the in-process job worker (embedded mode); `parley web` in scale mode turns it off. */
  runJobsInProcess: boolean;
}

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PARLEY_DOMAIN: z.string().min(1).optional(),
  PARLEY_PUBLIC_URL: z.string().url().optional(),
  PARLEY_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  REDIS_URL: z.string().min(1).optional(),
  PARLEY_REGISTRATIONS: z.enum(['open', 'approval', 'closed']).default('open'),
  PARLEY_MAX_POST_CHARS: z.coerce.number().int().min(1).max(100_000).default(1000),
  PARLEY_FANOUT_FOLLOWER_LIMIT: z.coerce.number().int().min(1).default(10_000),
  PARLEY_HOME_FEED_CAP: z.coerce.number().int().min(20).default(800),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PARLEY_RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  PARLEY_TRUST_PROXY: z.string().min(1).optional(),
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment into a `Config`; throws a `ConfigError` naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const domain = e.PARLEY_DOMAIN ?? `${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`;
  const publicUrl = (e.PARLEY_PUBLIC_URL ?? (e.PARLEY_DOMAIN ? `https://${e.PARLEY_DOMAIN}` : `http://${domain}`)).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    domain,
    publicUrl,
    dataDir: path.resolve(e.PARLEY_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    registrationMode: e.PARLEY_REGISTRATIONS,
    maxPostChars: e.PARLEY_MAX_POST_CHARS,
    fanOutFollowerLimit: e.PARLEY_FANOUT_FOLLOWER_LIMIT,
    homeFeedCap: e.PARLEY_HOME_FEED_CAP,
    logLevel: e.LOG_LEVEL,
    rateLimits: e.PARLEY_RATE_LIMITS === 'on',
    trustProxy: parseTrustProxy(e.PARLEY_TRUST_PROXY),
    runJobsInProcess: true,
    ...overrides,
  };
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === 'false' || value === 'off') return false;
  if (value === 'true' || value === 'on') return true;
  return value;
}
