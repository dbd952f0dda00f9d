import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { insertRelation } from './seed.js';

type AccountJson = { id: string; acct: string; username: string };

describe('account search', () => {
  let t: TestApp;
  let viewer: TestUser;
  const ids = new Map<string, string>();
  const accountsSearch = async (query: string, token = viewer.token) => {
    const res = await t.request({ method: 'GET', url: `/api/v1/accounts/search?${query}`, token });
    expect(res.statusCode).toBe(200);
    return (res.json() as AccountJson[]).map((a) => a.acct);
  };

  beforeAll(async () => {
    t = await createTestApp();
    viewer = await t.createUser('viewer');
    for (const name of ['sam', 'samantha', 'samuel', 'sam_wise', 'olga', 'blocker', 'suspended']) {
      ids.set(name, (await t.createUser(name)).id);
    }
    const db = t.ctx.database.db;
    await db.updateTable('accounts').set({ display_name: 'Olga Samsonova' }).where('username', '=', 'olga').execute();
    await db.updateTable('accounts').set({ followers_count: 50 }).where('username', '=', 'samuel').execute();
    await db.updateTable('accounts').set({ suspended_at: new Date().toISOString() }).where('username', '=', 'suspended').execute();
  });
  afterAll(() => t.close());

  it('puts the exact handle first, then username prefixes by popularity, then display names', async () => {
    expect(await accountsSearch('q=sam')).toEqual(['sam', 'samuel', 'samantha', 'sam_wise', 'olga']);
    expect(await accountsSearch('q=@Samuel')).toEqual(['samuel']);
    // The local domain is the same as no domain.
    expect(await accountsSearch('q=samantha@parley.test')).toEqual(['samantha']);
    expect(await accountsSearch('q=samson')).toEqual(['olga']);
  });

  it('treats underscores literally, pages with limit and offset, and answers nothing for a blank query', async () => {
    expect(await accountsSearch('q=sam_')).toEqual(['sam_wise']);
    expect(await accountsSearch('q=sam&limit=2')).toEqual(['sam', 'samuel']);
    expect(await accountsSearch('q=sam&limit=2&offset=2')).toEqual(['samantha', 'sam_wise']);
    expect(await accountsSearch('q=%20')).toEqual([]);
  });

  it('leaves out suspended accounts and blocks in both directions', async () => {
    expect(await accountsSearch('q=suspended')).toEqual([]);
    expect(await accountsSearch('q=blocker')).toEqual(['blocker']);
    await insertRelation(t.ctx, 'blocks', Number(ids.get('blocker')), viewer.accountId);
    expect(await accountsSearch('q=blocker')).toEqual([]);
  });

  it('limits to followed accounts with following=true', async () => {
    await insertRelation(t.ctx, 'follows', viewer.accountId, Number(ids.get('samantha')));
    expect(await accountsSearch('q=sam&following=true')).toEqual(['samantha']);
  });

  it('is also part of /api/v2/search, which anonymous clients may use', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v2/search?q=samu&type=accounts' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accounts: [{ acct: 'samuel', id: ids.get('samuel') }], statuses: [], hashtags: [] });
    // A hashtag query is not an account query.
    const tag = await t.request({ method: 'GET', url: '/api/v2/search?q=%23sam', token: viewer.token });
    expect((tag.json() as { accounts: unknown[] }).accounts).toEqual([]);
  });

  it('requires a user token with read:accounts', async () => {
    const anonymous = await t.request({ method: 'GET', url: '/api/v1/accounts/search?q=sam' });
    expect(anonymous.statusCode).toBe(401);
    const writeOnly = await t.createUser('writer', { scopes: ['write'] });
    const forbidden = await t.request({ method: 'GET', url: '/api/v1/accounts/search?q=sam', token: writeOnly.token });
    expect(forbidden.statusCode).toBe(403);
    const negative = await t.request({ method: 'GET', url: '/api/v1/accounts/search?q=sam&limit=-3', token: viewer.token });
    expect(negative.statusCode).toBe(400);
  });
});
