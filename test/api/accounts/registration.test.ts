import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import type { RegistrationMode } from '../../../src/config/env.js';
import { notifyStaffOfSignUp } from '../../../src/accounts/notify-staff-of-sign-up.js';

async function appToken(t: TestApp, scope = 'read write follow push'): Promise<string> {
  const app = (await t.request({ method: 'POST', url: '/api/v1/apps', payload: { client_name: 'Signup', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read write follow push' } })).json();
  const token = await t.request({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, scope } });
  return token.json().access_token;
}

const signup = (over: Record<string, unknown> = {}) => ({
  username: 'newbie',
  email: 'newbie@example.test',
  password: 'a long enough password',
  agreement: true,
  locale: 'en',
  ...over,
});

describe.each<RegistrationMode>(['open', 'approval', 'closed'])('POST /api/v1/accounts with %s registrations', (mode) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({ registrationMode: mode });
    token = await appToken(t);
  });
  afterAll(() => t.close());

  it('answers as the mode requires, notifying staff of new sign-ups', async () => {
    const moderator = await t.createUser(`mod_${mode}`, { role: 'moderator' });
    const res = await t.request({ method: 'POST', url: '/api/v1/accounts', token, payload: signup({ reason: 'I want to talk about birds' }) });
    const users = await t.ctx.database.db.selectFrom('users').selectAll().where('email', '=', 'newbie@example.test').execute();
    if (mode === 'closed') {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: 'This action is not allowed' });
      expect(users).toHaveLength(0);
      return;
    }
    const notes = await t.ctx.database.db.selectFrom('notifications').selectAll().where('account_id', '=', moderator.accountId).execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: 'admin.sign_up', from_account_id: users[0]!.account_id });
    // A retried job does not notify twice.
    await notifyStaffOfSignUp(t.ctx, { accountId: users[0]!.account_id });
    const again = await t.ctx.database.db.selectFrom('notifications').select('id').where('account_id', '=', moderator.accountId).execute();
    expect(again).toHaveLength(1);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ token_type: 'Bearer', scope: 'read write follow push' });
    expect(users).toHaveLength(1);
    const me = await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: res.json().access_token });
    if (mode === 'open') {
      expect(me.statusCode).toBe(200);
      expect(me.json().username).toBe('newbie');
      expect(users[0]!.approved).toBe(1);
    } else {
      // The account waits for a moderator; its token is refused until then.
      expect(me.statusCode).toBe(403);
      expect(users[0]!.approved).toBe(0);
      expect(users[0]!.sign_up_reason).toBe('I want to talk about birds');
    }
  });
});

describe('POST /api/v1/accounts validation', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await appToken(t);
    await t.createUser('taken');
  });
  afterAll(() => t.close());

  const post = (payload: Record<string, unknown>, bearer: string | null = token) =>
    t.request({ method: 'POST', url: '/api/v1/accounts', ...(bearer ? { token: bearer } : {}), payload });

  it('requires a token with write:accounts', async () => {
    expect((await post(signup(), null)).statusCode).toBe(401);
    const readOnly = await appToken(t, 'read');
    const res = await post(signup(), readOnly);
    expect(res.statusCode).toBe(403);
  });

  it.each([
    [{ username: 'TAKEN' }, 'username', 'ERR_TAKEN'],
    [{ username: 'admin' }, 'username', 'ERR_RESERVED'],
    [{ username: 'Support' }, 'username', 'ERR_RESERVED'],
    [{ username: 'no-dashes' }, 'username', 'ERR_INVALID'],
    [{ username: 'a'.repeat(31) }, 'username', 'ERR_TOO_LONG'],
    [{ username: '' }, 'username', 'ERR_BLANK'],
    [{ email: 'TAKEN@example.test' }, 'email', 'ERR_TAKEN'],
    [{ email: 'not-an-email' }, 'email', 'ERR_INVALID'],
    [{ password: 'short' }, 'password', 'ERR_TOO_SHORT'],
    [{ agreement: false }, 'agreement', 'ERR_ACCEPTED'],
    [{ locale: 'not a locale' }, 'locale', 'ERR_INCLUSION'],
  ])('refuses %j with 422 and details', async (over, field, code) => {
    const res = await post(signup(over));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatch(/^Validation failed/);
    expect(res.json().details[field][0].error).toBe(code);
    const count = await t.ctx.database.db.selectFrom('accounts').select('id').execute();
    expect(count).toHaveLength(1);
  });

  it('accepts a form body with agreement=1 and stores an argon2id hash', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/accounts',
      token,
      payload: 'username=Formy&email=formy%40example.test&password=a+long+enough+password&agreement=1&locale=de',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    const user = await t.ctx.database.db.selectFrom('users').selectAll().where('email', '=', 'formy@example.test').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.locale).toBe('de');
  });

  it('maps a lost race on the unique username to 422', async () => {
    const results = await Promise.all([
      post(signup({ username: 'racer', email: 'racer1@example.test' })),
      post(signup({ username: 'RACER', email: 'racer2@example.test' })),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 422]);
    const loser = results.find((r) => r.statusCode === 422)!;
    expect(loser.json().details.username[0].error).toBe('ERR_TAKEN');
  });
});
