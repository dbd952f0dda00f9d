import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';

describe('following, follow requests and relationships', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let locked: TestUser;

  const account = async (user: TestUser) =>
    t.ctx.database.db.selectFrom('accounts').selectAll().where('id', '=', user.accountId).executeTakeFirstOrThrow();
  const notifications = (user: TestUser) =>
    t.ctx.database.db.selectFrom('notifications').selectAll().where('account_id', '=', user.accountId).execute();

  beforeAll(async () => {
    t = await createTestApp();
    alice = await t.createUser('alice');
    bob = await t.createUser('bob');
    carol = await t.createUser('carol');
    locked = await t.createUser('locked');
    await t.ctx.database.db.updateTable('accounts').set({ locked: 1 }).where('id', '=', locked.accountId).execute();
  });
  afterAll(() => t.close());

  it('follows an unlocked account, counts it and notifies', async () => {
    const res = await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/follow`, token: alice.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: bob.id,
      following: true,
      showing_reblogs: true,
      notifying: false,
      languages: null,
      followed_by: false,
      blocking: false,
      blocked_by: false,
      muting: false,
      muting_notifications: false,
      requested: false,
      requested_by: false,
      domain_blocking: false,
      endorsed: false,
      note: '',
    });
    expect((await account(alice)).following_count).toBe(1);
    expect((await account(bob)).followers_count).toBe(1);
    const notes = await notifications(bob);
    expect(notes.map((n) => [n.type, n.from_account_id])).toEqual([['follow', alice.accountId]]);
  });

  it('following again updates the options without double counting', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${bob.id}/follow`,
      token: alice.token,
      payload: { reblogs: false, notify: true, languages: ['en', 'de'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ following: true, showing_reblogs: false, notifying: true, languages: ['en', 'de'] });
    expect((await account(bob)).followers_count).toBe(1);
    expect(await notifications(bob)).toHaveLength(1);
  });

  it('accepts form-encoded options', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${bob.id}/follow`,
      token: alice.token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'reblogs=true&languages[]=fr',
    });
    expect(res.json()).toMatchObject({ showing_reblogs: true, notifying: true, languages: ['fr'] });
  });

  it('shows followed_by from the other side and lists followers and following', async () => {
    const rel = await t.request({ method: 'GET', url: `/api/v1/accounts/relationships?id[]=${alice.id}&id[]=${carol.id}&id[]=999`, token: bob.token });
    expect(rel.statusCode).toBe(200);
    expect(rel.json().map((r: { id: string; followed_by: boolean; following: boolean }) => [r.id, r.followed_by, r.following])).toEqual([
      [alice.id, true, false],
      [carol.id, false, false],
    ]);
    const followers = await t.request({ method: 'GET', url: `/api/v1/accounts/${bob.id}/followers` });
    expect(followers.statusCode).toBe(200);
    expect(followers.json().map((a: { id: string }) => a.id)).toEqual([alice.id]);
    expect(followers.headers.link).toMatch(/since_id=\d+>; rel="prev"$/);
    const following = await t.request({ method: 'GET', url: `/api/v1/accounts/${alice.id}/following`, token: carol.token });
    expect(following.json().map((a: { acct: string }) => a.acct)).toEqual(['bob']);
  });

  it('paginates followers by follow id with Link headers', async () => {
    const extra: TestUser[] = [];
    for (const name of ['f1', 'f2', 'f3']) {
      const u = await t.createUser(name);
      extra.push(u);
      await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/follow`, token: u.token });
    }
    const first = await t.request({ method: 'GET', url: `/api/v1/accounts/${carol.id}/followers?limit=2` });
    expect(first.json().map((a: { username: string }) => a.username)).toEqual(['f3', 'f2']);
    const follows = await t.ctx.database.db.selectFrom('follows').select(['id', 'account_id']).where('target_account_id', '=', carol.accountId).orderBy('id', 'desc').execute();
    const link = first.headers.link as string;
    expect(link).toBe(
      `<https://parley.test/api/v1/accounts/${carol.id}/followers?limit=2&max_id=${follows[1]!.id}>; rel="next", ` +
        `<https://parley.test/api/v1/accounts/${carol.id}/followers?limit=2&since_id=${follows[0]!.id}>; rel="prev"`,
    );
    const next = await t.request({ method: 'GET', url: `/api/v1/accounts/${carol.id}/followers?limit=2&max_id=${follows[1]!.id}` });
    expect(next.json().map((a: { username: string }) => a.username)).toEqual(['f1']);
    // A short page is the last one: Mastodon then leaves out the "next" link.
    expect(next.headers.link).toBe(`<https://parley.test/api/v1/accounts/${carol.id}/followers?limit=2&since_id=${follows[2]!.id}>; rel="prev"`);
    const newer = await t.request({ method: 'GET', url: `/api/v1/accounts/${carol.id}/followers?min_id=${follows[2]!.id}&limit=1` });
    expect(newer.json().map((a: { username: string }) => a.username)).toEqual(['f2']);
    const since = await t.request({ method: 'GET', url: `/api/v1/accounts/${carol.id}/followers?since_id=${follows[2]!.id}&limit=1` });
    expect(since.json().map((a: { username: string }) => a.username)).toEqual(['f3']);
    expect((await account(carol)).followers_count).toBe(3);
  });

  it('refuses to follow yourself (404) and unknown accounts (404)', async () => {
    expect((await t.request({ method: 'POST', url: `/api/v1/accounts/${alice.id}/follow`, token: alice.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/v1/accounts/12345/follow`, token: alice.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/v1/accounts/abc/follow`, token: alice.token })).statusCode).toBe(404);
    expect((await account(alice)).following_count).toBe(1);
  });

  it('requires a token with the follow scopes', async () => {
    expect((await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/follow` })).statusCode).toBe(401);
    const reader = await t.createUser('reader', { scopes: ['read'] });
    const res = await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/follow`, token: reader.token });
    expect(res.statusCode).toBe(403);
    const follower = await t.createUser('scoped', { scopes: ['write:follows', 'read:follows'] });
    expect((await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/follow`, token: follower.token })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/v1/accounts/relationships?id=${carol.id}`, token: follower.token })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/v1/accounts/relationships?id=${carol.id}`, token: reader.token })).statusCode).toBe(200);
    const noRead = await t.createUser('noread', { scopes: ['write'] });
    expect((await t.request({ method: 'GET', url: `/api/v1/accounts/relationships?id=${carol.id}`, token: noRead.token })).statusCode).toBe(403);
  });

  it('asks to follow a locked account and notifies with follow_request', async () => {
    const res = await t.request({ method: 'POST', url: `/api/v1/accounts/${locked.id}/follow`, token: alice.token, payload: { notify: true } });
    expect(res.json()).toMatchObject({ following: false, requested: true, notifying: true });
    expect((await account(locked)).followers_count).toBe(0);
    expect((await notifications(locked)).map((n) => n.type)).toEqual(['follow_request']);
    const list = await t.request({ method: 'GET', url: '/api/v1/follow_requests', token: locked.token });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((a: { id: string }) => a.id)).toEqual([alice.id]);
    const rel = await t.request({ method: 'GET', url: `/api/v1/accounts/relationships?id[]=${alice.id}`, token: locked.token });
    expect(rel.json()[0]).toMatchObject({ requested_by: true, followed_by: false });
  });

  it('authorizes a request: the follow exists with its options, counted, notification gone', async () => {
    const res = await t.request({ method: 'POST', url: `/api/v1/follow_requests/${alice.id}/authorize`, token: locked.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: alice.id, followed_by: true, requested_by: false });
    const rel = await t.request({ method: 'GET', url: `/api/v1/accounts/relationships?id=${locked.id}`, token: alice.token });
    expect(rel.json()[0]).toMatchObject({ following: true, requested: false, notifying: true });
    expect((await account(locked)).followers_count).toBe(1);
    expect(await notifications(locked)).toEqual([]);
    expect((await t.request({ method: 'POST', url: `/api/v1/follow_requests/${alice.id}/authorize`, token: locked.token })).statusCode).toBe(404);
  });

  it('rejects a request and withdraws one on unfollow', async () => {
    await t.request({ method: 'POST', url: `/api/v1/accounts/${locked.id}/follow`, token: bob.token });
    const rejected = await t.request({ method: 'POST', url: `/api/v1/follow_requests/${bob.id}/reject`, token: locked.token });
    expect(rejected.json()).toMatchObject({ requested_by: false, followed_by: false });
    expect(await notifications(locked)).toEqual([]);
    expect((await t.request({ method: 'POST', url: `/api/v1/follow_requests/${bob.id}/reject`, token: locked.token })).statusCode).toBe(404);

    await t.request({ method: 'POST', url: `/api/v1/accounts/${locked.id}/follow`, token: bob.token });
    const withdrawn = await t.request({ method: 'POST', url: `/api/v1/accounts/${locked.id}/unfollow`, token: bob.token });
    expect(withdrawn.json()).toMatchObject({ following: false, requested: false });
    const list = await t.request({ method: 'GET', url: '/api/v1/follow_requests', token: locked.token });
    expect(list.json()).toEqual([]);
    expect(await notifications(locked)).toEqual([]);
  });

  it('unfollows: counts drop, the follow notification goes, unfollowing again is harmless', async () => {
    const res = await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/unfollow`, token: alice.token });
    expect(res.json()).toMatchObject({ following: false });
    expect((await account(bob)).followers_count).toBe(0);
    expect((await account(alice)).following_count).toBe(1);
    expect(await notifications(bob)).toEqual([]);
    const again = await t.request({ method: 'POST', url: `/api/v1/accounts/${bob.id}/unfollow`, token: alice.token });
    expect(again.statusCode).toBe(200);
    expect((await account(bob)).followers_count).toBe(0);
  });

  it('hides followers of an account that blocks the viewer, and of suspended accounts', async () => {
    await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/block`, token: bob.token });
    const blocked = await t.request({ method: 'GET', url: `/api/v1/accounts/${carol.id}/followers`, token: carol.token });
    expect(blocked.json().length).toBe(4);
    const asBlocked = await t.request({ method: 'GET', url: `/api/v1/accounts/${bob.id}/following`, token: carol.token });
    expect(asBlocked.json()).toEqual([]);
    await t.ctx.database.db.updateTable('accounts').set({ suspended_at: new Date().toISOString() }).where('id', '=', carol.accountId).execute();
    const suspended = await t.request({ method: 'GET', url: `/api/v1/accounts/${carol.id}/followers` });
    expect(suspended.json()).toEqual([]);
    expect((await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/follow`, token: alice.token })).statusCode).toBe(404);
    const rel = await t.request({ method: 'GET', url: `/api/v1/accounts/relationships?id=${carol.id}`, token: alice.token });
    expect(rel.json()).toEqual([]);
    const withSuspended = await t.request({ method: 'GET', url: `/api/v1/accounts/relationships?id=${carol.id}&with_suspended=true`, token: alice.token });
    expect(withSuspended.json()).toHaveLength(1);
    await t.ctx.database.db.updateTable('accounts').set({ suspended_at: null }).where('id', '=', carol.accountId).execute();
  });
});

describe('removing a follower', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('makes the follower stop following, keeps counts exact and takes the posts out of their home', async () => {
    const owner = await t.createUser('owner');
    const fan = await t.createUser('fan');
    await t.request({ method: 'POST', url: `/api/v1/accounts/${owner.id}/follow`, token: fan.token });
    const posted = await t.request({ method: 'POST', url: '/api/v1/statuses', token: owner.token, payload: { status: 'for my followers' } });
    const statusId = posted.json().id as string;
    const before = await t.request({ method: 'GET', url: '/api/v1/timelines/home', token: fan.token });
    expect(before.json().map((s: { id: string }) => s.id)).toContain(statusId);

    const res = await t.request({ method: 'POST', url: `/api/v1/accounts/${fan.id}/remove_from_followers`, token: owner.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: fan.id, followed_by: false, following: false });
    const counts = await t.ctx.database.db.selectFrom('accounts').select(['id', 'followers_count', 'following_count']).where('id', 'in', [owner.accountId, fan.accountId]).execute();
    expect(counts.find((c) => c.id === owner.accountId)!.followers_count).toBe(0);
    expect(counts.find((c) => c.id === fan.accountId)!.following_count).toBe(0);
    const after = await t.request({ method: 'GET', url: '/api/v1/timelines/home', token: fan.token });
    expect(after.json().map((s: { id: string }) => s.id)).not.toContain(statusId);
    expect((await t.request({ method: 'POST', url: '/api/v1/accounts/777/remove_from_followers', token: owner.token })).statusCode).toBe(404);
  });
});
