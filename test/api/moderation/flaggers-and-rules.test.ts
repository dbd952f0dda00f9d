import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { post } from './moderation-helpers.js';

describe('trusted flaggers and admin screening rules', () => {
  let t: TestApp;
  let admin: TestUser;
  let moderator: TestUser;
  let author: TestUser;
  let reader: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createUser('admin_ada', { role: 'admin' });
    moderator = await t.createUser('moderator_max', { role: 'moderator' });
    author = await t.createUser('author');
    reader = await t.createUser('reader');
  });
  afterAll(() => t.close());

  async function registerFlagger(name: string): Promise<string> {
    const res = await t.request({ method: 'POST', url: '/api/v1/admin/trusted_flaggers', token: admin.token, payload: { name, contact: 'abuse@example.net' } });
    expect(res.statusCode).toBe(200);
    return res.json().api_key as string;
  }

  it('tracks a notice from receipt to decision, merging duplicate flags on the same post', async () => {
    const hostKey = await registerFlagger('Example Hosting');
    const ngoKey = await registerFlagger('Safety NGO');
    const target = await post(t, author, 'a post a hosting provider complains about');
    const url = `${t.ctx.config.publicUrl}/@author/${target.id}`;

    const first = await t.request({ method: 'POST', url: '/api/v1/flags', headers: { 'x-flagger-key': hostKey }, payload: { status: url, category: 'incitement', comment: 'calls for violence' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status_id: target.id, state: 'pending', decision: null });
    const second = await t.request({ method: 'POST', url: '/api/v1/flags', headers: { 'x-flagger-key': ngoKey }, payload: { status: target.id, category: 'incitement' } });
    // The receipt tells a flagger about its own notice only: not the report, not other reporters.
    expect(second.json()).not.toHaveProperty('report_id');
    expect(second.json()).not.toHaveProperty('independent_reporters');
    const reportId = String(
      (await t.ctx.database.db.selectFrom('flags').select('report_id').where('id', '=', Number(first.json().id)).executeTakeFirstOrThrow()).report_id,
    );

    // A flagger reads only its own notices.
    expect((await t.request({ method: 'GET', url: `/api/v1/flags/${first.json().id}`, headers: { 'x-flagger-key': ngoKey } })).statusCode).toBe(404);

    const report = (await t.request({ method: 'GET', url: `/api/v1/admin/reports/${reportId}`, token: moderator.token })).json();
    expect(report.parley).toMatchObject({ lane: 'violent', source: 'flagger', reporter_count: 2 });
    await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${target.id}/remove`, token: moderator.token, payload: { text: 'Incitement.', report_id: report.id } });

    const receipt = (await t.request({ method: 'GET', url: `/api/v1/flags/${first.json().id}`, headers: { 'x-flagger-key': hostKey } })).json();
    expect(receipt).toMatchObject({ state: 'decided', decision: 'removed' });
    expect(receipt.decided_at).not.toBeNull();
  });

  it('refuses unknown keys, foreign URLs, non-public posts and revoked flaggers', async () => {
    const key = await registerFlagger('Short-lived');
    const target = await post(t, author, 'another post');
    const direct = await post(t, author, 'a direct message @reader', { visibility: 'direct' });
    expect((await t.request({ method: 'POST', url: '/api/v1/flags', headers: { 'x-flagger-key': key }, payload: { status: direct.id, category: 'threat' } })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/v1/flags', headers: { 'x-flagger-key': 'nope' }, payload: { status: target.id, category: 'threat' } })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: '/api/v1/flags', payload: { status: target.id, category: 'threat' } })).statusCode).toBe(401);
    const foreign = await t.request({ method: 'POST', url: '/api/v1/flags', headers: { 'x-flagger-key': key }, payload: { status: `https://elsewhere.example/@x/${target.id}`, category: 'threat' } });
    expect(foreign.statusCode).toBe(422);
    const list = (await t.request({ method: 'GET', url: '/api/v1/admin/trusted_flaggers', token: admin.token })).json();
    const flagger = list.find((f: { name: string }) => f.name === 'Short-lived');
    await t.request({ method: 'DELETE', url: `/api/v1/admin/trusted_flaggers/${flagger.id}`, token: admin.token });
    expect((await t.request({ method: 'POST', url: '/api/v1/flags', headers: { 'x-flagger-key': key }, payload: { status: target.id, category: 'threat' } })).statusCode).toBe(401);
  });

  it('only admins register flaggers and edit screening rules', async () => {
    expect((await t.request({ method: 'POST', url: '/api/v1/admin/trusted_flaggers', token: moderator.token, payload: { name: 'x' } })).statusCode).toBe(403);
    const rule = { kind: 'phrase', pattern: 'pineapple uprising', action: 'hold', lang: null };
    expect((await t.request({ method: 'POST', url: '/api/v1/admin/screening_rules', token: moderator.token, payload: rule })).statusCode).toBe(403);
  });

  it('applies an admin phrase rule to new posts and logs the change', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/admin/screening_rules', token: admin.token, payload: { kind: 'phrase', pattern: 'pineapple uprising', action: 'hold', lang: null } });
    expect(res.statusCode).toBe(200);
    const held = await post(t, author, 'join the pineapple uprising tonight');
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${held.id}`, token: reader.token })).statusCode).toBe(404);
    const reasons = JSON.parse(
      (await t.ctx.database.db.selectFrom('statuses').select('screening').where('id', '=', Number(held.id)).executeTakeFirstOrThrow()).screening!,
    ).reasons as string[];
    expect(reasons.join(' ')).toContain('pineapple uprising');

    const log = (await t.request({ method: 'GET', url: '/api/v1/admin/audit_log?action=screening_rule.added', token: moderator.token })).json();
    expect(log[0].data).toMatchObject({ pattern: 'pineapple uprising', action: 'hold' });

    await t.request({ method: 'DELETE', url: `/api/v1/admin/screening_rules/${res.json().id}`, token: admin.token });
    const after = await post(t, author, 'the pineapple uprising was a board game');
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${after.id}`, token: reader.token })).statusCode).toBe(200);
  });

  it('rejects an invalid or catastrophic regular expression', async () => {
    for (const pattern of ['(unclosed', '(a+)+$']) {
      const res = await t.request({ method: 'POST', url: '/api/v1/admin/screening_rules', token: admin.token, payload: { kind: 'regex', pattern, action: 'review' } });
      expect(res.statusCode).toBe(422);
    }
    const count = await t.ctx.database.db.selectFrom('screening_rules').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('lets admins change thresholds and deadlines, validated', async () => {
    const ok = await t.request({ method: 'PATCH', url: '/api/v1/admin/moderation_settings', token: admin.token, payload: { deadline_minutes: { violent: 10 }, screening_thresholds: { review: 0.5, hold: 0.95 } } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ deadline_minutes: { violent: 10, general: 1440 }, screening_thresholds: { review: 0.5, hold: 0.95 } });
    expect(t.ctx.screeningPolicy.thresholds).toEqual({ review: 0.5, hold: 0.95 });
    const inverted = await t.request({ method: 'PATCH', url: '/api/v1/admin/moderation_settings', token: admin.token, payload: { screening_thresholds: { review: 0.9, hold: 0.2 } } });
    expect(inverted.statusCode).toBe(422);
    const http = await t.request({ method: 'PATCH', url: '/api/v1/admin/moderation_settings', token: admin.token, payload: { alert_webhook_url: 'http://10.0.0.1/hook' } });
    expect(http.statusCode).toBe(422);
  });
});
