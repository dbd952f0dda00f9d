import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { accountRow, block, follow, holdEverything, mute, notificationsOf, post, recordJobs } from './helpers.js';
import { presentStatuses } from '../../../src/posts/present-statuses.js';

describe('status visibility', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let dave: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    alice = await t.createUser('alice');
    bob = await t.createUser('bob');
    carol = await t.createUser('carol');
    dave = await t.createUser('dave');
    await follow(t, bob, alice);
  });
  afterAll(() => t.close());

  const show = (id: string, user?: TestUser) => t.request({ method: 'GET', url: `/api/v1/statuses/${id}`, ...(user ? { token: user.token } : {}) });

  it('shows public statuses to anyone, without a token too', async () => {
    const status = await post(t, alice, { status: 'hello world' });
    const res = await show(status.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(status.id);
    expect(res.json()).not.toHaveProperty('favourited');
    expect((await show(status.id, carol)).json().favourited).toBe(false);
  });

  it('needs read:statuses when a token is sent', async () => {
    const status = await post(t, alice, { status: 'scoped read' });
    const writer = await t.createUser('writer', { scopes: ['write'] });
    expect((await show(status.id, writer)).statusCode).toBe(403);
  });

  it('hides who boosted or favourited a status the viewer cannot see', async () => {
    const dm = await post(t, alice, { status: 'dm @carol', visibility: 'direct' });
    for (const list of ['reblogged_by', 'favourited_by', 'history']) {
      const res = await t.request({ method: 'GET', url: `/api/v1/statuses/${dm.id}/${list}`, token: dave.token });
      expect(res.statusCode).toBe(404);
    }
  });

  it('answers 404 for unknown and malformed ids', async () => {
    expect((await show('123456789')).statusCode).toBe(404);
    expect((await show('abc')).statusCode).toBe(404);
  });

  it('private statuses: followers and mentioned accounts only', async () => {
    const status = await post(t, alice, { status: 'for friends and @carol', visibility: 'private' });
    expect((await show(status.id, alice)).statusCode).toBe(200);
    expect((await show(status.id, bob)).statusCode).toBe(200);
    expect((await show(status.id, carol)).statusCode).toBe(200);
    expect((await show(status.id, dave)).statusCode).toBe(404);
    expect((await show(status.id)).statusCode).toBe(404);
  });

  it('direct statuses: mentioned accounts and the author only', async () => {
    const status = await post(t, alice, { status: 'psst @carol', visibility: 'direct' });
    expect((await show(status.id, alice)).statusCode).toBe(200);
    expect((await show(status.id, carol)).statusCode).toBe(200);
    expect((await show(status.id, bob)).statusCode).toBe(404);
    expect((await show(status.id)).statusCode).toBe(404);
  });

  it('blocks hide statuses in both directions', async () => {
    const erin = await t.createUser('erin');
    const frank = await t.createUser('frank');
    const byErin = await post(t, erin, { status: 'erin speaks' });
    const byFrank = await post(t, frank, { status: 'frank speaks' });
    await block(t, erin, frank);
    expect((await show(byErin.id, frank)).statusCode).toBe(404);
    expect((await show(byFrank.id, erin)).statusCode).toBe(404);
    expect((await show(byErin.id, dave)).statusCode).toBe(200);
    // Interactions are refused the same way, and change nothing.
    const fav = await t.request({ method: 'POST', url: `/api/v1/statuses/${byErin.id}/favourite`, token: frank.token });
    expect(fav.statusCode).toBe(404);
  });

  it('hides a boost when the boosted author blocks the viewer', async () => {
    const gina = await t.createUser('gina');
    const hank = await t.createUser('hank');
    const original = await post(t, gina, { status: 'gina original' });
    const boost = await t.request({ method: 'POST', url: `/api/v1/statuses/${original.id}/reblog`, token: dave.token });
    expect(boost.statusCode).toBe(200);
    expect((await show(boost.json().id, hank)).statusCode).toBe(200);
    await block(t, gina, hank);
    expect((await show(boost.json().id, hank)).statusCode).toBe(404);
  });

  it('hides statuses of suspended accounts', async () => {
    const ivan = await t.createUser('ivan');
    const status = await post(t, ivan, { status: 'soon gone' });
    await t.ctx.database.db.updateTable('accounts').set({ suspended_at: new Date().toISOString() }).where('id', '=', ivan.accountId).execute();
    expect((await show(status.id, dave)).statusCode).toBe(404);
  });

  it('GET /api/v1/statuses?id[]= returns the visible ones in the order asked', async () => {
    const a = await post(t, alice, { status: 'multi a' });
    const dm = await post(t, alice, { status: 'multi dm @carol', visibility: 'direct' });
    const b = await post(t, carol, { status: 'multi b' });
    const res = await t.request({ method: 'GET', url: `/api/v1/statuses?id[]=${b.id}&id[]=${dm.id}&id[]=${a.id}`, token: dave.token });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((s: any) => s.id)).toEqual([b.id, a.id]);
    const asCarol = await t.request({ method: 'GET', url: `/api/v1/statuses?id[]=${dm.id}`, token: carol.token });
    expect(asCarol.json().map((s: any) => s.id)).toEqual([dm.id]);
  });

  it('presentStatuses keeps input order, drops invisible ids and applies mutes on request', async () => {
    const a = await post(t, alice, { status: 'one' });
    const b = await post(t, carol, { status: 'two' });
    const hidden = await post(t, alice, { status: 'dm @carol', visibility: 'direct' });
    await mute(t, dave, carol);
    const viewer = await accountRow(t, dave);
    const ids = [b.id, hidden.id, a.id].map(Number);
    const plain = await presentStatuses(t.ctx, ids, viewer);
    expect(plain.map((s) => s.id)).toEqual([b.id, a.id]);
    const muted = await presentStatuses(t.ctx, ids, viewer, { applyMutes: true });
    expect(muted.map((s) => s.id)).toEqual([a.id]);
  });
});

describe('held statuses', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    alice = await t.createUser('alice');
    bob = await t.createUser('bob');
  });
  afterAll(() => t.close());

  it('are stored held, visible to the author only, with no fan-out, notifications or counters', async () => {
    const jobs = recordJobs(t);
    t.ctx.screener = holdEverything;
    const status = await post(t, alice, { status: 'a threat against @bob' });
    expect(status.parley).toEqual({ state: 'held', category: 'threat', reasons: ['threat against a named person'] });
    const row = await t.ctx.database.db.selectFrom('statuses').selectAll().where('id', '=', Number(status.id)).executeTakeFirstOrThrow();
    expect(row.moderation_state).toBe('held');
    expect(JSON.parse(row.screening!)).toMatchObject({ decision: 'hold', category: 'threat' });
    expect(jobs.filter((j) => j.name === 'fan-out-status')).toEqual([]);
    expect(await notificationsOf(t, bob)).toEqual([]);
    expect((await accountRow(t, alice)).statuses_count).toBe(0);

    const own = await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}`, token: alice.token });
    expect(own.statusCode).toBe(200);
    expect(own.json().parley.state).toBe('held');
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}`, token: bob.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${status.id}` })).statusCode).toBe(404);
    const boost = await t.request({ method: 'POST', url: `/api/v1/statuses/${status.id}/reblog`, token: bob.token });
    expect(boost.statusCode).toBe(404);
  });

  it('published statuses carry no moderation extension, and a content warning from the verdict becomes the spoiler', async () => {
    t.ctx.screener = {
      screen: () => ({ decision: 'review', category: 'violence', score: 0.5, lang: 'en', reasons: [], contentWarning: 'Violence' }),
    };
    const status = await post(t, alice, { status: 'a war film review' });
    expect(status).not.toHaveProperty('parley');
    expect(status.spoiler_text).toBe('Violence');
    expect(status.sensitive).toBe(true);
    expect(status.language).toBe('en');
  });
});
