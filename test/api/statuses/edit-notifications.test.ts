import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { notifyStatusUpdate } from '../../../src/posts/edit-post.js';
import { block, mute, post } from './helpers.js';

describe('update notifications to boosters', () => {
  let t: TestApp;
  let author: TestUser;
  const boosters: Record<string, TestUser> = {};
  beforeAll(async () => {
    t = await createTestApp();
    author = await t.createUser('editing_author');
    for (const name of ['plain', 'blocked', 'muting']) boosters[name] = await t.createUser(`booster_${name}`);
  });
  afterAll(() => t.close());

  const updates = async (user: TestUser) =>
    t.ctx.database.db.selectFrom('notifications').select('id').where('account_id', '=', user.accountId).where('type', '=', 'update').execute();

  it('reaches boosters once, never across a block or a notification mute, even when the job runs again', async () => {
    const status = await post(t, author, { status: 'first version' });
    for (const b of Object.values(boosters)) {
      expect((await t.request({ method: 'POST', url: `/api/v1/statuses/${status.id}/reblog`, token: b.token })).statusCode).toBe(200);
    }
    await block(t, author, boosters.blocked!);
    await mute(t, boosters.muting!, author);
    const edit = await t.request({ method: 'PUT', url: `/api/v1/statuses/${status.id}`, token: author.token, payload: { status: 'second version' } });
    expect(edit.statusCode).toBe(200);
    await notifyStatusUpdate(t.ctx, { statusId: Number(status.id) });
    expect(await updates(boosters.plain!)).toHaveLength(1);
    expect(await updates(boosters.blocked!)).toHaveLength(0);
    expect(await updates(boosters.muting!)).toHaveLength(0);
  });
});
