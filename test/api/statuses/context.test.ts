import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { block, post } from './helpers.js';

describe('GET /api/v1/statuses/:id/context', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    alice = await t.createUser('alice');
    bob = await t.createUser('bob');
    carol = await t.createUser('carol');
  });
  afterAll(() => t.close());

  it('returns ancestors oldest first and descendants depth-first, filtered for the viewer', async () => {
    const root = await post(t, alice, { status: 'root' });
    const a = await post(t, bob, { status: 'a', in_reply_to_id: root.id });
    const b = await post(t, carol, { status: 'b', in_reply_to_id: root.id });
    const a1 = await post(t, alice, { status: 'a1', in_reply_to_id: a.id });
    const a1x = await post(t, bob, { status: 'a1x', in_reply_to_id: a1.id });
    const secret = await post(t, alice, { status: 'secret @bob', in_reply_to_id: b.id, visibility: 'direct' });

    const fromA1 = (await t.request({ method: 'GET', url: `/api/v1/statuses/${a1.id}/context` })).json();
    expect(fromA1.ancestors.map((s: any) => s.id)).toEqual([root.id, a.id]);
    expect(fromA1.descendants.map((s: any) => s.id)).toEqual([a1x.id]);

    const anonymous = (await t.request({ method: 'GET', url: `/api/v1/statuses/${root.id}/context` })).json();
    expect(anonymous.ancestors).toEqual([]);
    expect(anonymous.descendants.map((s: any) => s.id)).toEqual([a.id, a1.id, a1x.id, b.id]);

    const asBob = (await t.request({ method: 'GET', url: `/api/v1/statuses/${root.id}/context`, token: bob.token })).json();
    expect(asBob.descendants.map((s: any) => s.id)).toEqual([a.id, a1.id, a1x.id, b.id, secret.id]);

    await block(t, carol, bob);
    const blocked = (await t.request({ method: 'GET', url: `/api/v1/statuses/${root.id}/context`, token: carol.token })).json();
    expect(blocked.descendants.map((s: any) => s.id)).toEqual([a1.id, b.id]);
  });

  it('is a 404 for a status the viewer cannot see', async () => {
    const dm = await post(t, alice, { status: 'dm @bob', visibility: 'direct' });
    expect((await t.request({ method: 'GET', url: `/api/v1/statuses/${dm.id}/context`, token: carol.token })).statusCode).toBe(404);
  });
});
