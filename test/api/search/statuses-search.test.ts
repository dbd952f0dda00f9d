import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { insertRelation, insertStatus } from './seed.js';

type Found = { statuses: Array<{ id: string; content: string; account: { id: string } }> };

describe('GET /api/v2/search (statuses)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  const search = async (q: string, token: string | undefined, extra = '') => {
    const res = await t.request({ method: 'GET', url: `/api/v2/search?type=statuses&q=${encodeURIComponent(q)}${extra}`, token });
    expect(res.statusCode).toBe(200);
    return (res.json() as Found).statuses.map((s) => s.id);
  };

  beforeAll(async () => {
    t = await createTestApp();
    alice = await t.createUser('alice');
    bob = await t.createUser('bob');
    carol = await t.createUser('carol');
  });
  afterAll(() => t.close());

  it('finds public posts by words of the text or the content warning, newest first', async () => {
    const first = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'The lighthouse keeper waves' });
    const second = await insertStatus(t.ctx, { accountId: carol.accountId, text: 'spoilers inside', spoilerText: 'lighthouse ending' });
    await insertStatus(t.ctx, { accountId: carol.accountId, text: 'nothing to see here' });
    expect(await search('lighthouse', alice.token)).toEqual([String(second), String(first)]);
    // Every word must match, in any order and case.
    expect(await search('KEEPER lighthouse', alice.token)).toEqual([String(first)]);
  });

  it('matches non-ASCII words, ignoring diacritics and case', async () => {
    const french = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'Un café à Zürich, très bien' });
    const russian = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'Привет мир из Москвы' });
    const japanese = await insertStatus(t.ctx, { accountId: bob.accountId, text: '今日は 東京 で会議' });
    expect(await search('cafe zurich', alice.token)).toEqual([String(french)]);
    expect(await search('CAFÉ', alice.token)).toEqual([String(french)]);
    expect(await search('привет', alice.token)).toEqual([String(russian)]);
    expect(await search('東京', alice.token)).toEqual([String(japanese)]);
  });

  it('finds words written as hashtags, and treats query syntax as plain words', async () => {
    const tagged = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'Bonjour #Crêpes du dimanche', tags: ['Crêpes'] });
    expect(await search('#crepes', alice.token)).toEqual([String(tagged)]);
    expect(await search('crêpes', alice.token)).toEqual([String(tagged)]);
    // FTS operators and quotes in user input must neither fail nor change the meaning.
    expect(await search('crêpes OR "dimanche" NOT', alice.token)).toEqual([]);
    expect(await search('"crêpes" dimanche*', alice.token)).toEqual([String(tagged)]);
  });

  it('never shows private posts to non-followers, direct posts to non-recipients, or held posts to others', async () => {
    const priv = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'secret marmalade recipe', visibility: 'private' });
    const direct = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'marmalade for carol', visibility: 'direct', mentions: [carol.accountId] });
    const held = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'held marmalade', moderationState: 'held' });
    const removed = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'removed marmalade', moderationState: 'removed' });
    expect(await search('marmalade', alice.token)).toEqual([]);
    expect(await search('marmalade', carol.token)).toEqual([String(direct)]);
    await insertRelation(t.ctx, 'follows', alice.accountId, bob.accountId);
    expect(await search('marmalade', alice.token)).toEqual([String(priv)]);
    // The author sees their own held post while it waits for review, but not a removed one.
    const own = await search('marmalade', bob.token);
    expect(own).toContain(String(held));
    expect(own).not.toContain(String(removed));
  });

  it('leaves out unlisted posts and accounts that opted out of indexing', async () => {
    const shy = await t.createUser('shy_author');
    await t.ctx.database.db.updateTable('accounts').set({ discoverable: 0 }).where('id', '=', shy.accountId).execute();
    await insertStatus(t.ctx, { accountId: shy.accountId, text: 'quince jelly from the shy one' });
    const unlisted = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'quince jelly unlisted', visibility: 'unlisted' });
    const open = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'quince jelly for everyone' });
    expect(await search('quince', alice.token)).toEqual([String(open)]);
    // Authors still find their own.
    expect(await search('quince', bob.token)).toEqual(expect.arrayContaining([String(open), String(unlisted)]));
  });

  it('finds a limited account only for its followers', async () => {
    const limited = await t.createUser('limited_author');
    const id = await insertStatus(t.ctx, { accountId: limited.accountId, text: 'rhubarb compote' });
    await t.ctx.database.db.updateTable('accounts').set({ silenced_at: new Date().toISOString() }).where('id', '=', limited.accountId).execute();
    expect(await search('rhubarb', alice.token)).toEqual([]);
    await insertRelation(t.ctx, 'follows', alice.accountId, limited.accountId);
    expect(await search('rhubarb', alice.token)).toEqual([String(id)]);
  });

  it('follows edits and deletions through the index', async () => {
    const id = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'first draft about otters' });
    expect(await search('otters', alice.token)).toEqual([String(id)]);
    await t.ctx.database.db.updateTable('statuses').set({ text: 'second draft about beavers' }).where('id', '=', id).execute();
    expect(await search('otters', alice.token)).toEqual([]);
    expect(await search('beavers', alice.token)).toEqual([String(id)]);
    await t.ctx.database.db.updateTable('statuses').set({ deleted_at: new Date().toISOString() }).where('id', '=', id).execute();
    expect(await search('beavers', alice.token)).toEqual([]);
  });

  it('hides posts across blocks in both directions and from muted accounts', async () => {
    const dave = await t.createUser('dave');
    const erin = await t.createUser('erin');
    const fred = await t.createUser('fred');
    const byDave = await insertStatus(t.ctx, { accountId: dave.accountId, text: 'zeppelin sighting one' });
    const byErin = await insertStatus(t.ctx, { accountId: erin.accountId, text: 'zeppelin sighting two' });
    const byFred = await insertStatus(t.ctx, { accountId: fred.accountId, text: 'zeppelin sighting three' });
    const viewer = await t.createUser('viewer');
    expect(await search('zeppelin', viewer.token)).toEqual([String(byFred), String(byErin), String(byDave)]);
    await insertRelation(t.ctx, 'blocks', viewer.accountId, dave.accountId);
    await insertRelation(t.ctx, 'blocks', erin.accountId, viewer.accountId);
    await insertRelation(t.ctx, 'mutes', viewer.accountId, fred.accountId);
    expect(await search('zeppelin', viewer.token)).toEqual([]);
    expect(await search('zeppelin', alice.token)).toHaveLength(3);
  });

  it('pages with limit, offset, max_id and filters by account_id', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await insertStatus(t.ctx, { accountId: i % 2 ? bob.accountId : carol.accountId, text: `pagination walrus ${i}` }));
    const newestFirst = ids.map(String).reverse();
    expect(await search('walrus', alice.token, '&limit=2')).toEqual(newestFirst.slice(0, 2));
    expect(await search('walrus', alice.token, '&limit=2&offset=2')).toEqual(newestFirst.slice(2, 4));
    expect(await search('walrus', alice.token, `&max_id=${ids[2]}`)).toEqual([String(ids[1]), String(ids[0])]);
    expect(await search('walrus', alice.token, `&account_id=${bob.accountId}`)).toEqual([String(ids[3]), String(ids[1])]);
  });

  it('returns statuses only to signed-in users and serialises them as Mastodon statuses', async () => {
    const id = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'anonymous narwhal' });
    const anonymous = await t.request({ method: 'GET', url: '/api/v2/search?q=narwhal' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ accounts: [], statuses: [], hashtags: [] });
    const res = await t.request({ method: 'GET', url: '/api/v2/search?q=narwhal', token: alice.token });
    const body = res.json() as Found;
    expect(body.statuses).toHaveLength(1);
    expect(body.statuses[0]).toMatchObject({ id: String(id), account: { id: bob.id } });
    expect(body.statuses[0]!.content).toContain('anonymous narwhal');
  });

  it('resolves URLs of local statuses and accounts when asked to', async () => {
    const id = await insertStatus(t.ctx, { accountId: bob.accountId, text: 'resolvable post' });
    const statusUrl = `${t.ctx.config.publicUrl}/@bob/${id}`;
    const res = await t.request({ method: 'GET', url: `/api/v2/search?resolve=true&q=${encodeURIComponent(statusUrl)}`, token: alice.token });
    expect((res.json() as Found).statuses.map((s) => s.id)).toEqual([String(id)]);
    const accountUrl = `${t.ctx.config.publicUrl}/users/bob`;
    const byAccount = await t.request({ method: 'GET', url: `/api/v2/search?resolve=true&q=${encodeURIComponent(accountUrl)}`, token: alice.token });
    expect(byAccount.json()).toMatchObject({ accounts: [{ id: bob.id, acct: 'bob' }], statuses: [], hashtags: [] });
    const remote = await t.request({ method: 'GET', url: `/api/v2/search?resolve=true&q=${encodeURIComponent('https://elsewhere.example/@bob')}`, token: alice.token });
    expect(remote.json()).toEqual({ accounts: [], statuses: [], hashtags: [] });
  });

  it('refuses what Mastodon refuses', async () => {
    const missing = await t.request({ method: 'GET', url: '/api/v2/search', token: alice.token });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toHaveProperty('error');
    const paged = await t.request({ method: 'GET', url: '/api/v2/search?q=x&type=accounts&offset=5' });
    expect(paged.statusCode).toBe(401);
    expect(paged.json()).toEqual({ error: 'Search queries pagination is not supported without authentication' });
    const resolve = await t.request({ method: 'GET', url: '/api/v2/search?q=x&resolve=true' });
    expect(resolve.statusCode).toBe(401);
    const negative = await t.request({ method: 'GET', url: '/api/v2/search?q=x&type=accounts&offset=-1', token: alice.token });
    expect(negative.statusCode).toBe(400);
    const noScope = await t.createUser('noscope', { scopes: ['write'] });
    const forbidden = await t.request({ method: 'GET', url: '/api/v2/search?q=x', token: noScope.token });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toEqual({ error: 'This action is outside the authorized scopes' });
  });
});
