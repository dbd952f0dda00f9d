import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

describe('POST /api/v1/apps and GET /api/v1/apps/verify_credentials', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('registers an application from a form body and returns its credentials', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/apps',
      payload: 'client_name=Tusky&redirect_uris=urn%3Aietf%3Awg%3Aoauth%3A2.0%3Aoob&scopes=read+write+push&website=https%3A%2F%2Ftusky.app',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      name: 'Tusky',
      website: 'https://tusky.app',
      scopes: ['read', 'write', 'push'],
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      redirect_uris: ['urn:ietf:wg:oauth:2.0:oob'],
      client_secret_expires_at: 0,
    });
    expect(body.id).toMatch(/^\d+$/);
    expect(body.client_id).toMatch(/^[\w-]{40,}$/);
    expect(body.client_secret).toMatch(/^[\w-]{40,}$/);
  });

  it('accepts redirect_uris as a JSON array and defaults scopes to read', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/apps',
      payload: { client_name: 'Elk', redirect_uris: ['https://elk.zone/callback', 'myapp://oauth'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ scopes: ['read'], redirect_uris: ['https://elk.zone/callback', 'myapp://oauth'], website: null });
  });

  it.each([
    [{ redirect_uris: 'urn:ietf:wg:oauth:2.0:oob' }, "Application name can't be blank"],
    [{ client_name: 'x' }, "Redirect URI can't be blank"],
    [{ client_name: 'x', redirect_uris: 'not a uri' }, 'Redirect URI must be an absolute URI'],
    [{ client_name: 'x', redirect_uris: 'https://a.example/#frag' }, 'Redirect URI cannot contain a fragment'],
    [{ client_name: 'x', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read destroy:everything' }, 'Scopes'],
    [{ client_name: 'x', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', website: 'javascript:alert(1)' }, 'Website is not a valid URL'],
    [{ client_name: 'x'.repeat(61), redirect_uris: 'urn:ietf:wg:oauth:2.0:oob' }, 'Application name is too long'],
  ])('refuses %j with 422', async (payload, message) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/apps', payload });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toContain('Validation failed');
    expect(res.json().error).toContain(message);
  });

  it('verifies the app behind a client_credentials token without exposing its secret', async () => {
    const created = (
      await t.request({ method: 'POST', url: '/api/v1/apps', payload: { client_name: 'Ivory', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read write' } })
    ).json();
    const token = (
      await t.request({
        method: 'POST',
        url: '/oauth/token',
        payload: { grant_type: 'client_credentials', client_id: created.client_id, client_secret: created.client_secret, scope: 'read' },
      })
    ).json();
    const res = await t.request({ method: 'GET', url: '/api/v1/apps/verify_credentials', token: token.access_token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: created.id,
      name: 'Ivory',
      website: null,
      scopes: ['read', 'write'],
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      redirect_uris: ['urn:ietf:wg:oauth:2.0:oob'],
    });
  });

  it('answers verify_credentials without a token with 401', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/apps/verify_credentials' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'The access token is invalid' });
  });
});
