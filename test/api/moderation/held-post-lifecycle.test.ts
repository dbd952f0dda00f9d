import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { holdPostsContaining, post, reportIdForStatus } from './moderation-helpers.js';

describe('a held post from screening to appeal', () => {
  let t: TestApp;
  let author: TestUser;
  let reader: TestUser;
  let modA: TestUser;
  let modB: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    holdPostsContaining(t, 'HOLDME');
    author = await t.createUser('author');
    reader = await t.createUser('reader');
    modA = await t.createUser('moderator_a', { role: 'moderator' });
    modB = await t.createUser('moderator_b', { role: 'moderator' });
  });
  afterAll(() => t.close());

  it('holds the post, files a screening report at the top of the violent lane, and shows it to its author only', async () => {
    await post(t, author, 'an ordinary post');
    const held = await post(t, author, 'HOLDME you will regret this');
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${held.id}`, token: reader.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${held.id}`, token: author.token })).statusCode).toBe(200);

    const queue = (await t.request({ method: 'GET', url: '/api/v1/admin/reports?order=queue', token: modA.token })).json();
    const top = queue[0];
    expect(top.statuses.map((s: { id: string }) => s.id)).toEqual([held.id]);
    expect(top.parley).toMatchObject({ lane: 'violent', source: 'screening' });
    expect(top.parley.screening.reasons[0]).toContain('first-person threat');
    expect(top.target_account.id).toBe(author.id);
    expect(top.parley.target_history).toMatchObject({ strikes: 0, reports: 1, resolved_reports: 0, decisions: [] });
  });

  it('shows a reported reply with the post it answers, and earlier decisions about its author', async () => {
    const parent = await post(t, reader, 'what do you think of the mayor?');
    const reply = await post(t, author, 'HOLDME the mayor will pay', { in_reply_to_id: parent.id });
    const reportId = await reportIdForStatus(t, reply.id);
    const report = (await t.request({ method: 'GET', url: `/api/v1/admin/reports/${reportId}`, token: modA.token })).json();
    expect(report.parley.in_reply_to[reply.id].id).toBe(parent.id);
    await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${reply.id}/remove`, token: modA.token, payload: { text: 'threat against the mayor', report_id: reportId } });
    const another = await post(t, author, 'HOLDME again');
    const next = (await t.request({ method: 'GET', url: `/api/v1/admin/reports/${await reportIdForStatus(t, another.id)}`, token: modA.token })).json();
    expect(next.parley.target_history.strikes).toBe(2);
    expect(next.parley.target_history.decisions[0]).toMatchObject({ action: 'delete_statuses', text: 'threat against the mayor', overturned: false });
  });

  it('approving a held post publishes it and resolves its report', async () => {
    const held = await post(t, author, 'HOLDME but it is only a song lyric');
    const reportId = await reportIdForStatus(t, held.id);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/admin/statuses/${held.id}/approve`,
      token: modA.token,
      payload: { text: 'quoted lyrics, not a threat', report_id: reportId },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${held.id}`, token: reader.token })).statusCode).toBe(200);
    const report = (await t.request({ method: 'GET', url: `/api/v1/admin/reports/${reportId}`, token: modA.token })).json();
    expect(report.action_taken).toBe(true);
    expect(report.parley.resolution).toBe('approved');
  });

  it('removal tells the author why; an appeal decided by another moderator restores the post; every step is logged', async () => {
    const held = await post(t, author, 'HOLDME for real');
    const reportId = await reportIdForStatus(t, held.id);
    const removed = await t.request({
      method: 'POST',
      url: `/api/v1/admin/statuses/${held.id}/remove`,
      token: modA.token,
      payload: { text: 'Threat of violence (policy: threat).', report_id: reportId },
    });
    expect(removed.statusCode).toBe(200);

    const notification = await t.ctx.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('account_id', '=', author.accountId)
      .where('type', '=', 'moderation_warning')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const warningId = JSON.parse(notification.data!).account_warning_id as string;
    const warning = (await t.request({ method: 'GET', url: `/api/v1/account_warnings/${warningId}`, token: author.token })).json();
    expect(warning).toMatchObject({ action: 'delete_statuses', text: 'Threat of violence (policy: threat).', status_ids: [held.id], appeal: null });
    expect(warning.parley.category).toBe('threat');
    expect(warning.parley.how_to_appeal).toContain('/appeal');
    // Others cannot read someone's statement of reasons.
    expect((await t.request({ method: 'GET', url: `/api/v1/account_warnings/${warningId}`, token: reader.token })).statusCode).toBe(404);

    const appeal = await t.request({ method: 'POST', url: `/api/v1/account_warnings/${warningId}/appeal`, token: author.token, payload: { text: 'It was a joke among friends.' } });
    expect(appeal.statusCode).toBe(200);
    expect(appeal.json().appeal).toEqual({ text: 'It was a joke among friends.', state: 'pending' });
    const again = await t.request({ method: 'POST', url: `/api/v1/account_warnings/${warningId}/appeal`, token: author.token, payload: { text: 'again' } });
    expect(again.statusCode).toBe(422);

    const appeals = (await t.request({ method: 'GET', url: '/api/v1/admin/appeals', token: modB.token })).json();
    const pending = appeals.find((a: { decision: { id: string } }) => a.decision.id === warningId);
    expect(pending).toBeDefined();
    const sameModerator = await t.request({ method: 'POST', url: `/api/v1/admin/appeals/${pending.id}/approve`, token: modA.token });
    expect(sameModerator.statusCode).toBe(403);
    const decided = await t.request({ method: 'POST', url: `/api/v1/admin/appeals/${pending.id}/approve`, token: modB.token, payload: { text: 'Context shows a joke.' } });
    expect(decided.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${held.id}`, token: reader.token })).statusCode).toBe(200);

    const log = (await t.request({ method: 'GET', url: `/api/v1/admin/audit_log?report_id=${reportId}`, token: modB.token })).json();
    expect(log.map((e: { action: string }) => e.action)).toEqual(['appeal.approved', 'appeal.filed', 'report.resolved', 'status.removed', 'report.created']);
    const statusLog = (await t.request({ method: 'GET', url: `/api/v1/admin/audit_log?subject_type=status&subject_id=${held.id}`, token: modB.token })).json();
    expect(statusLog.map((e: { action: string }) => e.action)).toEqual(['status.restored', 'status.removed']);
  });

  it('suspends an account until a set time; the suspended user can still read why and appeal', async () => {
    const target = await t.createUser('troublemaker');
    const before = await post(t, target, 'visible before the suspension');
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/admin/accounts/${target.id}/action`,
      token: modA.token,
      payload: { type: 'suspend', text: 'Repeated threats.', duration: 3600 },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${before.id}`, token: reader.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/v1/statuses', token: target.token, payload: { status: 'still here?' } })).statusCode).toBe(403);
    const warnings = await t.request({ method: 'GET', url: '/api/v1/account_warnings', token: target.token });
    expect(warnings.statusCode).toBe(200);
    expect(warnings.json()[0]).toMatchObject({ action: 'suspend', text: 'Repeated threats.' });
    expect(warnings.json()[0].parley.ends_at).not.toBeNull();

    const admin = (await t.request({ method: 'GET', url: `/api/v1/admin/accounts/${target.id}`, token: modA.token })).json();
    expect(admin).toMatchObject({ suspended: true });
    expect(admin.parley.strikes).toBe(5);

    // The lifting job is due when the hour has passed; bring it forward and run it.
    await t.ctx.database.db.updateTable('jobs').set({ run_at: new Date(0).toISOString() }).where('name', '=', 'lift-account-sanction').execute();
    await t.ctx.jobs.drain();
    expect((await t.request({ method: 'GET', url: `/api/v1/admin/accounts/${target.id}`, token: modA.token })).json().suspended).toBe(false);
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${before.id}`, token: reader.token })).statusCode).toBe(200);
  });

  it('rejects bad actions and changes nothing', async () => {
    const bad = await t.request({ method: 'POST', url: `/api/v1/admin/accounts/${reader.id}/action`, token: modA.token, payload: { type: 'banish' } });
    expect(bad.statusCode).toBe(422);
    const missing = await t.request({ method: 'POST', url: '/api/v1/admin/statuses/99999999/remove', token: modA.token, payload: { text: 'x' } });
    expect(missing.statusCode).toBe(404);
    const staff = await t.request({ method: 'POST', url: `/api/v1/admin/accounts/${modB.id}/action`, token: modA.token, payload: { type: 'suspend' } });
    expect(staff.statusCode).toBe(403);
    const timedDisable = await t.request({ method: 'POST', url: `/api/v1/admin/accounts/${reader.id}/action`, token: modA.token, payload: { type: 'disable', duration: 3600 } });
    expect(timedDisable.statusCode).toBe(422);
    const readerRow = await t.ctx.database.db.selectFrom('accounts').select(['suspended_at', 'silenced_at']).where('id', '=', reader.accountId).executeTakeFirstOrThrow();
    expect(readerRow).toEqual({ suspended_at: null, silenced_at: null });
  });
});

describe('strike policy', () => {
  it('silences an account automatically when its strikes reach the admin-set threshold', async () => {
    const t = await createTestApp();
    try {
      const admin = await t.createUser('admin_ada', { role: 'admin' });
      const author = await t.createUser('author');
      const set = await t.request({
        method: 'PATCH',
        url: '/api/v1/admin/moderation_settings',
        token: admin.token,
        payload: { strike_escalation: [{ at: 4, action: 'silence', duration_days: 7 }] },
      });
      expect(set.json().strike_escalation).toEqual([{ at: 4, action: 'silence', duration_days: 7 }]);
      const first = await post(t, author, 'first bad post');
      await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${first.id}/remove`, token: admin.token, payload: { text: 'one' } });
      const afterOne = (await t.request({ method: 'GET', url: `/api/v1/admin/accounts/${author.id}`, token: admin.token })).json();
      expect(afterOne).toMatchObject({ silenced: false, parley: { strikes: 2 } });
      const second = await post(t, author, 'second bad post');
      await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${second.id}/remove`, token: admin.token, payload: { text: 'two' } });
      const afterTwo = (await t.request({ method: 'GET', url: `/api/v1/admin/accounts/${author.id}`, token: admin.token })).json();
      expect(afterTwo).toMatchObject({ silenced: true, parley: { strikes: 4 } });
      expect(afterTwo.parley.silence_ends_at).not.toBeNull();
      const warnings = (await t.request({ method: 'GET', url: '/api/v1/account_warnings', token: author.token })).json();
      expect(warnings[0]).toMatchObject({ action: 'silence' });
      expect(warnings[0].text).toContain('reached 4 strikes');
    } finally {
      await t.close();
    }
  });
});

describe('retention', () => {
  it('erases removed posts only after the retention period, and never while an appeal is pending', async () => {
    const { purgeExpiredRemovals } = await import('../../../src/moderation/actions/purge-expired-removals.js');
    const t = await createTestApp();
    try {
      const admin = await t.createUser('admin_ada', { role: 'admin' });
      const author = await t.createUser('author');
      const old = await post(t, author, 'removed long ago');
      const appealed = await post(t, author, 'removed long ago but appealed');
      const recent = await post(t, author, 'removed yesterday');
      for (const s of [old, appealed, recent]) {
        await t.request({ method: 'POST', url: `/api/v1/admin/statuses/${s.id}/remove`, token: admin.token, payload: { text: 'violation' } });
      }
      const warnings = (await t.request({ method: 'GET', url: '/api/v1/account_warnings', token: author.token })).json();
      const appealedWarning = warnings.find((w: { status_ids: string[] }) => w.status_ids.includes(appealed.id));
      await t.request({ method: 'POST', url: `/api/v1/account_warnings/${appealedWarning.id}/appeal`, token: author.token, payload: { text: 'please' } });
      const longAgo = new Date(Date.now() - 31 * 86_400_000).toISOString();
      await t.ctx.database.db.updateTable('statuses').set({ moderated_at: longAgo }).where('id', 'in', [Number(old.id), Number(appealed.id)]).execute();

      expect(await purgeExpiredRemovals(t.ctx)).toBe(1);
      const rows = await t.ctx.database.db.selectFrom('statuses').select(['id', 'text']).where('id', 'in', [old.id, appealed.id, recent.id].map(Number)).execute();
      const text = Object.fromEntries(rows.map((r) => [String(r.id), r.text]));
      expect(text).toEqual({ [old.id]: '', [appealed.id]: 'removed long ago but appealed', [recent.id]: 'removed yesterday' });
    } finally {
      await t.close();
    }
  });
});
