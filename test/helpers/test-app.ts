import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config/env.js';
import { createAppContext, type AppContext } from '../../src/context.js';
import { buildApp } from '../../src/api/app.js';
import { createLogger } from '../../src/logger.js';
import { createAccount } from '../../src/accounts/create-account.js';
import { createApplication } from '../../src/oauth/applications.js';
import { issueAccessToken } from '../../src/oauth/issue-access-token.js';
import { openTestDatabase } from './test-database.js';
import { refreshScreeningPolicy } from '../../src/moderation/settings/screening-policy.js';
import type { UserRole } from '../../src/db/schema/accounts.js';

export interface TestUser {
  id: string;
  accountId: number;
  username: string;
  token: string;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Creates a user with a full-scope token. */
  createUser(username: string, options?: { role?: UserRole; scopes?: string[] }): Promise<TestUser>;
  /** Sends a request; `token` adds a bearer header; jobs are drained afterwards. */
  request(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Boots the whole application in-process on the test database, with jobs drained after each request. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const { database, dispose } = await openTestDatabase();
  const config = loadConfig({ PARLEY_DOMAIN: 'parley.test', LOG_LEVEL: 'silent', PARLEY_RATE_LIMITS: 'off' } as NodeJS.ProcessEnv, {
    runJobsInProcess: false,
    ...overrides,
  });
  const ctx = await createAppContext(config, { database, logger: createLogger('silent') });
  await refreshScreeningPolicy(ctx);
  const app = await buildApp(ctx);
  await app.ready();
  const testApp = await createApplication(database.db, {
    name: 'test suite',
    redirectUris: ['urn:ietf:wg:oauth:2.0:oob'],
    scopes: ['read', 'write', 'follow', 'push', 'admin:read', 'admin:write'],
  });
  return {
    app,
    ctx,
    async createUser(username, options = {}) {
      const { account } = await createAccount(ctx, {
        username,
        email: `${username}@example.test`,
        password: 'correct horse battery staple',
        ...(options.role ? { role: options.role } : {}),
      });
      const token = await issueAccessToken(database.db, {
        applicationId: testApp.id,
        accountId: account.id,
        scopes: options.scopes ?? ['read', 'write', 'follow', 'push', 'admin:read', 'admin:write'],
      });
      return { id: String(account.id), accountId: account.id, username, token: token.accessToken };
    },
    async request({ token, ...options }) {
      const headers = { ...(options.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const response = await app.inject({ ...options, headers });
      await ctx.jobs.drain();
      return response;
    },
    async close() {
      await app.close();
      await ctx.jobs.stop();
      await dispose();
    },
  };
}
