import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import cors from '@fastify/cors';
import type { AppContext } from '../context.js';
import { authPlugin } from './auth.js';
import { rateLimitPlugin } from './rate-limit.js';
import { ApiError } from './errors.js';
import { expandBracketKeys } from './params.js';
import { registerRoutes } from './routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

/**
 * Builds the HTTP application around a context. Routes are thin: validate, authenticate,
 * call one service, serialise. Tests use `app.inject()`; `parley start` calls `listen`.
 */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger.child({ module: 'http' }) as FastifyBaseLogger,
    // Off by default: otherwise any client could pick its own address with X-Forwarded-For.
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  });
  app.decorate('ctx', ctx);

  // Mastodon accepts JSON, form and multipart bodies on every write endpoint.
  await app.register(formbody);
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: 16 * 1024 * 1024 } });
  await app.register(cors, { origin: true, exposedHeaders: ['Link', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'] });
  // An empty JSON body is an empty object, as Rails treats it.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body).trim();
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError(400, 'The request body is not valid JSON'), undefined);
    }
  });
  app.addHook('preValidation', async (request) => {
    request.query = expandBracketKeys(request.query) as typeof request.query;
    if (request.body && typeof request.body === 'object' && !Array.isArray(request.body)) {
      request.body = expandBracketKeys(request.body) as typeof request.body;
    }
  });

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send({ error: error.message, ...(error.details ?? {}) });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send({ error: 'Internal server error' });
    }
    // Fastify's own 4xx (malformed body, too large, unsupported media type …).
    return reply.status(status).send({ error: error.message });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: 'Not found' }));

  await app.register(authPlugin, { ctx });
  await app.register(rateLimitPlugin, { ctx });
  app.get('/health', async () => {
    await ctx.database.db.selectFrom('accounts').select('id').limit(1).execute();
    return { status: 'ok' };
  });
  await registerRoutes(app, ctx);
  return app;
}
