import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { accountRow, holdEverything, notificationsOf, post, statusRow } from './helpers.js';

describe('editing and deleting statuses', () => {
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

  const put = (user: TestUser, id: string, payload: Record<string, unknown>) =>
    t.request({ method: 'PUT', url: `/api/v1/statuses/${id}`, token: user.token, payload });

  it('edits a status, keeps the history with the original first and notifies boosters', async () => {
    const status = await post(t, alice, { status: 'first #one' });
    const before = await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}/history` });
    expect(before.json()).toHaveLength(1);
    expect(before.json()[0].content).toBe(status.content);

    await t.request({ method: 'POST', url: `/api/v1/statuses/${status.id}/reblog`, token: bob.token });
    const res = await put(alice, status.id, { status: 'second #two @carol', spoiler_text: 'cw' });
    expect(res.statusCode).toBe(200);
    const edited = res.json();
    expect(edited.content).toContain('second');
    expect(edited.edited_at).not.toBeNull();
    expect(edited.spoiler_text).toBe('cw');
    expect(edited.sensitive).toBe(true);
    expect(edited.tags.map((x: any) => x.name)).toEqual(['two']);
    expect(edited.mentions.map((m: any) => m.id)).toEqual([carol.id]);

    const history = (await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}/history` })).json();
    expect(history.map((h: any) => h.content)).toEqual([status.content, edited.content]);
    expect(history[0].created_at).toBe(status.created_at);
    expect(history[1]).toMatchObject({ spoiler_text: 'cw', sensitive: true, account: { id: alice.id }, media_attachments: [], emojis: [], poll: null });

    expect((await notificationsOf(t, bob)).map((n) => n.type)).toContain('update');
    expect((await notificationsOf(t, carol)).map((n) => n.type)).toContain('mention');

    // An edit states the whole post: without spoiler_text the content warning goes.
    const third = (await put(alice, status.id, { status: 'third' })).json();
    expect(third).toMatchObject({ spoiler_text: '', sensitive: false });
    const again = (await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}/history` })).json();
    expect(again).toHaveLength(3);
    // Nothing changed, no new version.
    await put(alice, status.id, { status: 'third' });
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}/history` })).json()).toHaveLength(3);
  });

  it('returns the source for editing', async () => {
    const status = await post(t, alice, { status: 'source <text>', spoiler_text: 'sp' });
    const res = await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}/source`, token: alice.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: status.id, text: 'source <text>', spoiler_text: 'sp' });
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}/source` })).statusCode).toBe(401);
  });

  it("refuses edits of someone else's status (404) and invalid edits (422) without changes", async () => {
    const status = await post(t, alice, { status: 'mine' });
    expect((await put(bob, status.id, { status: 'hijack' })).statusCode).toBe(404);
    expect((await put(alice, status.id, { status: '' })).statusCode).toBe(422);
    expect((await put(alice, status.id, { status: 'x'.repeat(2000) })).statusCode).toBe(422);
    const row = await statusRow(t, status.id);
    expect(row.text).toBe('mine');
    expect(row.edited_at).toBeNull();
  });

  it('refuses to edit a boost', async () => {
    const original = await post(t, bob, { status: 'boost this' });
    const boost = (await t.request({ method: 'POST', url: `/api/v1/statuses/${original.id}/reblog`, token: alice.token })).json();
    const res = await put(alice, boost.id, { status: 'rewritten' });
    expect(res.statusCode).toBe(422);
  });

  it('an edit the screener holds hides the status from others', async () => {
    const status = await post(t, alice, { status: 'harmless' });
    const counted = (await accountRow(t, alice)).statuses_count;
    const screener = t.ctx.screener;
    t.ctx.screener = holdEverything;
    try {
      const res = await put(alice, status.id, { status: 'now a threat' });
      expect(res.statusCode).toBe(200);
      expect(res.json().parley.state).toBe('held');
    } finally {
      t.ctx.screener = screener;
    }
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}`, token: bob.token })).statusCode).toBe(404);
    expect((await accountRow(t, alice)).statuses_count).toBe(counted - 1);
    // Deleting the held post leaves the count alone: it was already taken out.
    await t.request({ method: 'DELETE', url: `/api/v1/statuses/${status.id}`, token: alice.token });
    expect((await accountRow(t, alice)).statuses_count).toBe(counted - 1);
  });

  it('deletes a status with its boosts, returns the source and keeps counters exact', async () => {
    const parent = await post(t, bob, { status: 'parent' });
    const status = await post(t, alice, { status: 'delete me @carol', in_reply_to_id: parent.id });
    expect((await notificationsOf(t, carol)).some((n) => String(n.status_id) === status.id)).toBe(true);
    await t.request({ method: 'POST', url: `/api/v1/statuses/${status.id}/reblog`, token: carol.token });
    const aliceBefore = (await accountRow(t, alice)).statuses_count;
    const carolBefore = (await accountRow(t, carol)).statuses_count;
    expect((await statusRow(t, parent.id)).replies_count).toBe(1);

    expect((await t.request({ method: 'DELETE', url: `/api/v1/statuses/${status.id}`, token: bob.token })).statusCode).toBe(404);
    const res = await t.request({ method: 'DELETE', url: `/api/v1/statuses/${status.id}`, token: alice.token });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: status.id, text: 'delete me @carol' });
    expect(res.json()).not.toHaveProperty('content');

    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/statuses/${status.id}`, token: alice.token })).statusCode).toBe(404);
    expect((await accountRow(t, alice)).statuses_count).toBe(aliceBefore - 1);
    expect((await accountRow(t, carol)).statuses_count).toBe(carolBefore - 1);
    expect((await statusRow(t, parent.id)).replies_count).toBe(0);
    const boosts = await t.ctx.database.db
      .selectFrom('statuses').select('id').where('reblog_of_id', '=', Number(status.id)).where('deleted_at', 'is', null).execute();
    expect(boosts).toEqual([]);
    expect((await notificationsOf(t, carol)).some((n) => String(n.status_id) === status.id)).toBe(false);
  });
});
