import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { follow, post, timeline } from './helpers.js';

describe('home timeline with fan-out on write', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    alice = await t.createUser('alice');
    bob = await t.createUser('bob');
    carol = await t.createUser('carol');
  });
  afterAll(() => t.close());

  const feedRows = (user: TestUser) =>
    t.ctx.database.db.selectFrom('home_feed').selectAll().where('account_id', '=', user.accountId).orderBy('status_id', 'desc').execute();

  it('shows your own posts and those of accounts you follow', async () => {
    await follow(t, alice, bob);
    const own = await post(t, alice, 'hello from alice');
    const bobs = await post(t, bob, 'hello from bob');
    const carols = await post(t, carol, 'carol is not followed');
    const home = await timeline(t, '/api/v1/timelines/home', alice);
    expect(home).toEqual([bobs, own]);
    expect(home).not.toContain(carols);
    expect((await feedRows(alice)).map((r) => String(r.status_id))).toEqual([bobs, own]);
  });

  it('requires a user token with read:statuses', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/timelines/home' })).statusCode).toBe(401);
    const writer = await t.createUser('writer', { scopes: ['write'] });
    expect((await t.request({ method: 'GET', url: '/api/v1/timelines/home', token: writer.token })).statusCode).toBe(403);
  });

  it('merges the recent posts of a newly followed account', async () => {
    const earlier = await post(t, carol, 'carol again');
    await follow(t, alice, carol);
    const home = await timeline(t, '/api/v1/timelines/home', alice);
    expect(home.slice(0, 2)).toEqual([earlier, expect.any(String)]);
    expect(home).toContain(earlier);
  });

  it('fan-out is idempotent', async () => {
    const id = await post(t, bob, 'once only');
    const before = await feedRows(alice);
    await t.ctx.database.transaction((tx) => t.ctx.jobs.enqueue(tx, 'fan-out-status', { statusId: id }));
    await t.ctx.jobs.drain();
    expect(await feedRows(alice)).toEqual(before);
    expect((await timeline(t, '/api/v1/timelines/home', alice)).filter((s) => s === id)).toHaveLength(1);
  });

  it('private posts reach followers only; direct posts only mentioned followers', async () => {
    const dave = await t.createUser('dave');
    const priv = await post(t, bob, 'followers only', { visibility: 'private' });
    const direct = await post(t, bob, '@alice just you', { visibility: 'direct' });
    const directOther = await post(t, bob, '@carol not alice', { visibility: 'direct' });
    const home = await timeline(t, '/api/v1/timelines/home', alice);
    expect(home).toContain(priv);
    expect(home).toContain(direct);
    expect(home).not.toContain(directOther);
    expect(await timeline(t, '/api/v1/timelines/home', dave)).toEqual([]);
  });

  it('skips replies to accounts the reader does not follow', async () => {
    const dave = await t.createUser('dave2');
    const davePost = await post(t, dave, 'dave speaks');
    const reply = await post(t, bob, '@dave2 answering', { in_reply_to_id: davePost });
    const selfReply = await post(t, bob, 'threading', { in_reply_to_id: reply });
    const home = await timeline(t, '/api/v1/timelines/home', alice);
    expect(home).not.toContain(reply);
    expect(home).toContain(selfReply);
  });

  it('shows a reblog once, and not when the original is already there', async () => {
    const original = await post(t, carol, 'worth sharing');
    const reblog = await t.request({ method: 'POST', url: `/api/v1/statuses/${original}/reblog`, token: bob.token });
    expect(reblog.statusCode).toBe(200);
    const home = await timeline(t, '/api/v1/timelines/home', alice);
    expect(home.filter((s) => s === original || s === `r:${original}`)).toEqual([original]);

    const dave = await t.createUser('dave3');
    const daves = await post(t, dave, 'dave original');
    await t.request({ method: 'POST', url: `/api/v1/statuses/${daves}/reblog`, token: bob.token });
    await t.request({ method: 'POST', url: `/api/v1/statuses/${daves}/reblog`, token: carol.token });
    const again = await timeline(t, '/api/v1/timelines/home', alice);
    expect(again.filter((s) => s === `r:${daves}` || s === daves)).toEqual([`r:${daves}`]);
  });

  it('hides reblogs of accounts followed with reblogs: false', async () => {
    await follow(t, alice, bob, { reblogs: false });
    const dave = await t.createUser('dave4');
    const daves = await post(t, dave, 'another original');
    await t.request({ method: 'POST', url: `/api/v1/statuses/${daves}/reblog`, token: bob.token });
    expect(await timeline(t, '/api/v1/timelines/home', alice)).not.toContain(`r:${daves}`);
    await follow(t, alice, bob, { reblogs: true });
  });

  it('unfollow removes the account’s posts from home', async () => {
    const bobs = await post(t, bob, 'before unfollow');
    expect(await timeline(t, '/api/v1/timelines/home', alice)).toContain(bobs);
    await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/unfollow`, token: alice.token });
    const home = await timeline(t, '/api/v1/timelines/home', alice);
    expect(home).not.toContain(bobs);
    expect((await feedRows(alice)).filter((r) => r.author_account_id === bob.accountId)).toEqual([]);
    await follow(t, alice, bob);
    expect(await timeline(t, '/api/v1/timelines/home', alice)).toContain(bobs);
  });

  it('mute hides from home but not from a direct fetch; unmute does not break reads', async () => {
    const bobs = await post(t, bob, 'muted soon');
    await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/mute`, token: alice.token });
    const later = await post(t, bob, 'while muted');
    const home = await timeline(t, '/api/v1/timelines/home', alice);
    expect(home).not.toContain(bobs);
    expect(home).not.toContain(later);
    const direct = await t.request({ method: 'GET', url: `/api/v1/statuses/${later}`, token: alice.token });
    expect(direct.statusCode).toBe(200);
    const profile = await timeline(t, `/api/v1/accounts/${bob.id}/statuses`, alice);
    expect(profile).toContain(later);
    await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/unmute`, token: alice.token });
    const after = await post(t, bob, 'after unmute');
    expect(await timeline(t, '/api/v1/timelines/home', alice)).toContain(after);
  });

  it('block removes follows both ways and hides the blocked account’s posts', async () => {
    await follow(t, bob, alice);
    const bobs = await post(t, bob, 'before the block');
    const alices = await post(t, alice, 'alice before the block');
    expect(await timeline(t, '/api/v1/timelines/home', bob)).toContain(alices);
    const res = await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/block`, token: alice.token });
    expect(res.json()).toMatchObject({ blocking: true, following: false, followed_by: false });
    expect(await timeline(t, '/api/v1/timelines/home', alice)).not.toContain(bobs);
    expect(await timeline(t, '/api/v1/timelines/home', bob)).not.toContain(alices);
    const follows = await t.ctx.database.db
      .selectFrom('follows')
      .select('id')
      .where((eb) => eb.or([
        eb.and([eb('account_id', '=', alice.accountId), eb('target_account_id', '=', bob.accountId)]),
        eb.and([eb('account_id', '=', bob.accountId), eb('target_account_id', '=', alice.accountId)]),
      ]))
      .execute();
    expect(follows).toEqual([]);
    const blocked = await t.request({ method: 'POST', url: `/api/v1/accounts/${alice.id}/follow`, token: bob.token });
    expect(blocked.statusCode).toBe(403);
    const list = await t.request({ method: 'GET', url: '/api/v1/blocks', token: alice.token });
    expect(list.json().map((a: { id: string }) => a.id)).toEqual([bob.id]);
    const profile = await t.request({ method: 'GET', url: `/api/v1/accounts/${alice.id}/statuses`, token: bob.token });
    expect(profile.json()).toEqual([]);
    await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/unblock`, token: alice.token });
    expect((await t.request({ method: 'GET', url: '/api/v1/blocks', token: alice.token })).json()).toEqual([]);
  });

  it('rebuilds the feed of a user returning after a long absence', async () => {
    const erin = await t.createUser('erin');
    await follow(t, erin, carol);
    const stale = new Date(Date.now() - 30 * 24 * 3600_000).toISOString();
    await t.ctx.database.db.updateTable('users').set({ last_active_at: stale }).where('account_id', '=', erin.accountId).execute();
    const missed = await post(t, carol, 'posted while erin was away');
    expect((await feedRows(erin)).map((r) => String(r.status_id))).not.toContain(missed);
    expect(await timeline(t, '/api/v1/timelines/home', erin)).toContain(missed);
    const user = await t.ctx.database.db.selectFrom('users').select('last_active_at').where('account_id', '=', erin.accountId).executeTakeFirstOrThrow();
    expect(Date.parse(user.last_active_at!)).toBeGreaterThan(Date.now() - 60_000);
    expect((await feedRows(erin)).map((r) => String(r.status_id))).toContain(missed);
  });
});
