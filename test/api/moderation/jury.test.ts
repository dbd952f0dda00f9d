import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { post } from './moderation-helpers.js';

describe('the community jury', () => {
  let t: TestApp;
  let admin: TestUser;
  let moderator: TestUser;
  let author: TestUser;
  let reporter: TestUser;
  const jurors: TestUser[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createUser('admin_ada', { role: 'admin' });
    moderator = await t.createUser('moderator_max', { role: 'moderator' });
    author = await t.createUser('author');
    reporter = await t.createUser('reporter');
    for (const name of ['juror_one', 'juror_two', 'juror_three']) jurors.push(await t.createUser(name));
    for (const juror of [...jurors, reporter]) {
      const res = await t.request({ method: 'POST', url: `/api/v1/admin/accounts/${juror.id}/juror`, token: admin.token, payload: { juror: true } });
      expect(res.statusCode).toBe(200);
    }
    await t.request({ method: 'PATCH', url: '/api/v1/admin/moderation_settings', token: admin.token, payload: { jury_quorum: 3 } });
  });
  afterAll(() => t.close());

  it('only admins appoint jurors, and only jurors see cases', async () => {
    expect((await t.request({ method: 'POST', url: `/api/v1/admin/accounts/${author.id}/juror`, token: moderator.token })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: '/api/v1/jury/cases', token: author.token })).statusCode).toBe(403);
  });

  it('shows anonymised cases, never to a juror who is part of them, and decides by majority at quorum', async () => {
    const reported = await post(t, author, 'an annoying but maybe harmless post');
    const filed = await t.request({ method: 'POST', url: '/api/v1/reports', token: reporter.token, payload: { account_id: author.id, status_ids: [reported.id], category: 'violation', comment: 'I, the reporter, find this rude' } });
    const reportId = filed.json().id as string;

    const seen = (await t.request({ method: 'GET', url: '/api/v1/jury/cases', token: jurors[0]!.token })).json();
    const item = seen.find((c: { type: string; id: string }) => c.type === 'report' && c.id === reportId);
    expect(item).toMatchObject({ category: 'violation', posts: [{ text: 'an annoying but maybe harmless post' }], votes: { uphold: 0, overturn: 0 } });
    const raw = JSON.stringify(item);
    for (const secret of [reporter.id, author.id, 'reporter', 'author', 'I, the reporter']) expect(raw).not.toContain(secret);
    // The reporter is a juror too, but never sees the case they filed.
    const reporterView = (await t.request({ method: 'GET', url: '/api/v1/jury/cases', token: reporter.token })).json();
    expect(reporterView.find((c: { id: string }) => c.id === reportId)).toBeUndefined();
    expect((await t.request({ method: 'POST', url: `/api/v1/jury/cases/report/${reportId}/vote`, token: reporter.token, payload: { vote: 'uphold', reason: 'mine' } })).statusCode).toBe(404);

    const vote = (juror: TestUser, v: string) =>
      t.request({ method: 'POST', url: `/api/v1/jury/cases/report/${reportId}/vote`, token: juror.token, payload: { vote: v, reason: 'considered the context' } });
    expect((await vote(jurors[0]!, 'overturn')).json()).toMatchObject({ decided: false });
    expect((await vote(jurors[0]!, 'overturn')).statusCode).toBe(422);
    expect((await vote(jurors[1]!, 'uphold')).json()).toMatchObject({ decided: false });
    expect((await vote(jurors[2]!, 'overturn')).json()).toMatchObject({ decided: true, outcome: 'overturn', votes: { uphold: 1, overturn: 2 } });

    const report = (await t.request({ method: 'GET', url: `/api/v1/admin/reports/${reportId}`, token: moderator.token })).json();
    expect(report).toMatchObject({ action_taken: true, parley: { resolution: 'dismissed' } });
    const agreement = (await t.request({ method: 'GET', url: '/api/v1/admin/jurors', token: moderator.token })).json();
    const byName = Object.fromEntries(agreement.map((a: { username: string }) => [a.username, a]));
    expect(byName.juror_one).toMatchObject({ decided_votes: 1, agreed: 1, agreement_rate: 1 });
    expect(byName.juror_two).toMatchObject({ decided_votes: 1, agreed: 0, agreement_rate: 0 });
  });

  it('decides an appeal when the jury overturns a removal', async () => {
    const removed = await post(t, author, 'a post a moderator removed');
    await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${removed.id}/remove`, token: moderator.token, payload: { text: 'violation' } });
    const warning = (await t.request({ method: 'GET', url: '/api/v1/account_warnings', token: author.token })).json()[0];
    await t.request({ method: 'POST', url: `/api/v1/account_warnings/${warning.id}/appeal`, token: author.token, payload: { text: 'This was satire.' } });
    const cases = (await t.request({ method: 'GET', url: '/api/v1/jury/cases', token: jurors[0]!.token })).json();
    const appeal = cases.find((c: { type: string }) => c.type === 'appeal');
    expect(appeal).toMatchObject({ appeal_text: 'This was satire.', decision: { action: 'delete_statuses', text: 'violation' } });
    for (const juror of jurors) {
      await t.request({ method: 'POST', url: `/api/v1/jury/cases/appeal/${appeal.id}/vote`, token: juror.token, payload: { vote: 'overturn', reason: 'satire' } });
    }
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${removed.id}`, token: reporter.token })).statusCode).toBe(200);
    const after = (await t.request({ method: 'GET', url: `/api/v1/account_warnings/${warning.id}`, token: author.token })).json();
    expect(after.appeal.state).toBe('approved');
    expect(after.parley.overturned_at).not.toBeNull();
  });
});
