import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { holdPostsContaining, post, reportIdForStatus } from './moderation-helpers.js';

describe('transparency report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    holdPostsContaining(t, 'HOLDME');
  });
  afterAll(() => t.close());

  it('publishes aggregates for the month without any account or post identity', async () => {
    const admin = await t.createUser('admin_ada', { role: 'admin' });
    const author = await t.createUser('author');
    const reporter = await t.createUser('reporter');
    const held = await post(t, author, 'HOLDME');
    await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${held.id}/remove`, token: admin.token, payload: { text: 'threat', report_id: await reportIdForStatus(t, held.id) } });
    await t.request({ method: 'POST', url: '/api/v1/reports', token: reporter.token, payload: { account_id: author.id, category: 'spam' } });

    // The month in progress is for moderators; the public sees closed months only.
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect((await t.request({ method: 'GET', url: `/api/v1/instance/transparency?month=${thisMonth}` })).statusCode).toBe(422);
    expect((await t.request({ method: 'GET', url: `/api/v1/admin/transparency?month=${thisMonth}`, token: reporter.token })).statusCode).toBe(403);
    const res = await t.request({ method: 'GET', url: `/api/v1/admin/transparency?month=${thisMonth}`, token: admin.token });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.reports).toEqual({ total: 2, by_source: { screening: 1, user: 1 }, by_category: { threat: 1, spam: 1 } });
    expect(report.decisions['status.removed']).toBe(1);
    expect(report.lanes.find((l: { lane: string }) => l.lane === 'violent')).toMatchObject({ inflow: 1, decisions: 1 });
    const raw = res.body;
    for (const secret of [author.id, reporter.id, held.id, 'author', 'reporter']) expect(raw).not.toContain(secret);

    const empty = (await t.request({ method: 'GET', url: '/api/v1/instance/transparency?month=2021-01' })).json();
    expect((await t.request({ method: 'GET', url: '/api/v1/instance/transparency' })).statusCode).toBe(200);
    expect(empty.reports.total).toBe(0);
    expect((await t.request({ method: 'GET', url: '/api/v1/instance/transparency?month=2021-13' })).statusCode).toBe(422);
  });
});
