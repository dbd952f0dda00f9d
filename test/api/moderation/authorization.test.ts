import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { holdPostsContaining, post } from './moderation-helpers.js';

describe('who may moderate whom', () => {
  let t: TestApp;
  let admin: TestUser;
  let modA: TestUser;
  let modB: TestUser;
  let user: TestUser;
  let other: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    holdPostsContaining(t, 'HOLDME');
    admin = await t.createUser('admin_ada', { role: 'admin' });
    modA = await t.createUser('moderator_a', { role: 'moderator' });
    modB = await t.createUser('moderator_b', { role: 'moderator' });
    user = await t.createUser('user_u');
    other = await t.createUser('user_o');
  });
  afterAll(() => t.close());

  it('moderators cannot act on staff posts or on their own held posts', async () => {
    const adminPost = await post(t, admin, 'an admin post');
    expect((await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${adminPost.id}/remove`, token: modA.token, payload: { text: 'x' } })).statusCode).toBe(403);
    const ownHeld = await post(t, modA, 'HOLDME I will hurt you');
    expect((await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${ownHeld.id}/approve`, token: modA.token, payload: { text: 'fine' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${ownHeld.id}`, token: user.token })).statusCode).toBe(404);
  });

  it('a moderator cannot lift their own sanction or decide their own appeal', async () => {
    await t.request({ method: 'POST', url: `/api/v1/admin/accounts/${modA.id}/action`, token: admin.token, payload: { type: 'silence', text: 'cool down' } });
    expect((await t.request({ method: 'POST', url: `/api/v1/admin/accounts/${modA.id}/unsilence`, token: modA.token })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `/api/v1/admin/accounts/${modA.id}/unsilence`, token: modB.token })).statusCode).toBe(403);

    const modPost = await post(t, modB, 'a moderator post');
    await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${modPost.id}/remove`, token: admin.token, payload: { text: 'no' } });
    const warning = (await t.request({ method: 'GET', url: '/api/v1/account_warnings', token: modB.token })).json()[0];
    await t.request({ method: 'POST', url: `/api/v1/account_warnings/${warning.id}/appeal`, token: modB.token, payload: { text: 'mine was fine' } });
    const appeal = (await t.request({ method: 'GET', url: '/api/v1/admin/appeals', token: admin.token })).json().find((a: { decision: { id: string } }) => a.decision.id === warning.id);
    expect((await t.request({ method: 'POST', url: `/api/v1/admin/appeals/${appeal.id}/approve`, token: modB.token })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `/api/v1/admin/appeals/${appeal.id}/approve`, token: modA.token })).statusCode).toBe(403);
  });

  it('a report passed with an action must concern the target', async () => {
    const userPost = await post(t, user, 'reported post');
    const filed = await t.request({ method: 'POST', url: '/api/v1/reports', token: other.token, payload: { account_id: user.id, status_ids: [userPost.id], category: 'spam' } });
    const otherPost = await post(t, other, 'unrelated post');
    const wrongPost = await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${otherPost.id}/remove`, token: modA.token, payload: { text: 'x', report_id: filed.json().id } });
    expect(wrongPost.statusCode).toBe(422);
    const wrongAccount = await t.request({ method: 'POST', url: `/api/v1/admin/accounts/${other.id}/action`, token: modA.token, payload: { type: 'none', text: 'x', report_id: filed.json().id } });
    expect(wrongAccount.statusCode).toBe(422);
    const report = (await t.request({ method: 'GET', url: `/api/v1/admin/reports/${filed.json().id}`, token: modA.token })).json();
    expect(report.action_taken).toBe(false);
  });

  it('reports about a moderator are invisible to that moderator', async () => {
    const filed = await t.request({ method: 'POST', url: '/api/v1/reports', token: user.token, payload: { account_id: modB.id, category: 'other', comment: 'the moderator was rude' } });
    const id = filed.json().id;
    const listed = (await t.request({ method: 'GET', url: `/api/v1/admin/reports?target_account_id=${modB.id}`, token: modB.token })).json();
    expect(listed).toEqual([]);
    expect((await t.request({ method: 'GET', url: `/api/v1/admin/reports/${id}`, token: modB.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/v1/admin/reports/${id}/resolve`, token: modB.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/admin/reports/${id}`, token: modA.token })).statusCode).toBe(200);
  });

  it('jurors never see cases about private or direct posts', async () => {
    await t.request({ method: 'POST', url: `/api/v1/admin/accounts/${other.id}/juror`, token: admin.token });
    const reporter = await t.createUser('dm_reporter');
    const direct = await post(t, user, 'another secret @dm_reporter', { visibility: 'direct' });
    const filed = await t.request({ method: 'POST', url: '/api/v1/reports', token: reporter.token, payload: { account_id: user.id, status_ids: [direct.id], category: 'spam' } });
    expect(filed.statusCode).toBe(200);
    const cases = (await t.request({ method: 'GET', url: '/api/v1/jury/cases', token: other.token })).json();
    expect(JSON.stringify(cases)).not.toContain('secret');
  });

  it('the alert webhook refuses addresses inside the network, IPv6 literals included', async () => {
    for (const url of ['https://[::1]/hook', 'https://127.0.0.1/hook', 'https://localhost/hook', 'http://example.com/hook']) {
      const res = await t.request({ method: 'PATCH', url: '/api/v1/admin/moderation_settings', token: admin.token, payload: { alert_webhook_url: url } });
      expect(res.statusCode, url).toBe(422);
    }
  });

  it('keeps removed content longer than the appeal window', async () => {
    const res = await t.request({ method: 'PATCH', url: '/api/v1/admin/moderation_settings', token: admin.token, payload: { retention_days: 10 } });
    expect(res.statusCode).toBe(422);
  });
});
