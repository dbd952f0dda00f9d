import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { post } from './moderation-helpers.js';

describe('reports and the moderation queue', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let mod: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    alice = await t.createUser('alice');
    bob = await t.createUser('bob');
    carol = await t.createUser('carol');
    mod = await t.createUser('moderator_mia', { role: 'moderator' });
  });
  afterAll(() => t.close());

  it('files a user report in a violent category into the fast lane with a 15-minute deadline', async () => {
    const status = await post(t, bob, 'a post someone will report');
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/reports',
      token: alice.token,
      payload: { account_id: bob.id, status_ids: [status.id], category: 'threat', comment: 'he threatened me' },
    });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ category: 'threat', comment: 'he threatened me', action_taken: false, status_ids: [status.id] });
    expect(report.target_account.id).toBe(bob.id);

    const list = await t.request({ method: 'GET', url: '/api/v1/admin/reports?resolved=false', token: mod.token });
    expect(list.statusCode).toBe(200);
    const [item] = list.json();
    expect(item.id).toBe(report.id);
    expect(item.parley.lane).toBe('violent');
    expect(item.parley.source).toBe('user');
    expect(item.statuses.map((s: { id: string }) => s.id)).toEqual([status.id]);
    const minutes = (Date.parse(item.parley.deadline_at) - Date.parse(item.created_at)) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15.1);
  });

  it('merges independent reporters of the same post into one report and raises its priority', async () => {
    const status = await post(t, bob, 'another reported post');
    const first = await t.request({ method: 'POST', url: '/api/v1/reports', token: alice.token, payload: { account_id: bob.id, status_ids: [status.id], category: 'incitement' } });
    const before = (await t.request({ method: 'GET', url: `/api/v1/admin/reports/${first.json().id}`, token: mod.token })).json();
    const second = await t.request({ method: 'POST', url: '/api/v1/reports', token: carol.token, payload: { account_id: bob.id, status_ids: [status.id], category: 'incitement' } });
    expect(second.json().id).toBe(first.json().id);
    // The same reporter again does not count twice.
    await t.request({ method: 'POST', url: '/api/v1/reports', token: carol.token, payload: { account_id: bob.id, status_ids: [status.id], category: 'incitement' } });
    const after = (await t.request({ method: 'GET', url: `/api/v1/admin/reports/${first.json().id}`, token: mod.token })).json();
    expect(after.parley.reporter_count).toBe(2);
    expect(after.parley.priority).toBeGreaterThan(before.parley.priority);
    expect(after.parley.reports).toHaveLength(2);
  });

  it('orders the queue with the violent lane first', async () => {
    await t.request({ method: 'POST', url: '/api/v1/reports', token: alice.token, payload: { account_id: carol.id, category: 'spam', comment: 'spam' } });
    const res = await t.request({ method: 'GET', url: '/api/v1/admin/reports?order=queue', token: mod.token });
    const lanes = res.json().map((r: { parley: { lane: string } }) => r.parley.lane);
    expect(lanes[0]).toBe('violent');
    expect(lanes[lanes.length - 1]).toBe('general');
    const general = await t.request({ method: 'GET', url: '/api/v1/admin/reports?lane=general', token: mod.token });
    expect(general.json().every((r: { parley: { lane: string } }) => r.parley.lane === 'general')).toBe(true);
  });

  it('assigns, unassigns, resolves and reopens, each in the audit log', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/reports', token: carol.token, payload: { account_id: alice.id, category: 'other' } });
    const id = res.json().id;
    const assigned = await t.request({ method: 'POST', url: `/api/v1/admin/reports/${id}/assign_to_self`, token: mod.token });
    expect(assigned.json().assigned_account.id).toBe(mod.id);
    const mine = await t.request({ method: 'GET', url: '/api/v1/admin/reports?assigned=me', token: mod.token });
    expect(mine.json().map((r: { id: string }) => r.id)).toContain(id);
    await t.request({ method: 'POST', url: `/api/v1/admin/reports/${id}/unassign`, token: mod.token });
    const resolved = await t.request({ method: 'POST', url: `/api/v1/admin/reports/${id}/resolve`, token: mod.token });
    expect(resolved.json().action_taken).toBe(true);
    const reopened = await t.request({ method: 'POST', url: `/api/v1/admin/reports/${id}/reopen`, token: mod.token });
    expect(reopened.json().action_taken).toBe(false);
    const log = await t.request({ method: 'GET', url: `/api/v1/admin/audit_log?report_id=${id}`, token: mod.token });
    expect(log.json().map((e: { action: string }) => e.action)).toEqual([
      'report.reopened',
      'report.resolved',
      'report.unassigned',
      'report.assigned',
      'report.created',
    ]);
  });

  it('renders the instance rules a reporter cited, and refuses unknown ones', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/reports', token: carol.token, payload: { account_id: bob.id, category: 'violation', rule_ids: ['1'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().rule_ids).toEqual(['1']);
    const report = (await t.request({ method: 'GET', url: `/api/v1/admin/reports/${res.json().id}`, token: mod.token })).json();
    expect(report.rules.map((r: { id: string }) => r.id)).toEqual(['1']);
    const unknown = await t.request({ method: 'POST', url: '/api/v1/reports', token: carol.token, payload: { account_id: bob.id, category: 'violation', rule_ids: ['99'] } });
    expect(unknown.statusCode).toBe(422);
  });

  it('refuses bad reports and changes nothing', async () => {
    const before = await t.ctx.database.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const unknownCategory = await t.request({ method: 'POST', url: '/api/v1/reports', token: alice.token, payload: { account_id: bob.id, category: 'rude' } });
    expect(unknownCategory.statusCode).toBe(422);
    const unknownAccount = await t.request({ method: 'POST', url: '/api/v1/reports', token: alice.token, payload: { account_id: '999999', category: 'other' } });
    expect(unknownAccount.statusCode).toBe(404);
    const alicePost = await post(t, alice, 'my own post');
    const wrongOwner = await t.request({ method: 'POST', url: '/api/v1/reports', token: carol.token, payload: { account_id: bob.id, status_ids: [alicePost.id], category: 'other' } });
    expect(wrongOwner.statusCode).toBe(422);
    const self = await t.request({ method: 'POST', url: '/api/v1/reports', token: alice.token, payload: { account_id: alice.id, category: 'other' } });
    expect(self.statusCode).toBe(422);
    const anonymous = await t.request({ method: 'POST', url: '/api/v1/reports', payload: { account_id: bob.id, category: 'other' } });
    expect(anonymous.statusCode).toBe(401);
    const after = await t.ctx.database.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('keeps users out of the admin API', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/admin/reports'],
      ['GET', '/api/v1/admin/audit_log'],
      ['POST', `/api/v1/admin/accounts/${bob.id}/action`],
    ] as const) {
      const res = await t.request({ method, url, token: alice.token, payload: method === 'POST' ? { type: 'suspend' } : undefined });
      expect(res.statusCode).toBe(403);
    }
    const noToken = await t.request({ method: 'GET', url: '/api/v1/admin/reports' });
    expect(noToken.statusCode).toBe(401);
  });

  it('keeps the moderation log append-only at the database level', async () => {
    const db = t.ctx.database.db;
    await expect(db.updateTable('moderation_events').set({ text: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('moderation_events').execute()).rejects.toThrow(/append-only/);
  });
});
