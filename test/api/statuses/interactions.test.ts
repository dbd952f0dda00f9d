import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { accountRow, block, follow, notificationsOf, post, statusRow } from './helpers.js';

describe('status interactions', () => {
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

  const act = (user: TestUser | null, id: string, action: string, payload?: Record<string, unknown>) =>
    t.request({ method: 'POST', url: `/api/v1/statuses/${id}/${action}`, ...(user ? { token: user.token } : {}), ...(payload ? { payload } : {}) });

  it('lets the booster withdraw a boost after the author blocked them', async () => {
    const author = await t.createUser('blocking_author');
    const booster = await t.createUser('blocked_booster');
    const status = await post(t, author, { status: 'boost then block' });
    const boost = (await act(booster, status.id, 'reblog')).json();
    await block(t, author, booster);
    const undo = await act(booster, status.id, 'unreblog');
    expect(undo.statusCode).toBe(200);
    expect((await statusRow(t, boost.id)).deleted_at).not.toBeNull();
  });

  it('reblogs idempotently, notifies, counts, and unreblogs', async () => {
    const status = await post(t, alice, { status: 'boost me' });
    const before = (await accountRow(t, bob)).statuses_count;
    const first = await act(bob, status.id, 'reblog');
    expect(first.statusCode).toBe(200);
    const boost = first.json();
    expect(boost.reblog.id).toBe(status.id);
    expect(boost.reblog.reblogged).toBe(true);
    expect(boost.reblog.reblogs_count).toBe(1);
    expect(boost.content).toBe('');
    expect(boost.uri).toBe(`https://parley.test/users/bob/statuses/${boost.id}/activity`);
    const second = await act(bob, status.id, 'reblog');
    expect(second.json().id).toBe(boost.id);
    expect((await statusRow(t, status.id)).reblogs_count).toBe(1);
    expect((await accountRow(t, bob)).statuses_count).toBe(before + 1);
    expect((await notificationsOf(t, alice)).filter((n) => n.type === 'reblog')).toHaveLength(1);

    // Boosting the boost boosts the original.
    const viaBoost = await act(carol, boost.id, 'reblog');
    expect(viaBoost.json().reblog.id).toBe(status.id);
    expect((await statusRow(t, status.id)).reblogs_count).toBe(2);

    const who = await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}/reblogged_by` });
    expect(who.json().map((a: any) => a.id)).toEqual([carol.id, bob.id]);

    const undo = await act(bob, status.id, 'unreblog');
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ id: status.id, reblogged: false, reblogs_count: 1 });
    expect((await notificationsOf(t, alice)).filter((n) => n.type === 'reblog')).toHaveLength(1);
    expect((await accountRow(t, bob)).statuses_count).toBe(before);
    const undoAgain = await act(bob, status.id, 'unreblog');
    expect(undoAgain.json().reblogs_count).toBe(1);
  });

  it('refuses to boost private posts of others (403) and direct posts; allows own private boosts', async () => {
    await follow(t, bob, alice);
    const priv = await post(t, alice, { status: 'followers only', visibility: 'private' });
    expect((await act(bob, priv.id, 'reblog')).statusCode).toBe(403);
    expect((await act(carol, priv.id, 'reblog')).statusCode).toBe(404);
    const own = await act(alice, priv.id, 'reblog', { visibility: 'public' });
    expect(own.statusCode).toBe(200);
    expect(own.json().visibility).toBe('private');
    const dm = await post(t, alice, { status: 'hi @bob', visibility: 'direct' });
    expect((await act(bob, dm.id, 'reblog')).statusCode).toBe(403);
  });

  it('makes one boost and one favourite from simultaneous requests', async () => {
    const status = await post(t, alice, { status: 'race me' });
    const boosts = await Promise.all([1, 2, 3].map(() => act(carol, status.id, 'reblog')));
    expect(boosts.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(boosts.map((r) => r.json().id)).size).toBe(1);
    const favs = await Promise.all([1, 2, 3].map(() => act(carol, status.id, 'favourite')));
    expect(favs.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const row = await statusRow(t, status.id);
    expect([row.reblogs_count, row.favourites_count]).toEqual([1, 1]);
  });

  it('uses the requested boost visibility', async () => {
    const status = await post(t, alice, { status: 'quiet boost' });
    const res = await act(carol, status.id, 'reblog', { visibility: 'unlisted' });
    expect(res.json().visibility).toBe('unlisted');
  });

  it('favourites idempotently with a notification, lists favouriters with Link headers, unfavourites', async () => {
    const status = await post(t, alice, { status: 'like me' });
    const res = await act(bob, status.id, 'favourite');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ favourited: true, favourites_count: 1 });
    expect((await act(bob, status.id, 'favourite')).json().favourites_count).toBe(1);
    await act(carol, status.id, 'favourite');
    expect((await notificationsOf(t, alice)).filter((n) => n.type === 'favourite' && String(n.status_id) === status.id)).toHaveLength(2);

    const page1 = await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}/favourited_by?limit=1` });
    expect(page1.json().map((a: any) => a.id)).toEqual([carol.id]);
    const next = /<([^>]+)>; rel="next"/.exec(String(page1.headers.link))![1]!;
    const page2 = await t.request({ method: 'GET', url: next.replace('https://parley.test', '') });
    expect(page2.json().map((a: any) => a.id)).toEqual([bob.id]);

    const undo = await act(bob, status.id, 'unfavourite');
    expect(undo.json()).toMatchObject({ favourited: false, favourites_count: 1 });
    const left = (await notificationsOf(t, alice)).filter((n) => n.type === 'favourite' && String(n.status_id) === status.id);
    expect(left.map((n) => String(n.from_account_id))).toEqual([carol.id]);
    expect((await act(bob, status.id, 'unfavourite')).json().favourites_count).toBe(1);
  });

  it('leaves blocked accounts out of favourited_by for the viewer', async () => {
    const dan = await t.createUser('dan');
    const status = await post(t, alice, { status: 'popular' });
    await act(dan, status.id, 'favourite');
    await act(bob, status.id, 'favourite');
    await block(t, carol, dan);
    const res = await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}/favourited_by`, token: carol.token });
    expect(res.json().map((a: any) => a.id)).toEqual([bob.id]);
  });

  it('bookmarks and unbookmarks', async () => {
    const status = await post(t, alice, { status: 'save me' });
    expect((await act(bob, status.id, 'bookmark')).json().bookmarked).toBe(true);
    expect((await act(bob, status.id, 'bookmark')).statusCode).toBe(200);
    const shown = await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}`, token: bob.token });
    expect(shown.json().bookmarked).toBe(true);
    expect((await act(bob, status.id, 'unbookmark')).json().bookmarked).toBe(false);
    expect((await act(bob, '999999999', 'bookmark')).statusCode).toBe(404);
  });

  it('pins own public, unlisted and private posts, at most five', async () => {
    const pinner = await t.createUser('pinner');
    const mine = await post(t, pinner, { status: 'pin me' });
    const res = await act(pinner, mine.id, 'pin');
    expect(res.statusCode).toBe(200);
    expect(res.json().pinned).toBe(true);
    expect((await act(pinner, mine.id, 'pin')).statusCode).toBe(200);

    const others = await post(t, alice, { status: 'not yours' });
    expect((await act(pinner, others.id, 'pin')).statusCode).toBe(422);
    const dm = await post(t, pinner, { status: 'dm @alice', visibility: 'direct' });
    expect((await act(pinner, dm.id, 'pin')).statusCode).toBe(422);

    for (let i = 0; i < 4; i++) {
      const s = await post(t, pinner, { status: `pin ${i}`, visibility: i % 2 ? 'private' : 'unlisted' });
      expect((await act(pinner, s.id, 'pin')).statusCode).toBe(200);
    }
    const sixth = await post(t, pinner, { status: 'one too many' });
    const refused = await act(pinner, sixth.id, 'pin');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toBe('Validation failed: You have already pinned the maximum number of posts');

    const unpinned = await act(pinner, mine.id, 'unpin');
    expect(unpinned.json().pinned).toBe(false);
    expect((await act(pinner, sixth.id, 'pin')).statusCode).toBe(200);
  });

  it('checks scopes: favourites need write:favourites, pins write:accounts', async () => {
    const status = await post(t, alice, { status: 'scoped' });
    const limited = await t.createUser('limited', { scopes: ['read', 'write:statuses'] });
    expect((await act(limited, status.id, 'favourite')).statusCode).toBe(403);
    expect((await act(limited, status.id, 'bookmark')).statusCode).toBe(403);
    expect((await act(limited, status.id, 'reblog')).statusCode).toBe(200);
    expect((await act(null, status.id, 'favourite')).statusCode).toBe(401);
    expect((await statusRow(t, status.id)).favourites_count).toBe(0);
  });
});
