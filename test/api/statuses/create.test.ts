import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { accountRow, notificationsOf, post, recordJobs, statusRow } from './helpers.js';

describe('POST /api/v1/statuses', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let jobs: ReturnType<typeof recordJobs>;
  beforeAll(async () => {
    t = await createTestApp();
    jobs = recordJobs(t);
    alice = await t.createUser('alice');
    bob = await t.createUser('bob');
  });
  afterAll(() => t.close());

  it('creates a status with rendered content, mentions and tags', async () => {
    const status = await post(t, alice, { status: 'Hello @bob and @nobody! #Cats <b>x</b>\nhttps://example.com/a' });
    expect(status.id).toMatch(/^\d+$/);
    expect(status.account.username).toBe('alice');
    expect(status.visibility).toBe('public');
    expect(status.content).toBe(
      '<p>Hello <span class="h-card" translate="no"><a href="https://parley.test/@bob" class="u-url mention">@<span>bob</span></a></span>' +
        ' and @nobody! <a href="https://parley.test/tags/Cats" class="mention hashtag" rel="tag">#<span>Cats</span></a> &lt;b&gt;x&lt;/b&gt;<br />' +
        '<a href="https://example.com/a" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span><span>example.com/a</span><span class="invisible"></span></a></p>',
    );
    expect(status.mentions).toEqual([{ id: bob.id, username: 'bob', acct: 'bob', url: 'https://parley.test/@bob' }]);
    expect(status.tags).toEqual([{ name: 'Cats', url: 'https://parley.test/tags/Cats' }]);
    expect(status.uri).toBe(`https://parley.test/users/alice/statuses/${status.id}`);
    expect(status.url).toBe(`https://parley.test/@alice/${status.id}`);
    expect(status).toMatchObject({
      favourited: false, reblogged: false, bookmarked: false, pinned: false, muted: false, reblog: null,
      media_attachments: [], emojis: [], card: null, poll: null, edited_at: null, replies_count: 0,
      application: { name: 'test suite', website: null },
    });
    const notes = await notificationsOf(t, bob);
    expect(notes.map((n) => [n.type, String(n.status_id)])).toContainEqual(['mention', status.id]);
    const account = await accountRow(t, alice);
    expect(account.statuses_count).toBe(1);
    expect(account.last_status_at).not.toBeNull();
    expect(jobs).toContainEqual({ name: 'fan-out-status', payload: { statusId: Number(status.id) } });
  });

  it('resolves @user@our-domain as a local mention and sets sensitive with a spoiler', async () => {
    const status = await post(t, alice, { status: 'hi @bob@parley.test', spoiler_text: 'cw' });
    expect(status.mentions.map((m: any) => m.id)).toEqual([bob.id]);
    expect(status.sensitive).toBe(true);
    expect(status.spoiler_text).toBe('cw');
  });

  it('accepts form bodies and language', async () => {
    const res = await t.request({
      method: 'POST', url: '/api/v1/statuses', token: alice.token,
      payload: 'status=hola&language=es&visibility=unlisted', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ language: 'es', visibility: 'unlisted', content: '<p>hola</p>' });
  });

  it('rejects blank text, overlong text and unknown visibility with 422 and stores nothing', async () => {
    const before = (await accountRow(t, alice)).statuses_count;
    const blank = await t.request({ method: 'POST', url: '/api/v1/statuses', token: alice.token, payload: { status: '   ' } });
    expect(blank.statusCode).toBe(422);
    expect(blank.json()).toEqual({ error: "Validation failed: Text can't be blank" });
    const long = await t.request({ method: 'POST', url: '/api/v1/statuses', token: alice.token, payload: { status: 'a'.repeat(1001) } });
    expect(long.statusCode).toBe(422);
    expect(long.json().error).toBe('Validation failed: Text character limit of 1000 exceeded');
    const vis = await t.request({ method: 'POST', url: '/api/v1/statuses', token: alice.token, payload: { status: 'x', visibility: 'friends' } });
    expect(vis.statusCode).toBe(422);
    expect((await accountRow(t, alice)).statuses_count).toBe(before);
  });

  it('counts a URL as 23 characters', async () => {
    const text = `${'a'.repeat(970)} https://example.com/${'x'.repeat(200)}`;
    const res = await t.request({ method: 'POST', url: '/api/v1/statuses', token: alice.token, payload: { status: text } });
    expect(res.statusCode).toBe(200);
  });

  it('requires a token with write:statuses', async () => {
    const anonymous = await t.request({ method: 'POST', url: '/api/v1/statuses', payload: { status: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    const reader = await t.createUser('reader', { scopes: ['read'] });
    const res = await t.request({ method: 'POST', url: '/api/v1/statuses', token: reader.token, payload: { status: 'x' } });
    expect(res.statusCode).toBe(403);
  });

  it('returns the first status for a repeated Idempotency-Key', async () => {
    const first = await post(t, alice, { status: 'once' }, { 'idempotency-key': 'k-1' });
    const second = await post(t, alice, { status: 'once again' }, { 'idempotency-key': 'k-1' });
    expect(second.id).toBe(first.id);
    expect(second.content).toBe('<p>once</p>');
    const other = await post(t, bob, { status: 'mine' }, { 'idempotency-key': 'k-1' });
    expect(other.id).not.toBe(first.id);
  });

  it('replies: counts replies, rejects unknown parents and widening a private thread', async () => {
    const parent = await post(t, bob, { status: 'parent' });
    const reply = await post(t, alice, { status: '@bob reply', in_reply_to_id: parent.id });
    expect(reply.in_reply_to_id).toBe(parent.id);
    expect(reply.in_reply_to_account_id).toBe(bob.id);
    expect((await statusRow(t, parent.id)).replies_count).toBe(1);

    const missing = await t.request({ method: 'POST', url: '/api/v1/statuses', token: alice.token, payload: { status: 'x', in_reply_to_id: '999999' } });
    expect(missing.statusCode).toBe(404);

    const secret = await post(t, alice, { status: 'secret', visibility: 'private' });
    const widened = await t.request({
      method: 'POST', url: '/api/v1/statuses', token: alice.token, payload: { status: 'more', in_reply_to_id: secret.id, visibility: 'public' },
    });
    expect(widened.statusCode).toBe(422);
    const narrow = await post(t, alice, { status: 'more', in_reply_to_id: secret.id, visibility: 'private' });
    expect(narrow.visibility).toBe('private');
    // Bob does not follow Alice: her private post does not exist for him.
    const hidden = await t.request({ method: 'POST', url: '/api/v1/statuses', token: bob.token, payload: { status: 'x', in_reply_to_id: secret.id, visibility: 'private' } });
    expect(hidden.statusCode).toBe(404);
  });

  it('stores one tag per case-insensitive name and links each post to it', async () => {
    await post(t, alice, { status: '#Rust is nice' });
    await post(t, bob, { status: 'I like #rust and #RUST' });
    const tags = await t.ctx.database.db.selectFrom('tags').select(['name', 'name_key']).where('name_key', '=', 'rust').execute();
    expect(tags).toEqual([{ name: 'Rust', name_key: 'rust' }]);
    const links = await t.ctx.database.db
      .selectFrom('status_tags').innerJoin('tags', 'tags.id', 'status_tags.tag_id').select('status_tags.status_id').where('tags.name_key', '=', 'rust').execute();
    expect(links).toHaveLength(2);
  });

  it('rejects an invalid language code with 422', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/statuses', token: alice.token, payload: { status: 'x', language: 'not a language' } });
    expect(res.statusCode).toBe(422);
  });

  it('refuses media, polls and scheduling it cannot store', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/statuses', token: alice.token, payload: { status: 'x', media_ids: ['1'] } });
    expect(res.statusCode).toBe(422);
  });
});

describe('Idempotency-Key under concurrency', () => {
  it('creates one status for simultaneous requests with the same key', async () => {
    const t = await createTestApp();
    try {
      const user = await t.createUser('racer');
      const send = () =>
        t.request({ method: 'POST', url: '/api/v1/statuses', token: user.token, payload: { status: 'once' }, headers: { 'idempotency-key': 'race' } });
      const results = await Promise.all([send(), send(), send()]);
      expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
      const rows = await t.ctx.database.db.selectFrom('statuses').select('id').where('account_id', '=', user.accountId).execute();
      expect(rows).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
