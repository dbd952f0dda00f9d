import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { follow, post, timeline } from './helpers.js';

describe('public, hashtag and account timelines, bookmarks and favourites', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    alice = await t.createUser('alice');
    bob = await t.createUser('bob');
    carol = await t.createUser('carol');
    ids.pub = await post(t, alice, 'hello #Parley world');
    ids.unlisted = await post(t, alice, 'quiet #parley', { visibility: 'unlisted' });
    ids.priv = await post(t, alice, 'friends only #parley', { visibility: 'private' });
    ids.direct = await post(t, alice, '@bob secret', { visibility: 'direct' });
    ids.reply = await post(t, alice, '@bob replying #other', { in_reply_to_id: await post(t, bob, 'bob asks #parley') });
    ids.selfReply = await post(t, alice, 'thread continues', { in_reply_to_id: ids.pub });
    ids.bobTagged = (await t.request({ method: 'GET', url: `/api/v1/accounts/${bob.id}/statuses`, token: bob.token })).json()[0].id;
    await t.request({ method: 'POST', url: `/api/v1/statuses/${ids.bobTagged}/reblog`, token: alice.token });
  });
  afterAll(() => t.close());

  it('public timeline: public posts only, no reblogs, no replies to others', async () => {
    const pub = await timeline(t, '/api/v1/timelines/public');
    expect(pub).toEqual([ids.selfReply, ids.bobTagged, ids.pub]);
    expect(await timeline(t, '/api/v1/timelines/public?local=true', carol)).toEqual(pub);
    expect(await timeline(t, '/api/v1/timelines/public?remote=true')).toEqual([]);
    expect(await timeline(t, '/api/v1/timelines/public?only_media=true')).toEqual([]);
  });

  it('public timeline pages with Link headers', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/timelines/public?limit=1&local=true' });
    expect(res.json().map((s: { id: string }) => s.id)).toEqual([ids.selfReply]);
    expect(res.headers.link).toBe(
      `<https://parley.test/api/v1/timelines/public?limit=1&local=true&max_id=${ids.selfReply}>; rel="next", ` +
        `<https://parley.test/api/v1/timelines/public?limit=1&local=true&min_id=${ids.selfReply}>; rel="prev"`,
    );
    expect(await timeline(t, `/api/v1/timelines/public?limit=1&max_id=${ids.selfReply}`)).toEqual([ids.bobTagged]);
    expect(await timeline(t, `/api/v1/timelines/public?limit=1&min_id=${ids.pub}`)).toEqual([ids.bobTagged]);
    expect(await timeline(t, `/api/v1/timelines/public?limit=50`)).toHaveLength(3);
  });

  it('a blocked author disappears from the blocker’s public timeline', async () => {
    await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/block`, token: carol.token });
    expect(await timeline(t, '/api/v1/timelines/public', carol)).toEqual([ids.selfReply, ids.pub]);
    await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/unblock`, token: carol.token });
  });

  it('silenced accounts stay out of the public timeline', async () => {
    await t.ctx.database.db.updateTable('accounts').set({ silenced_at: new Date().toISOString() }).where('id', '=', bob.accountId).execute();
    expect(await timeline(t, '/api/v1/timelines/public')).toEqual([ids.selfReply, ids.pub]);
    await t.ctx.database.db.updateTable('accounts').set({ silenced_at: null }).where('id', '=', bob.accountId).execute();
  });

  it('hashtag timeline: case-insensitive, public posts, any/all/none', async () => {
    expect(await timeline(t, '/api/v1/timelines/tag/parley')).toEqual([ids.bobTagged, ids.pub]);
    expect(await timeline(t, '/api/v1/timelines/tag/PARLEY')).toEqual([ids.bobTagged, ids.pub]);
    expect(await timeline(t, '/api/v1/timelines/tag/nothing')).toEqual([]);
    const other = await post(t, carol, 'something #other');
    // Hashtag timelines include replies (the public timeline does not).
    expect(await timeline(t, '/api/v1/timelines/tag/parley?any[]=other')).toEqual([other, ids.reply, ids.bobTagged, ids.pub]);
    const both = await post(t, carol, '#parley and #other');
    expect(await timeline(t, '/api/v1/timelines/tag/parley?all[]=other')).toEqual([both]);
    expect(await timeline(t, '/api/v1/timelines/tag/parley?none[]=other')).toEqual([ids.bobTagged, ids.pub]);
  });

  it('account statuses: what strangers, followers and the author see', async () => {
    const mine = [ids.selfReply, ids.reply, ids.direct, ids.priv, ids.unlisted, ids.pub];
    const stranger = await timeline(t, `/api/v1/accounts/${alice.id}/statuses`, carol);
    expect(stranger).toEqual([`r:${ids.bobTagged}`, ids.selfReply, ids.reply, ids.unlisted, ids.pub]);
    expect(await timeline(t, `/api/v1/accounts/${alice.id}/statuses`)).toEqual(stranger);
    await follow(t, carol, alice);
    expect(await timeline(t, `/api/v1/accounts/${alice.id}/statuses`, carol)).toContain(ids.priv);
    const asBob = await timeline(t, `/api/v1/accounts/${alice.id}/statuses`, bob);
    expect(asBob).toContain(ids.direct);
    expect(asBob).not.toContain(ids.priv);
    const own = await timeline(t, `/api/v1/accounts/${alice.id}/statuses?exclude_reblogs=true`, alice);
    expect(own).toEqual(mine);
  });

  it('account statuses: exclude_replies, exclude_reblogs, tagged, pinned, only_media', async () => {
    const got = await timeline(t, `/api/v1/accounts/${alice.id}/statuses?exclude_replies=true&exclude_reblogs=true`, carol);
    expect(got).toEqual([
      ids.selfReply,
      ids.priv,
      ids.unlisted,
      ids.pub,
    ]);
    expect(await timeline(t, `/api/v1/accounts/${alice.id}/statuses?tagged=Parley`, carol)).toEqual([ids.priv, ids.unlisted, ids.pub]);
    const pin = await t.request({ method: 'POST', url: `/api/v1/statuses/${ids.unlisted}/pin`, token: alice.token });
    expect(pin.statusCode).toBe(200);
    expect(await timeline(t, `/api/v1/accounts/${alice.id}/statuses?pinned=true`, carol)).toEqual([ids.unlisted]);
    expect(await timeline(t, `/api/v1/accounts/${alice.id}/statuses?only_media=true`, carol)).toEqual([]);
  });

  it('account statuses: a post held for review shows on the author’s own profile only', async () => {
    const screener = t.ctx.screener;
    t.ctx.screener = {
      screen: () => ({ decision: 'hold' as const, category: 'threat', score: 0.99, lang: 'en', reasons: ['test'] }),
    } as unknown as typeof screener;
    const res = await t.request({ method: 'POST', url: '/api/v1/statuses', token: carol.token, payload: { status: 'held back' } });
    t.ctx.screener = screener;
    const held = res.json().id as string;
    expect((await timeline(t, `/api/v1/accounts/${carol.id}/statuses`, carol))[0]).toBe(held);
    expect(await timeline(t, `/api/v1/accounts/${carol.id}/statuses`, alice)).not.toContain(held);
    expect(await timeline(t, '/api/v1/timelines/public')).not.toContain(held);
  });

  it('account statuses: 404 for unknown accounts, empty when blocked or suspended', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/accounts/4242/statuses' })).statusCode).toBe(404);
    await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/block`, token: alice.token });
    expect(await timeline(t, `/api/v1/accounts/${alice.id}/statuses`, carol)).toEqual([]);
    await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/unblock`, token: alice.token });
    await t.ctx.database.db.updateTable('accounts').set({ suspended_at: new Date().toISOString() }).where('id', '=', bob.accountId).execute();
    expect(await timeline(t, `/api/v1/accounts/${bob.id}/statuses`)).toEqual([]);
    await t.ctx.database.db.updateTable('accounts').set({ suspended_at: null }).where('id', '=', bob.accountId).execute();
  });

  it('bookmarks and favourites page by their own ids, with Link headers', async () => {
    for (const id of [ids.pub, ids.unlisted, ids.bobTagged]) {
      expect((await t.request({ method: 'POST', url: `/api/v1/statuses/${id}/bookmark`, token: carol.token })).statusCode).toBe(200);
    }
    // Bookmarked in a different order than posted: the list follows the bookmarks.
    const marks = await t.ctx.database.db.selectFrom('bookmarks').select('id').where('account_id', '=', carol.accountId).orderBy('id', 'desc').execute();
    const res = await t.request({ method: 'GET', url: '/api/v1/bookmarks?limit=2', token: carol.token });
    expect(res.json().map((s: { id: string }) => s.id)).toEqual([ids.bobTagged, ids.unlisted]);
    expect(res.headers.link).toBe(
      `<https://parley.test/api/v1/bookmarks?limit=2&max_id=${marks[1]!.id}>; rel="next", <https://parley.test/api/v1/bookmarks?limit=2&min_id=${marks[0]!.id}>; rel="prev"`,
    );
    expect(await timeline(t, `/api/v1/bookmarks?limit=2&max_id=${marks[1]!.id}`, carol)).toEqual([ids.pub]);
    expect(await timeline(t, `/api/v1/bookmarks?min_id=${marks[2]!.id}`, carol)).toEqual([ids.bobTagged, ids.unlisted]);

    await t.request({ method: 'POST', url: `/api/v1/statuses/${ids.unlisted}/favourite`, token: carol.token });
    await t.request({ method: 'POST', url: `/api/v1/statuses/${ids.pub}/favourite`, token: carol.token });
    expect(await timeline(t, '/api/v1/favourites', carol)).toEqual([ids.pub, ids.unlisted]);
    expect(await timeline(t, '/api/v1/favourites', bob)).toEqual([]);
    expect((await t.request({ method: 'GET', url: '/api/v1/bookmarks' })).statusCode).toBe(401);
    const noScope = await t.createUser('noscope', { scopes: ['read:statuses'] });
    expect((await t.request({ method: 'GET', url: '/api/v1/favourites', token: noScope.token })).statusCode).toBe(403);
  });

  it('bookmarks of posts no longer visible drop out', async () => {
    await t.request({ method: 'DELETE', url: `/api/v1/statuses/${ids.bobTagged}`, token: bob.token });
    expect(await timeline(t, '/api/v1/bookmarks', carol)).toEqual([ids.unlisted, ids.pub]);
  });

  it('mutes and blocks lists', async () => {
    await t.request({ method: 'POST', url: `/api/v1/accounts/${alice.id}/mute`, token: bob.token, payload: { duration: 3600, notifications: false } });
    await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/mute`, token: bob.token });
    const res = await t.request({ method: 'GET', url: '/api/v1/mutes', token: bob.token });
    expect(res.statusCode).toBe(200);
    const mutes = res.json() as Array<{ id: string; mute_expires_at: string | null }>;
    expect(mutes.map((m) => m.id)).toEqual([carol.id, alice.id]);
    expect(mutes[0]!.mute_expires_at).toBeNull();
    expect(Date.parse(mutes[1]!.mute_expires_at!)).toBeGreaterThan(Date.now() + 3500_000);
    const rel = await t.request({ method: 'GET', url: `/api/v1/accounts/relationships?id[]=${alice.id}&id[]=${carol.id}`, token: bob.token });
    expect(rel.json().map((r: { muting: boolean; muting_notifications: boolean }) => [r.muting, r.muting_notifications])).toEqual([
      [true, false],
      [true, true],
    ]);
    await t.ctx.database.db.updateTable('mutes').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('target_account_id', '=', alice.accountId).execute();
    expect((await t.request({ method: 'GET', url: '/api/v1/mutes', token: bob.token })).json().map((m: { id: string }) => m.id)).toEqual([carol.id]);
    expect((await t.request({ method: 'GET', url: '/api/v1/mutes', token: (await t.createUser('nomute', { scopes: ['read:statuses'] })).token })).statusCode).toBe(403);
    const self = await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/mute`, token: bob.token });
    expect(self.json()).toMatchObject({ muting: false });
    const selfBlock = await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/block`, token: bob.token });
    expect(selfBlock.json()).toMatchObject({ blocking: false });
  });
});
