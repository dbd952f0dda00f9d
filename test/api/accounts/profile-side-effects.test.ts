import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

describe('profile updates with side effects', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('unlocking an account accepts every pending follow request', async () => {
    const owner = await t.createUser('locked_owner');
    const fan = await t.createUser('eager_fan');
    await t.request({ method: 'PATCH', url: '/api/v1/accounts/update_credentials', token: owner.token, payload: { locked: true } });
    const follow = await t.request({ method: 'POST', url: `/api/v1/accounts/${owner.id}/follow`, token: fan.token });
    expect(follow.json()).toMatchObject({ following: false, requested: true });
    await t.request({ method: 'PATCH', url: '/api/v1/accounts/update_credentials', token: owner.token, payload: { locked: false } });
    const rel = (await t.request({ method: 'GET', url: `/api/v1/accounts/relationships?id[]=${owner.id}`, token: fan.token })).json();
    expect(rel[0]).toMatchObject({ following: true, requested: false });
    const me = (await t.request({ method: 'GET', url: '/api/v1/accounts/verify_credentials', token: owner.token })).json();
    expect(me.followers_count).toBe(1);
  });

  it('saves a doubtful bio and reports it to moderators', async () => {
    const user = await t.createUser('doubtful_bio');
    const real = t.ctx.screener;
    t.ctx.screener = {
      screen: (text, input) =>
        text.includes('DOUBTFUL') ? { decision: 'review', category: 'threat', score: 0.7, lang: 'en', reasons: ['model: p(violent)=0.70'] } : real.screen(text, input),
    };
    try {
      const res = await t.request({ method: 'PATCH', url: '/api/v1/accounts/update_credentials', token: user.token, payload: { note: 'DOUBTFUL words' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().source.note).toBe('DOUBTFUL words');
      const report = await t.ctx.database.db.selectFrom('reports').selectAll().where('target_account_id', '=', user.accountId).executeTakeFirstOrThrow();
      expect(report).toMatchObject({ source: 'screening', category: 'threat', lane: 'violent' });
    } finally {
      t.ctx.screener = real;
    }
  });
});
