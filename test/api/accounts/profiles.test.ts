import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { generateId } from '../../../src/lib/ids.js';

describe('GET /api/v1/accounts/:id and /api/v1/accounts/lookup', () => {
  let t: TestApp;
  let frank: TestUser;
  let gone: TestUser;
  let waiting: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    frank = await t.createUser('Frank');
    await t.request({ method: 'PATCH', url: '/api/v1/accounts/update_credentials', token: frank.token, payload: { display_name: 'Frank F', note: 'bio' } });
    gone = await t.createUser('gone');
    await t.request({ method: 'PATCH', url: '/api/v1/accounts/update_credentials', token: gone.token, payload: { display_name: 'Gone G', note: 'old bio', fields_attributes: [{ name: 'a', value: 'b' }] } });
    await t.ctx.database.db.updateTable('accounts').set({ suspended_at: new Date().toISOString() }).where('id', '=', gone.accountId).execute();
    waiting = await t.createUser('waiting');
    await t.ctx.database.db.updateTable('users').set({ approved: 0 }).where('account_id', '=', waiting.accountId).execute();
    const now = new Date().toISOString();
    await t.ctx.database.db
      .insertInto('accounts')
      .values({
        id: generateId(), username: 'remote', domain: 'other.example', acct_key: 'remote@other.example', display_name: 'Remote', note: '', note_html: '',
        locked: 0, bot: 0, discoverable: 1, fields: '[]', avatar_url: null, header_url: null, uri: 'https://other.example/users/remote',
        followers_count: 0, following_count: 0, statuses_count: 0, last_status_at: null, suspended_at: null, silenced_at: null,
        sensitized_at: null, created_at: now, updated_at: now,
      })
      .execute();
  });
  afterAll(() => t.close());

  it('shows an account without a token', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/accounts/${frank.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: frank.id, username: 'Frank', acct: 'Frank', display_name: 'Frank F', note: '<p>bio</p>' });
    expect(res.json().created_at).toMatch(/T00:00:00\.000Z$/);
  });

  it('serves the default avatar and header the serializer points to', async () => {
    const account = (await t.request({ method: 'GET', url: `/api/v1/accounts/${frank.id}` })).json();
    for (const url of [account.avatar, account.header]) {
      const res = await t.request({ method: 'GET', url: new URL(url).pathname });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });

  it('answers 404 for unknown, malformed and pending accounts', async () => {
    for (const id of ['123', 'abc', waiting.id]) {
      const res = await t.request({ method: 'GET', url: `/api/v1/accounts/${id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: 'Record not found' });
    }
  });

  it('shows a suspended account as suspended, without its profile', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/accounts/${gone.id}`, token: frank.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'gone', suspended: true, display_name: '', note: '', fields: [] });
  });

  it('looks accounts up case-insensitively, with or without @ and the local domain', async () => {
    for (const acct of ['frank', '@FRANK', 'frank@parley.test', '@frank@PARLEY.TEST']) {
      const res = await t.request({ method: 'GET', url: `/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().id).toBe(frank.id);
    }
    const remote = await t.request({ method: 'GET', url: '/api/v1/accounts/lookup?acct=remote@other.example' });
    expect(remote.json()).toMatchObject({ acct: 'remote@other.example', url: 'https://other.example/users/remote' });
  });

  it('answers lookup misses with 404', async () => {
    for (const acct of ['nobody', 'waiting', 'a@b@c', '']) {
      const res = await t.request({ method: 'GET', url: `/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}` });
      expect(res.statusCode).toBe(404);
    }
  });
});
