import net from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { AppContext } from '../context.js';

/**
 * Request throttles modelled on Mastodon's Rack::Attack rules. Every API response carries
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (an ISO time, as on
 * Mastodon) for the tightest throttle that applies; an exceeded one answers 429.
 * Counters live in process memory (`@fastify/rate-limit`'s LRU store).
 */
export interface Throttle {
  name: string;
  max: number;
  windowMs: number;
  /** The bucket this request counts against, or null when the throttle does not apply. */
  key(request: FastifyRequest): string | null;
  /** Keyed on the parsed body, so checked once the body is read rather than on arrival. */
  afterBody?: boolean;
}

const MINUTE = 60_000;

const isPost = (request: FastifyRequest, ...paths: string[]) => request.method === 'POST' && paths.includes(pathOf(request));

export const THROTTLES: readonly Throttle[] = [
  {
    name: 'authenticated_api',
    max: 300,
    windowMs: 5 * MINUTE,
    key: (r) => (r.auth?.account ? `account:${r.auth.account.id}` : null),
  },
  {
    name: 'unauthenticated_api',
    max: 300,
    windowMs: 5 * MINUTE,
    key: (r) => (r.auth?.account ? null : `ip:${throttleableIp(r.ip)}`),
  },
  { name: 'sign_up', max: 5, windowMs: 30 * MINUTE, key: (r) => (isPost(r, '/api/v1/accounts') ? throttleableIp(r.ip) : null) },
  {
    name: 'login',
    max: 25,
    windowMs: 5 * MINUTE,
    key: (r) => (isPost(r, '/oauth/token', '/oauth/authorize') ? throttleableIp(r.ip) : null),
  },
  {
    // Guessing one account's password from many addresses: 25 attempts per e-mail per hour.
    name: 'login_by_email',
    max: 25,
    windowMs: 60 * MINUTE,
    afterBody: true,
    key: (r) => {
      if (!isPost(r, '/oauth/token', '/oauth/authorize')) return null;
      const body = (r.body ?? {}) as Record<string, unknown>;
      const email = pathOf(r) === '/oauth/token' ? body.username : body.email;
      return typeof email === 'string' && email.trim() !== '' ? `email:${email.trim().toLowerCase()}` : null;
    },
  },
  { name: 'app_registration', max: 5, windowMs: 10 * MINUTE, key: (r) => (isPost(r, '/api/v1/apps') ? throttleableIp(r.ip) : null) },
  {
    name: 'media',
    max: 30,
    windowMs: 30 * MINUTE,
    key: (r) => (r.auth?.account && isPost(r, '/api/v1/media', '/api/v2/media') ? `account:${r.auth.account.id}` : null),
  },
  {
    name: 'delete_status',
    max: 30,
    windowMs: 30 * MINUTE,
    key: (r) =>
      r.auth?.account && r.method === 'DELETE' && pathOf(r) === '/api/v1/statuses/:id' ? `account:${r.auth.account.id}` : null,
  },
];

/** Only the API and OAuth endpoints are throttled, as on Mastodon (not health checks or assets). */
function throttled(request: FastifyRequest): boolean {
  const path = pathOf(request);
  return request.method !== 'OPTIONS' && (path.startsWith('/api/') || path.startsWith('/oauth/'));
}

export const rateLimitPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext; throttles?: readonly Throttle[] }) => {
  if (!opts.ctx.config.rateLimits) return;
  await app.register(rateLimit, { global: false, cache: 50_000 });
  const limiters = (opts.throttles ?? THROTTLES).map((throttle) => ({
    throttle,
    check: app.createRateLimit({
      max: throttle.max,
      timeWindow: throttle.windowMs,
      keyGenerator: (request) => `${throttle.name}:${throttle.key(request)}`,
    }),
  }));

  async function apply(request: FastifyRequest, reply: FastifyReply, afterBody: boolean) {
    if (!throttled(request)) return;
    const current = reply.getHeader('x-ratelimit-remaining');
    let shown: { max: number; remaining: number; ttl: number } | null = null;
    for (const { throttle, check } of limiters) {
      if (Boolean(throttle.afterBody) !== afterBody || throttle.key(request) === null) continue;
      const result = await check(request);
      if (result.isAllowed) continue;
      if (result.isExceeded) return refuse(reply, result);
      if (!shown || result.remaining < shown.remaining) shown = result;
    }
    // The headers describe whichever applicable throttle has the fewest requests left.
    if (shown && (current === undefined || shown.remaining < Number(current))) setHeaders(reply, shown);
  }

  // Registered after the auth plugin, so `request.auth` tells accounts from anonymous callers.
  app.addHook('onRequest', async (request, reply) => apply(request, reply, false));
  app.addHook('preHandler', async (request, reply) => apply(request, reply, true));
});

function refuse(reply: FastifyReply, state: { max: number; ttl: number }) {
  setHeaders(reply, { max: state.max, remaining: 0, ttl: state.ttl });
  return reply.status(429).header('retry-after', String(Math.ceil(state.ttl / 1000))).send({ error: 'Too many requests' });
}

function setHeaders(reply: FastifyReply, state: { max: number; remaining: number; ttl: number }): void {
  reply.header('x-ratelimit-limit', String(state.max));
  reply.header('x-ratelimit-remaining', String(state.remaining));
  reply.header('x-ratelimit-reset', new Date(Date.now() + state.ttl).toISOString());
}

/**
 * The matched route pattern (`/api/v1/statuses/:id`), so percent-encoding a path cannot slip
 * past a throttle; the decoded raw path for requests that match no route.
 */
function pathOf(request: FastifyRequest): string {
  if (request.routeOptions.url) return request.routeOptions.url;
  const q = request.url.indexOf('?');
  const raw = q === -1 ? request.url : request.url.slice(0, q);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** IPv6 clients usually hold a whole /64, so they are counted by prefix (as Mastodon does). */
export function throttleableIp(ip: string): string {
  if (!net.isIPv6(ip)) return ip;
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip)) return ip.slice(7);
  const [head = '', tail = ''] = ip.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const missing = ip.includes('::') ? 8 - headParts.length - tailParts.length : 0;
  const groups = [...headParts, ...Array<string>(missing).fill('0'), ...tailParts];
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
