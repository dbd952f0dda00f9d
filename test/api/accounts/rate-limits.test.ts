import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';

const ip = (address: string) => ({ 'x-forwarded-for': address });

describe('rate limits (turned on)', () => {
  let t: TestApp;
  let kim: TestUser;
  let appToken: string;
  let client: { client_id: string; client_secret: string };
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: true, trustProxy: true });
    kim = await t.createUser('kim');
    client = (await t.request({ method: 'POST', url: '/api/v1/apps', headers: ip('198.51.100.250'), payload: { client_name: 'rl', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read write' } })).json();
    appToken = (
      await t.request({ method: 'POST', url: '/oauth/token', headers: ip('198.51.100.251'), payload: { grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret, scope: 'read write' } })
    ).json().access_token;
  });
  afterAll(() => t.close());

  it('sends Mastodon-style headers with an ISO reset time on API responses', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/instance/rules', headers: ip('192.0.2.1') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBe('300');
    expect(res.headers['x-ratelimit-remaining']).toBe('299');
    const reset = Date.parse(res.headers['x-ratelimit-reset'] as string);
    expect(res.headers['x-ratelimit-reset']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(reset - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(reset - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    const again = await t.request({ method: 'GET', url: '/api/v1/instance/rules', headers: ip('192.0.2.1') });
    expect(again.headers['x-ratelimit-remaining']).toBe('298');
  });

  it('counts authenticated requests per account, not per address', async () => {
    const a = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: kim.token, headers: ip('192.0.2.1') });
    const b = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: kim.token, headers: ip('192.0.2.99') });
    expect(a.headers['x-ratelimit-remaining']).toBe('299');
    expect(b.headers['x-ratelimit-remaining']).toBe('298');
  });

  it('does not throttle health checks', async () => {
    const res = await t.request({ method: 'GET', url: '/health', headers: ip('192.0.2.1') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
  });

  it('answers 429 once an address spends its 300 unauthenticated requests', async () => {
    for (let i = 0; i < 300; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/custom_emojis', headers: ip('192.0.2.50') });
      expect(res.statusCode).toBe(200);
    }
    const res = await t.request({ method: 'GET', url: '/api/v1/custom_emojis', headers: ip('192.0.2.50') });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual({ error: 'Too many requests' });
    expect(res.headers['x-ratelimit-limit']).toBe('300');
    expect(res.headers['x-ratelimit-remaining']).toBe('0');
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    // Another address is unaffected.
    expect((await t.request({ method: 'GET', url: '/api/v1/custom_emojis', headers: ip('192.0.2.51') })).statusCode).toBe(200);
  });

  it('allows 5 sign-ups per address per 30 minutes and reports the tighter limit', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/accounts',
        token: appToken,
        headers: ip('203.0.113.9'),
        payload: { username: `signup${i}`, email: `signup${i}@example.test`, password: 'a long enough password', agreement: true, locale: 'en' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-ratelimit-limit']).toBe('5');
      expect(res.headers['x-ratelimit-remaining']).toBe(String(4 - i));
    }
    const blocked = await t.request({
      method: 'POST',
      url: '/api/v1/accounts',
      token: appToken,
      headers: ip('203.0.113.9'),
      payload: { username: 'signup9', email: 'signup9@example.test', password: 'a long enough password', agreement: true, locale: 'en' },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toEqual({ error: 'Too many requests' });
    const reset = Date.parse(blocked.headers['x-ratelimit-reset'] as string) - Date.now();
    expect(reset).toBeGreaterThan(29 * 60_000);
    const none = await t.ctx.database.db.selectFrom('users').select('id').where('email', '=', 'signup9@example.test').execute();
    expect(none).toHaveLength(0);
  });

  it('allows 25 token requests per address per 5 minutes', async () => {
    const attempt = () =>
      t.request({
        method: 'POST',
        url: '/oauth/token',
        headers: ip('203.0.113.77'),
        payload: { grant_type: 'password', client_id: client.client_id, client_secret: client.client_secret, username: 'kim@example.test', password: 'guess' },
      });
    for (let i = 0; i < 25; i++) expect((await attempt()).statusCode).toBe(400);
    const res = await attempt();
    expect(res.statusCode).toBe(429);
    expect(res.headers['x-ratelimit-limit']).toBe('25');
  });

  it('counts a percent-encoded path against the same throttle', async () => {
    const attempt = (url: string) =>
      t.request({
        method: 'POST',
        url,
        headers: ip('203.0.113.78'),
        payload: { grant_type: 'password', client_id: client.client_id, client_secret: client.client_secret, username: 'lee@example.test', password: 'guess' },
      });
    for (let i = 0; i < 25; i++) expect((await attempt(i % 2 ? '/oauth/%74oken' : '/oauth/token')).statusCode).toBe(400);
    expect((await attempt('/oauth/%74oken')).statusCode).toBe(429);
  });

  it('allows 25 password attempts per e-mail per hour, whatever the address', async () => {
    const attempt = (n: number) =>
      t.request({
        method: 'POST',
        url: '/oauth/token',
        headers: ip(`198.18.0.${n}`),
        payload: { grant_type: 'password', client_id: client.client_id, client_secret: client.client_secret, username: 'Target@example.test', password: 'guess' },
      });
    for (let i = 0; i < 25; i++) {
      const res = await attempt(i + 1);
      expect(res.statusCode).toBe(400);
      expect(res.headers['x-ratelimit-remaining']).toBe(String(24 - i));
    }
    const res = await attempt(200);
    expect(res.statusCode).toBe(429);
    expect(res.headers['x-ratelimit-limit']).toBe('25');
    expect(Date.parse(res.headers['x-ratelimit-reset'] as string) - Date.now()).toBeGreaterThan(59 * 60_000);
    const other = await t.request({
      method: 'POST',
      url: '/oauth/token',
      headers: ip('198.18.1.1'),
      payload: { grant_type: 'password', client_id: client.client_id, client_secret: client.client_secret, username: 'someone.else@example.test', password: 'guess' },
    });
    expect(other.statusCode).toBe(400);
  });
});
