import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { follow, post, timeline } from './helpers.js';

describe('home timeline: high-follower accounts merged at read time', () => {
  let t: TestApp;
  let star: TestUser;
  let fan1: TestUser;
  let fan2: TestUser;
  let friend: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ fanOutFollowerLimit: 1 });
    star = await t.createUser('star');
    fan1 = await t.createUser('fan1');
    fan2 = await t.createUser('fan2');
    friend = await t.createUser('friend');
    await follow(t, fan1, star);
    await follow(t, fan2, star);
    await follow(t, fan1, friend);
  });
  afterAll(() => t.close());

  const feedIds = async (user: TestUser) =>
    (await t.ctx.database.db.selectFrom('home_feed').select('status_id').where('account_id', '=', user.accountId).execute()).map((r) => String(r.status_id));

  it('does not fan out posts of accounts above the limit, but shows them in home', async () => {
    const starPost = await post(t, star, 'to my many fans');
    const friendPost = await post(t, friend, 'just a friend');
    expect(await feedIds(fan1)).not.toContain(starPost);
    expect(await feedIds(fan1)).toContain(friendPost);
    expect(await feedIds(star)).toContain(starPost);
    expect(await timeline(t, '/api/v1/timelines/home', fan1)).toEqual([friendPost, starPost]);
    expect(await timeline(t, '/api/v1/timelines/home', fan2)).toEqual([starPost]);
  });

  it('interleaves merged posts with the feed and pages through both', async () => {
    const a = await post(t, friend, 'friend 1');
    const b = await post(t, star, 'star 1');
    const c = await post(t, friend, 'friend 2');
    const d = await post(t, star, 'star 2');
    const first = await t.request({ method: 'GET', url: '/api/v1/timelines/home?limit=2', token: fan1.token });
    expect(first.json().map((s: { id: string }) => s.id)).toEqual([d, c]);
    expect(first.headers.link).toBe(
      `<https://parley.test/api/v1/timelines/home?limit=2&max_id=${c}>; rel="next", <https://parley.test/api/v1/timelines/home?limit=2&min_id=${d}>; rel="prev"`,
    );
    expect(await timeline(t, `/api/v1/timelines/home?limit=2&max_id=${c}`, fan1)).toEqual([b, a]);
    expect(await timeline(t, `/api/v1/timelines/home?limit=2&min_id=${a}`, fan1)).toEqual([c, b]);
    expect(await timeline(t, `/api/v1/timelines/home?limit=2&since_id=${a}`, fan1)).toEqual([d, c]);
  });

  it('respects reblogs: false and unfollow for merged accounts', async () => {
    const other = await t.createUser('other');
    const original = await post(t, other, 'boost me');
    await t.request({ method: 'POST', url: `/api/v1/statuses/${original}/reblog`, token: star.token });
    expect(await timeline(t, '/api/v1/timelines/home?limit=1', fan2)).toEqual([`r:${original}`]);
    await follow(t, fan2, star, { reblogs: false });
    expect(await timeline(t, '/api/v1/timelines/home', fan2)).not.toContain(`r:${original}`);
    await t.request({ method: 'POST', url: `/api/v1/accounts/${star.id}/unfollow`, token: fan2.token });
    expect(await timeline(t, '/api/v1/timelines/home', fan2)).toEqual([]);
  });
});

describe('home feed cap and inactive followers', () => {
  let t: TestApp;
  let author: TestUser;
  let reader: TestUser;
  let sleeper: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ homeFeedCap: 3 });
    author = await t.createUser('author');
    reader = await t.createUser('reader');
    sleeper = await t.createUser('sleeper');
    await follow(t, reader, author);
    await follow(t, sleeper, author);
  });
  afterAll(() => t.close());

  it('trims each feed to the cap, keeping the newest', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await post(t, author, `post ${i}`));
    const rows = await t.ctx.database.db.selectFrom('home_feed').select('status_id').where('account_id', '=', reader.accountId).orderBy('status_id', 'desc').execute();
    expect(rows.map((r) => String(r.status_id))).toEqual(ids.slice(2).reverse());
  });

  it('skips followers who have not been active recently', async () => {
    const old = new Date(Date.now() - 60 * 24 * 3600_000).toISOString();
    await t.ctx.database.db.updateTable('users').set({ last_active_at: old }).where('account_id', '=', sleeper.accountId).execute();
    const id = await post(t, author, 'nobody asleep sees this in their feed');
    const sleeperFeed = await t.ctx.database.db.selectFrom('home_feed').select('status_id').where('account_id', '=', sleeper.accountId).execute();
    expect(sleeperFeed.map((r) => String(r.status_id))).not.toContain(id);
    const readerFeed = await t.ctx.database.db.selectFrom('home_feed').select('status_id').where('account_id', '=', reader.accountId).execute();
    expect(readerFeed.map((r) => String(r.status_id))).toContain(id);
  });
});
