import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { insertStatus } from './seed.js';

type TagJson = { id: string; name: string; url: string; following?: boolean; history: Array<{ day: string; uses: string; accounts: string }> };

describe('hashtag search', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  const hashtags = async (q: string, token: string | null = alice.token, extra = '') => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v2/search?type=hashtags&q=${encodeURIComponent(q)}${extra}`,
      ...(token ? { token } : {}),
    });
    expect(res.statusCode).toBe(200);
    return (res.json() as { hashtags: TagJson[] }).hashtags;
  };

  beforeAll(async () => {
    t = await createTestApp();
    alice = await t.createUser('alice');
    bob = await t.createUser('bob');
    await insertStatus(t.ctx, { accountId: alice.accountId, text: '#Photography', tags: ['Photography'] });
    await insertStatus(t.ctx, { accountId: bob.accountId, text: '#photo again', tags: ['photo'] });
    await insertStatus(t.ctx, { accountId: alice.accountId, text: '#photo once more', tags: ['photo'] });
    await insertStatus(t.ctx, { accountId: bob.accountId, text: '#photos_of_cats', tags: ['photos_of_cats'] });
    await insertStatus(t.ctx, { accountId: bob.accountId, text: '#Crème brûlée', tags: ['Crème'] });
    await insertStatus(t.ctx, { accountId: bob.accountId, text: '#日本語 テスト', tags: ['日本語'] });
    await insertStatus(t.ctx, { accountId: bob.accountId, text: 'private #photo', tags: ['photo'], visibility: 'private' });
  });
  afterAll(() => t.close());

  it('finds tags by prefix, with or without #, shortest first', async () => {
    expect((await hashtags('#PHO')).map((h) => h.name)).toEqual(['photo', 'Photography', 'photos_of_cats']);
    expect((await hashtags('photos_')).map((h) => h.name)).toEqual(['photos_of_cats']);
    // `_` is not a wildcard.
    expect((await hashtags('photo_')).map((h) => h.name)).toEqual([]);
  });

  it('finds non-ASCII tags', async () => {
    expect((await hashtags('crè')).map((h) => h.name)).toEqual(['Crème']);
    expect((await hashtags('#日本')).map((h) => h.name)).toEqual(['日本語']);
  });

  it('renders the Tag entity with seven days of public usage', async () => {
    const [photo] = await hashtags('photo', alice.token, '&limit=1');
    expect(photo).toMatchObject({ name: 'photo', url: 'https://parley.test/tags/photo', following: false });
    expect(photo!.history).toHaveLength(7);
    const today = photo!.history[0]!;
    expect(Number(today.day) % 86_400).toBe(0);
    // The private post is not counted.
    expect(today).toMatchObject({ uses: '2', accounts: '2' });
    expect(photo!.history.slice(1).every((d) => d.uses === '0')).toBe(true);
    const anonymous = await hashtags('photo', null, '&limit=1');
    expect(anonymous[0]).not.toHaveProperty('following');
  });

  it('answers nothing for text that cannot be a hashtag or names an account', async () => {
    expect(await hashtags('two words')).toEqual([]);
    expect(await hashtags('photo@parley.test')).toEqual([]);
  });

  it('leaves out tags no admin has reviewed when exclude_unreviewed is set', async () => {
    await t.ctx.database.db
      .updateTable('tags')
      .set({ trend_review: 'approved', trend_reviewed_at: new Date().toISOString() })
      .where('name_key', '=', 'photography')
      .execute();
    expect((await hashtags('pho', alice.token, '&exclude_unreviewed=true')).map((h) => h.name)).toEqual(['Photography']);
    expect(await hashtags('pho', alice.token, '&exclude_unreviewed=false')).toHaveLength(3);
  });

  it('pages with offset when a type is given', async () => {
    expect((await hashtags('pho', alice.token, '&limit=1&offset=1')).map((h) => h.name)).toEqual(['Photography']);
  });
});
