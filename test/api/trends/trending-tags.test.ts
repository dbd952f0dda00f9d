import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { holdPostsContaining, post } from '../moderation/moderation-helpers.js';

describe('trending tags', () => {
  let t: TestApp;
  let admin: TestUser;
  const people: TestUser[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    holdPostsContaining(t, 'HOLDME');
    admin = await t.createUser('admin_ada', { role: 'admin' });
    for (const name of ['ann', 'ben', 'cat', 'dan']) people.push(await t.createUser(name));
  });
  afterAll(() => t.close());

  const trending = async () =>
    (await t.request({ method: 'GET', url: '/api/v1/trends/tags' })).json() as Array<{ name: string; history: Array<{ uses: string; accounts: string }> }>;

  it('trends a tag used by several people today, with Mastodon-shaped history', async () => {
    for (const p of people.slice(0, 3)) await post(t, p, 'lovely day at the #Harbourfest');
    await post(t, people[0]!, 'again #Harbourfest');
    const tags = await trending();
    const tag = tags.find((x) => x.name === 'Harbourfest');
    expect(tag).toBeDefined();
    expect(tag!.history).toHaveLength(7);
    expect(tag!.history[0]).toMatchObject({ uses: '4', accounts: '3' });
  });

  it('does not trend a tag one account repeats', async () => {
    for (let i = 0; i < 5; i++) await post(t, people[3]!, `buy now #SpamTag ${i}`);
    expect((await trending()).map((x) => x.name)).not.toContain('SpamTag');
  });

  it('keeps a tag linked to held posts out until an admin approves it, and never when it is mostly held', async () => {
    await post(t, people[0]!, 'meeting at the square #CityRally');
    await post(t, people[1]!, 'see you at #CityRally');
    await post(t, people[2]!, 'HOLDME bring weapons to #CityRally');
    expect((await trending()).map((x) => x.name)).not.toContain('CityRally');

    const review = (await t.request({ method: 'GET', url: '/api/v1/admin/trends/tags', token: admin.token })).json();
    const rally = review.find((x: { name: string }) => x.name === 'CityRally');
    expect(rally).toMatchObject({ trendable: false, requires_review: true });
    expect(rally.parley.flagged_share).toBeCloseTo(1 / 3, 2);
    await t.request({ method: 'POST', url: `/api/v1/admin/trends/tags/${rally.id}/approve`, token: admin.token });
    expect((await trending()).map((x) => x.name)).toContain('CityRally');

    await post(t, people[0]!, 'HOLDME again #CityRally');
    await post(t, people[1]!, 'HOLDME and more #CityRally');
    // Now most of its posts are held: approval does not make it trend.
    expect((await trending()).map((x) => x.name)).not.toContain('CityRally');
  });

  it('lets an admin reject a tag, logged; moderators and users cannot review', async () => {
    const review = (await t.request({ method: 'GET', url: '/api/v1/admin/trends/tags', token: admin.token })).json();
    const fest = review.find((x: { name: string }) => x.name === 'Harbourfest');
    const user = people[0]!;
    expect((await t.request({ method: 'POST', url: `/api/v1/admin/trends/tags/${fest.id}/reject`, token: user.token })).statusCode).toBe(403);
    await t.request({ method: 'POST', url: `/api/v1/admin/trends/tags/${fest.id}/reject`, token: admin.token });
    expect((await trending()).map((x) => x.name)).not.toContain('Harbourfest');
    const log = (await t.request({ method: 'GET', url: '/api/v1/admin/audit_log?action=trend.tag_rejected', token: admin.token })).json();
    expect(log).toHaveLength(1);
  });
});
