import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { PASSWORD, registerApp, type RegisteredApp } from './oauth-helpers.js';

describe('POST /oauth/token and POST /oauth/revoke', () => {
  let t: TestApp;
  let client: RegisteredApp;
  beforeAll(async () => {
    t = await createTestApp();
    client = await registerApp(t, { scopes: 'read write follow' });
    await t.createUser('alice');
  });
  afterAll(() => t.close());

  const token = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/oauth/token', payload });

  it('issues an application token with client_credentials (scope defaults to read)', async () => {
    const res = await token({ grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'read' });
    expect(typeof body.created_at).toBe('number');
    expect(Math.abs(body.created_at - Date.now() / 1000)).toBeLessThan(60);
    // An application token cannot act as a user.
    const me = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: body.access_token });
    expect(me.statusCode).toBe(422);
  });

  it('accepts client credentials in an HTTP Basic header, but not both ways at once', async () => {
    const basic = `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`).toString('base64')}`;
    const ok = await t.request({ method: 'POST', url: '/oauth/token', headers: { authorization: basic }, payload: { grant_type: 'client_credentials' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().token_type).toBe('Bearer');
    const wrong = `Basic ${Buffer.from(`${client.client_id}:not-the-secret`).toString('base64')}`;
    expect((await t.request({ method: 'POST', url: '/oauth/token', headers: { authorization: wrong }, payload: { grant_type: 'client_credentials' } })).statusCode).toBe(401);
    const both = await t.request({
      method: 'POST',
      url: '/oauth/token',
      headers: { authorization: basic },
      payload: { grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret },
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error).toBe('invalid_request');
  });

  it('issues a user token with the password grant (username is the e-mail)', async () => {
    const res = await token({
      grant_type: 'password',
      client_id: client.client_id,
      client_secret: client.client_secret,
      username: 'ALICE@example.test',
      password: PASSWORD,
      scope: 'read write',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().scope).toBe('read write');
    const me = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: res.json().access_token });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('alice');
  });

  it('accepts a form-encoded token request', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/oauth/token',
      payload: `grant_type=client_credentials&client_id=${client.client_id}&client_secret=${client.client_secret}&scope=read+write`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().scope).toBe('read write');
  });

  it('refuses a wrong password with invalid_grant (400)', async () => {
    const res = await token({ grant_type: 'password', client_id: client.client_id, client_secret: client.client_secret, username: 'alice@example.test', password: 'wrong password' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalid_grant', error_description: expect.stringContaining('authorization grant is invalid') });
  });

  it('refuses an unknown e-mail with the same invalid_grant', async () => {
    const res = await token({ grant_type: 'password', client_id: client.client_id, client_secret: client.client_secret, username: 'nobody@example.test', password: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_grant');
  });

  it('refuses a bad client secret with invalid_client (401)', async () => {
    const res = await token({ grant_type: 'client_credentials', client_id: client.client_id, client_secret: 'nope' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('invalid_client');
  });

  it('refuses scopes beyond the application or unknown scopes with invalid_scope', async () => {
    for (const scope of ['push', 'admin:read', 'read bogus']) {
      const res = await token({ grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret, scope });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_scope');
    }
  });

  it('accepts sub-scopes of a registered top-level scope', async () => {
    const res = await token({ grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret, scope: 'read:accounts write:statuses' });
    expect(res.statusCode).toBe(200);
    expect(res.json().scope).toBe('read:accounts write:statuses');
  });

  it('reports missing and unsupported grant types', async () => {
    const missing = await token({ client_id: client.client_id, client_secret: client.client_secret });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual({ error: 'invalid_request', error_description: 'Missing required parameter: grant_type.' });
    const unsupported = await token({ grant_type: 'implicit', client_id: client.client_id, client_secret: client.client_secret });
    expect(unsupported.statusCode).toBe(400);
    expect(unsupported.json().error).toBe('unsupported_grant_type');
  });

  it('refuses a password grant for an account awaiting approval or suspended', async () => {
    await t.createUser('pending');
    await t.ctx.database.db.updateTable('users').set({ approved: 0 }).where('email', '=', 'pending@example.test').execute();
    const pending = await token({ grant_type: 'password', client_id: client.client_id, client_secret: client.client_secret, username: 'pending@example.test', password: PASSWORD });
    expect(pending.statusCode).toBe(400);
    expect(pending.json().error).toBe('invalid_grant');
    const suspended = await t.createUser('suspended');
    await t.ctx.database.db.updateTable('accounts').set({ suspended_at: new Date().toISOString() }).where('id', '=', suspended.accountId).execute();
    const res = await token({ grant_type: 'password', client_id: client.client_id, client_secret: client.client_secret, username: 'suspended@example.test', password: PASSWORD });
    expect(res.json().error).toBe('invalid_grant');
  });

  it('revokes a token so it no longer authenticates', async () => {
    const issued = (
      await token({ grant_type: 'password', client_id: client.client_id, client_secret: client.client_secret, username: 'alice@example.test', password: PASSWORD })
    ).json();
    const res = await t.request({ method: 'POST', url: '/oauth/revoke', payload: { token: issued.access_token, client_id: client.client_id, client_secret: client.client_secret } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({});
    const me = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: issued.access_token });
    expect(me.statusCode).toBe(401);
  });

  it('does not let another client revoke a token, and refuses unauthenticated revocation', async () => {
    const issued = (
      await token({ grant_type: 'password', client_id: client.client_id, client_secret: client.client_secret, username: 'alice@example.test', password: PASSWORD })
    ).json();
    const other = await registerApp(t);
    const foreign = await t.request({ method: 'POST', url: '/oauth/revoke', payload: { token: issued.access_token, client_id: other.client_id, client_secret: other.client_secret } });
    expect(foreign.statusCode).toBe(200);
    const still = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: issued.access_token });
    expect(still.statusCode).toBe(200);
    const unauthenticated = await t.request({ method: 'POST', url: '/oauth/revoke', payload: { token: issued.access_token, client_id: client.client_id, client_secret: 'wrong' } });
    expect(unauthenticated.statusCode).toBe(403);
    expect(unauthenticated.json().error).toBe('unauthorized_client');
  });

  it('publishes authorization server metadata', async () => {
    const res = await t.request({ method: 'GET', url: '/.well-known/oauth-authorization-server' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      issuer: 'https://parley.test/',
      authorization_endpoint: 'https://parley.test/oauth/authorize',
      token_endpoint: 'https://parley.test/oauth/token',
      revocation_endpoint: 'https://parley.test/oauth/revoke',
      app_registration_endpoint: 'https://parley.test/api/v1/apps',
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256', 'plain'],
      grant_types_supported: ['authorization_code', 'password', 'client_credentials'],
    });
    expect(res.json().scopes_supported).toContain('write:statuses');
  });
});
