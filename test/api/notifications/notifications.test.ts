import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { follow, post } from '../timelines/helpers.js';

interface Note {
  id: string;
  type: string;
  group_key: string;
  account: { id: string };
  status?: { id: string } | null;
}

describe('notifications API', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let mention: string;
  let aliceOwn: string;

  const list = async (user: TestUser, query = '') => {
    const res = await t.request({ method: 'GET', url: `/api/v1/notifications${query}`, token: user.token });
    expect(res.statusCode, res.body).toBe(200);
    return { notes: res.json() as Note[], link: res.headers.link as string | undefined };
  };

  beforeAll(async () => {
    t = await createTestApp();
    alice = await t.createUser('alice');
    bob = await t.createUser('bob');
    carol = await t.createUser('carol');
    await follow(t, bob, alice);
    mention = await post(t, bob, '@alice hello there');
    aliceOwn = await post(t, alice, 'a post to favourite and boost');
    await t.request({ method: 'POST', url: `/api/v1/statuses/${aliceOwn}/favourite`, token: carol.token });
    await t.request({ method: 'POST', url: `/api/v1/statuses/${aliceOwn}/reblog`, token: bob.token });
  });
  afterAll(() => t.close());

  it('lists follow, mention, favourite and reblog notifications, newest first', async () => {
    const { notes } = await list(alice);
    expect(notes.map((n) => [n.type, n.account.id])).toEqual([
      ['reblog', bob.id],
      ['favourite', carol.id],
      ['mention', bob.id],
      ['follow', bob.id],
    ]);
    expect(notes[0]!.status!.id).toBe(aliceOwn);
    expect(notes[1]!.status!.id).toBe(aliceOwn);
    expect(notes[2]!.status!.id).toBe(mention);
    expect(notes[3]).not.toHaveProperty('status');
    expect(notes[3]!.group_key).toBe(`ungrouped-${notes[3]!.id}`);
  });

  it('filters by types[], exclude_types[] and account_id', async () => {
    expect((await list(alice, '?types[]=mention&types[]=follow')).notes.map((n) => n.type)).toEqual(['mention', 'follow']);
    expect((await list(alice, '?exclude_types[]=mention&exclude_types[]=reblog')).notes.map((n) => n.type)).toEqual(['favourite', 'follow']);
    expect((await list(alice, `?account_id=${carol.id}`)).notes.map((n) => n.type)).toEqual(['favourite']);
    expect((await list(alice, '?types[]=nonsense')).notes).toEqual([]);
  });

  it('paginates with max_id, since_id and min_id and sets Link headers', async () => {
    const all = (await list(alice)).notes.map((n) => n.id);
    const first = await list(alice, '?limit=2');
    expect(first.notes.map((n) => n.id)).toEqual(all.slice(0, 2));
    expect(first.link).toBe(
      `<https://parley.test/api/v1/notifications?limit=2&max_id=${all[1]}>; rel="next", ` +
        `<https://parley.test/api/v1/notifications?limit=2&min_id=${all[0]}>; rel="prev"`,
    );
    expect((await list(alice, `?limit=2&max_id=${all[1]}`)).notes.map((n) => n.id)).toEqual(all.slice(2, 4));
    expect((await list(alice, `?limit=1&min_id=${all[3]}`)).notes.map((n) => n.id)).toEqual([all[2]]);
    expect((await list(alice, `?limit=1&since_id=${all[3]}`)).notes.map((n) => n.id)).toEqual([all[0]]);
    expect((await list(alice, `?min_id=${all[0]}`)).link).toBeUndefined();
  });

  it('counts unread notifications after the notifications marker', async () => {
    const all = (await list(alice)).notes.map((n) => n.id);
    const count = async (query = '') => {
      const res = await t.request({ method: 'GET', url: `/api/v1/notifications/unread_count${query}`, token: alice.token });
      expect(res.statusCode).toBe(200);
      return res.json().count as number;
    };
    expect(await count()).toBe(4);
    expect(await count('?limit=2')).toBe(2);
    expect(await count('?types[]=mention')).toBe(1);
    const marker = await t.request({ method: 'POST', url: '/api/v1/markers', token: alice.token, payload: { notifications: { last_read_id: all[2] } } });
    expect(marker.statusCode).toBe(200);
    expect(await count()).toBe(2);
  });

  it('serves the grouped (v2) API with one notification per group', async () => {
    const v1 = (await list(alice)).notes;
    const res = await t.request({ method: 'GET', url: '/api/v2/notifications?limit=3', token: alice.token });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      accounts: Array<{ id: string }>;
      statuses: Array<{ id: string }>;
      notification_groups: Array<Record<string, unknown>>;
    };
    expect(body.notification_groups.map((g) => [g.group_key, g.type, g.most_recent_notification_id, g.notifications_count])).toEqual(
      v1.slice(0, 3).map((n) => [`ungrouped-${n.id}`, n.type, n.id, 1]),
    );
    expect(body.notification_groups[0]).toMatchObject({ sample_account_ids: [bob.id], status_id: aliceOwn, page_min_id: v1[0]!.id, page_max_id: v1[0]!.id });
    expect(body.accounts.map((a) => a.id).sort()).toEqual([bob.id, carol.id].sort());
    expect(body.statuses.map((s) => s.id).sort()).toEqual([aliceOwn, mention].sort());
    expect(res.headers.link).toContain(`max_id=${v1[2]!.id}>; rel="next"`);

    const one = await t.request({ method: 'GET', url: `/api/v2/notifications/ungrouped-${v1[3]!.id}`, token: alice.token });
    expect(one.json().notification_groups).toEqual([expect.objectContaining({ type: 'follow', group_key: `ungrouped-${v1[3]!.id}` })]);
    expect(one.json().notification_groups[0]).not.toHaveProperty('status_id');
    const accounts = await t.request({ method: 'GET', url: `/api/v2/notifications/ungrouped-${v1[3]!.id}/accounts`, token: alice.token });
    expect(accounts.json().map((a: { id: string }) => a.id)).toEqual([bob.id]);
    expect((await t.request({ method: 'GET', url: '/api/v2/notifications/favourite-1-2', token: alice.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v2/notifications/ungrouped-${v1[3]!.id}`, token: carol.token })).statusCode).toBe(404);
    const count = await t.request({ method: 'GET', url: '/api/v2/notifications/unread_count', token: alice.token });
    expect(count.json()).toEqual({ count: expect.any(Number) });
  });

  it('fetches one notification, 404 for someone else’s', async () => {
    const [latest] = (await list(alice)).notes;
    const res = await t.request({ method: 'GET', url: `/api/v1/notifications/${latest!.id}`, token: alice.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: latest!.id, type: 'reblog' });
    expect((await t.request({ method: 'GET', url: `/api/v1/notifications/${latest!.id}`, token: bob.token })).statusCode).toBe(404);
  });

  it('requires the notification scopes', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
    const writer = await t.createUser('writer', { scopes: ['write:statuses'] });
    expect((await t.request({ method: 'GET', url: '/api/v1/notifications', token: writer.token })).statusCode).toBe(403);
    const reader = await t.createUser('reader', { scopes: ['read:notifications'] });
    expect((await t.request({ method: 'POST', url: '/api/v1/notifications/clear', token: reader.token })).statusCode).toBe(403);
  });

  it('hides notifications from accounts muted with notifications, and from blocked accounts', async () => {
    await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/mute`, token: alice.token, payload: { notifications: false } });
    expect((await list(alice)).notes.map((n) => n.type)).toContain('favourite');
    await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/mute`, token: alice.token });
    expect((await list(alice)).notes.map((n) => n.type)).not.toContain('favourite');
    await t.request({ method: 'POST', url: `/api/v1/accounts/${carol.id}/unmute`, token: alice.token });
    expect((await list(alice)).notes.map((n) => n.type)).toContain('favourite');
    // A block made after the fact hides them at read time too (the row is gone either way).
    await t.ctx.database.db
      .insertInto('blocks')
      .values({ id: Date.now(), account_id: carol.accountId, target_account_id: alice.accountId, created_at: new Date().toISOString() })
      .execute();
    expect((await list(alice)).notes.map((n) => n.type)).not.toContain('favourite');
    await t.ctx.database.db.deleteFrom('blocks').where('account_id', '=', carol.accountId).execute();
  });

  it('drops notifications whose status the viewer can no longer see', async () => {
    const res = await t.request({ method: 'DELETE', url: `/api/v1/statuses/${mention}`, token: bob.token });
    expect(res.statusCode).toBe(200);
    expect((await list(alice)).notes.map((n) => n.type)).not.toContain('mention');
  });

  it('dismisses one notification and clears all', async () => {
    await follow(t, carol, bob);
    const before = (await list(alice)).notes;
    const dismissed = await t.request({ method: 'POST', url: `/api/v1/notifications/${before[0]!.id}/dismiss`, token: alice.token });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json()).toEqual({});
    expect((await list(alice)).notes.map((n) => n.id)).toEqual(before.slice(1).map((n) => n.id));
    expect((await t.request({ method: 'POST', url: `/api/v1/notifications/${before[0]!.id}/dismiss`, token: alice.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/v1/notifications/${before[1]!.id}/dismiss`, token: bob.token })).statusCode).toBe(404);
    const v2 = await t.request({ method: 'POST', url: `/api/v2/notifications/ungrouped-${before[1]!.id}/dismiss`, token: alice.token });
    expect(v2.json()).toEqual({});
    expect((await list(alice)).notes.map((n) => n.id)).toEqual(before.slice(2).map((n) => n.id));
    const cleared = await t.request({ method: 'POST', url: '/api/v1/notifications/clear', token: alice.token });
    expect(cleared.json()).toEqual({});
    expect((await list(alice)).notes).toEqual([]);
    // Only the viewer's own notifications go.
    expect((await list(bob)).notes.map((n) => [n.type, n.account.id])).toEqual([['follow', carol.id]]);
  });
});

describe('status notifications for subscribers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ fanOutFollowerLimit: 1 });
  });
  afterAll(() => t.close());

  it('notifies followers who asked to be notified of new posts, once, and not for reblogs or replies to others', async () => {
    const author = await t.createUser('author');
    const subscriber = await t.createUser('subscriber');
    const plain = await t.createUser('plain');
    await follow(t, subscriber, author, { notify: true });
    await follow(t, plain, author);
    const id = await post(t, author, 'news!');
    const other = await post(t, plain, 'unrelated');
    await post(t, author, '@plain a reply', { in_reply_to_id: other });
    await t.request({ method: 'POST', url: `/api/v1/statuses/${other}/reblog`, token: author.token });
    await t.ctx.database.transaction((tx) => t.ctx.jobs.enqueue(tx, 'fan-out-status', { statusId: id }));
    await t.ctx.jobs.drain();
    const res = await t.request({ method: 'GET', url: '/api/v1/notifications?types[]=status', token: subscriber.token });
    expect((res.json() as Note[]).map((n) => [n.type, n.account.id, n.status?.id])).toEqual([['status', author.id, id]]);
    const plainNotes = await t.request({ method: 'GET', url: '/api/v1/notifications?types[]=status', token: plain.token });
    expect(plainNotes.json()).toEqual([]);
  });
});
