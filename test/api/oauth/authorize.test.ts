import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { FORM, PASSWORD, formBody, hiddenFields, registerApp, type RegisteredApp } from './oauth-helpers.js';

const REDIRECT = 'https://client.example/callback';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

describe('authorization_code flow: GET/POST /oauth/authorize and the code exchange', () => {
  let t: TestApp;
  let client: RegisteredApp;
  beforeAll(async () => {
    t = await createTestApp();
    client = await registerApp(t, { redirectUris: [REDIRECT, 'urn:ietf:wg:oauth:2.0:oob'], name: 'Phanpy <script>', scopes: 'read write follow' });
    await t.createUser('carol');
  });
  afterAll(() => t.close());

  function authorizeUrl(params: Record<string, string>) {
    return `/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: client.client_id, redirect_uri: REDIRECT, scope: 'read write', ...params })}`;
  }

  /** Loads the consent page and submits it with the given credentials and decision. */
  async function submit(params: Record<string, string>, form: Record<string, string> = {}) {
    const page = await t.request({ method: 'GET', url: authorizeUrl(params) });
    expect(page.statusCode).toBe(200);
    const fields = hiddenFields(page.body);
    return t.request({
      method: 'POST',
      url: '/oauth/authorize',
      payload: formBody({ ...fields, email: 'carol@example.test', password: PASSWORD, decision: 'approve', ...form }),
      headers: FORM,
    });
  }

  function exchange(code: string, extra: Record<string, string> = {}) {
    return t.request({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: client.client_id, client_secret: client.client_secret, ...extra },
    });
  }

  it('renders an escaped, frame-protected consent page with the app name, scopes and a nonce', async () => {
    const res = await t.request({ method: 'GET', url: authorizeUrl({ state: '"><b>x' }) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.body).toContain('Phanpy &lt;script&gt;');
    expect(res.body).not.toContain('Phanpy <script>');
    expect(res.body).not.toContain('"><b>x');
    expect(res.body).toContain('<code>read</code>');
    expect(res.body).toContain('<code>write</code>');
    const fields = hiddenFields(res.body);
    expect(fields.nonce).toMatch(/^[\w-]{20,}$/);
    expect(fields.state).toBe('"><b>x');
  });

  it('redirects with a code and state; the code is exchanged once for a user token with PKCE S256', async () => {
    const res = await submit({ state: 'xyz', code_challenge: CHALLENGE, code_challenge_method: 'S256' });
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code')!;
    expect(code).toBeTruthy();

    const noVerifier = await exchange(code);
    expect(noVerifier.statusCode).toBe(400);
    expect(noVerifier.json().error).toBe('invalid_request');
    const wrongVerifier = await exchange(code, { code_verifier: 'x'.repeat(43) });
    expect(wrongVerifier.json().error).toBe('invalid_grant');

    const ok = await exchange(code, { code_verifier: VERIFIER });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ token_type: 'Bearer', scope: 'read write' });
    const me = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: ok.json().access_token });
    expect(me.json().username).toBe('carol');

    const again = await exchange(code, { code_verifier: VERIFIER });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toBe('invalid_grant');
  });

  it('supports plain PKCE challenges', async () => {
    const res = await submit({ code_challenge: VERIFIER, code_challenge_method: 'plain' });
    const code = new URL(res.headers.location as string).searchParams.get('code')!;
    expect((await exchange(code, { code_verifier: VERIFIER })).statusCode).toBe(200);
  });

  it('requires the same redirect_uri and client at the exchange', async () => {
    const res = await submit({});
    const code = new URL(res.headers.location as string).searchParams.get('code')!;
    const wrongUri = await exchange(code, { redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' });
    expect(wrongUri.json().error).toBe('invalid_grant');
    const other = await registerApp(t, { redirectUris: REDIRECT });
    const wrongClient = await exchange(code, { client_id: other.client_id, client_secret: other.client_secret });
    expect(wrongClient.json().error).toBe('invalid_grant');
    // The failed attempts did not use the code up.
    expect((await exchange(code)).statusCode).toBe(200);
  });

  it('refuses an expired code', async () => {
    const res = await submit({});
    const code = new URL(res.headers.location as string).searchParams.get('code')!;
    await t.ctx.database.db.updateTable('oauth_authorization_codes').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const late = await exchange(code);
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toBe('invalid_grant');
  });

  it('shows the code on the page for the out-of-band redirect URI', async () => {
    const res = await submit({ redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' });
    expect(res.statusCode).toBe(200);
    const code = /class="code" readonly value="([^"]+)"/.exec(res.body)![1]!;
    const ok = await exchange(code, { redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' });
    expect(ok.statusCode).toBe(200);
  });

  it('redirects with access_denied when the user denies', async () => {
    const res = await submit({ state: 's1' }, { decision: 'deny' });
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('s1');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('re-renders the form with an error for wrong credentials and issues no code', async () => {
    const res = await submit({}, { password: 'wrong password' });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Invalid e-mail address or password.');
    expect(res.body).toContain('value="carol@example.test"');
    const codes = await t.ctx.database.db.selectFrom('oauth_authorization_codes').select('id').execute();
    const before = codes.length;
    const retry = await t.request({ method: 'POST', url: '/oauth/authorize', payload: formBody({ ...hiddenFields(res.body), email: 'carol@example.test', password: PASSWORD, decision: 'approve' }), headers: FORM });
    expect(retry.statusCode).toBe(302);
    expect((await t.ctx.database.db.selectFrom('oauth_authorization_codes').select('id').execute()).length).toBe(before + 1);
  });

  it('refuses a POST without a valid nonce, and a replayed nonce (CSRF)', async () => {
    const page = await t.request({ method: 'GET', url: authorizeUrl({}) });
    const fields = hiddenFields(page.body);
    const forged = await t.request({ method: 'POST', url: '/oauth/authorize', payload: formBody({ ...fields, nonce: 'forged', email: 'carol@example.test', password: PASSWORD, decision: 'approve' }), headers: FORM });
    expect(forged.statusCode).toBe(403);
    expect(forged.headers.location).toBeUndefined();
    const first = await t.request({ method: 'POST', url: '/oauth/authorize', payload: formBody({ ...fields, email: 'carol@example.test', password: PASSWORD, decision: 'approve' }), headers: FORM });
    expect(first.statusCode).toBe(302);
    const replay = await t.request({ method: 'POST', url: '/oauth/authorize', payload: formBody({ ...fields, email: 'carol@example.test', password: PASSWORD, decision: 'approve' }), headers: FORM });
    expect(replay.statusCode).toBe(403);
  });

  it('shows an error page, never a redirect, for an unknown client or unregistered redirect URI', async () => {
    const unknown = await t.request({ method: 'GET', url: authorizeUrl({ client_id: 'nope' }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers.location).toBeUndefined();
    expect(unknown.body).toContain('unknown');
    const evil = await t.request({ method: 'GET', url: authorizeUrl({ redirect_uri: 'https://evil.example/steal' }) });
    expect(evil.statusCode).toBe(400);
    expect(evil.headers.location).toBeUndefined();
  });

  it('redirects invalid_scope and unsupported_response_type errors to the client', async () => {
    const scope = await t.request({ method: 'GET', url: authorizeUrl({ scope: 'admin:write', state: 'q' }) });
    expect(scope.statusCode).toBe(302);
    const location = new URL(scope.headers.location as string);
    expect(location.searchParams.get('error')).toBe('invalid_scope');
    expect(location.searchParams.get('state')).toBe('q');
    const type = await t.request({ method: 'GET', url: authorizeUrl({ response_type: 'token' }) });
    expect(new URL(type.headers.location as string).searchParams.get('error')).toBe('unsupported_response_type');
  });

  it('refuses users awaiting approval on the consent form', async () => {
    const pending = await t.createUser('waiting');
    await t.ctx.database.db.updateTable('users').set({ approved: 0 }).where('account_id', '=', pending.accountId).execute();
    const res = await submit({}, { email: 'waiting@example.test' });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('awaiting approval');
  });
});
