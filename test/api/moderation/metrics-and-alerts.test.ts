import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { alertOverdueReports } from '../../../src/moderation/reports/alert-overdue-reports.js';
import { holdPostsContaining, post, reportIdForStatus } from './moderation-helpers.js';

describe('lane metrics and overdue alerts', () => {
  let t: TestApp;
  let admin: TestUser;
  let moderator: TestUser;
  let author: TestUser;
  let reporter: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    holdPostsContaining(t, 'HOLDME');
    admin = await t.createUser('admin_ada', { role: 'admin' });
    moderator = await t.createUser('moderator_max', { role: 'moderator' });
    author = await t.createUser('author');
    reporter = await t.createUser('reporter');
  });
  afterAll(() => t.close());

  it('measures inflow, decisions, time to decision and the share found by screening, per lane', async () => {
    const held = await post(t, author, 'HOLDME now');
    await t.request({ method: 'POST', url: '/api/v1/reports', token: reporter.token, payload: { account_id: author.id, category: 'spam' } });
    const reportId = await reportIdForStatus(t, held.id);
    await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${held.id}/remove`, token: moderator.token, payload: { text: 'threat', report_id: reportId } });

    const res = await t.request({ method: 'GET', url: '/api/v1/admin/moderation/metrics', token: moderator.token });
    expect(res.statusCode).toBe(200);
    const lanes = Object.fromEntries(res.json().lanes.map((l: { lane: string }) => [l.lane, l]));
    expect(lanes.violent).toMatchObject({ inflow: 1, decisions: 1, overdue: 0, share_by_source: { screening: 1, user: 0, flagger: 0 } });
    expect(lanes.violent.median_seconds_to_decision).toBeGreaterThanOrEqual(0);
    expect(lanes.general).toMatchObject({ inflow: 1, decisions: 0, median_seconds_to_decision: null, share_by_source: { screening: 0, user: 1, flagger: 0 } });
    expect((await t.request({ method: 'GET', url: '/api/v1/admin/moderation/metrics', token: reporter.token })).statusCode).toBe(403);
  });

  it('alerts admins once when a report passes its deadline, and shows it overdue', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/reports', token: reporter.token, payload: { account_id: author.id, category: 'threat', comment: 'late' } });
    const id = Number(res.json().id);
    await t.ctx.database.db.updateTable('reports').set({ deadline_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', id).execute();

    expect(await alertOverdueReports(t.ctx)).toBe(1);
    expect(await alertOverdueReports(t.ctx)).toBe(0);
    const alerts = await t.ctx.database.db.selectFrom('notifications').selectAll().where('type', '=', 'admin.report').execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.account_id).toBe(admin.accountId);
    expect(JSON.parse(alerts[0]!.data!)).toMatchObject({ report_id: String(id), overdue: true });

    const overdue = (await t.request({ method: 'GET', url: '/api/v1/admin/reports?overdue=true', token: moderator.token })).json();
    expect(overdue.map((r: { id: string }) => r.id)).toEqual([String(id)]);
    expect(overdue[0].parley.overdue).toBe(true);
    const metrics = (await t.request({ method: 'GET', url: '/api/v1/admin/moderation/metrics', token: moderator.token })).json();
    expect(metrics.lanes.find((l: { lane: string }) => l.lane === 'violent').overdue).toBe(1);
  });

  it('filters the queue by the languages a moderator reads', async () => {
    const set = await t.request({ method: 'PUT', url: '/api/v1/admin/moderation/languages', token: moderator.token, payload: { languages: ['de'] } });
    expect(set.statusCode).toBe(200);
    const de = await post(t, author, 'ein ganz normaler Beitrag', { language: 'de' });
    const en = await post(t, author, 'a perfectly normal post', { language: 'en' });
    for (const s of [de, en]) {
      await t.request({ method: 'POST', url: '/api/v1/reports', token: reporter.token, payload: { account_id: author.id, status_ids: [s.id], category: 'violation' } });
    }
    const mine = (await t.request({ method: 'GET', url: '/api/v1/admin/reports?language=mine&resolved=false', token: moderator.token })).json();
    const languages = mine.map((r: { parley: { language: string | null } }) => r.parley.language);
    expect(languages).toContain('de');
    expect(languages).not.toContain('en');
  });
});
