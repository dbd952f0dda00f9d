import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { generateId } from '../../../src/lib/ids.js';
import { localFollowerBatches } from '../../../src/timelines/local-follower-batches.js';

describe('localFollowerBatches', () => {
  let t: TestApp;
  let author: TestUser;
  let followers: TestUser[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    author = await t.createUser('writer');
    followers = [];
    for (const name of ['ana', 'ben', 'cy', 'dee', 'eli']) followers.push(await t.createUser(name));
    const db = t.ctx.database.db;
    const now = new Date().toISOString();
    await db
      .insertInto('follows')
      .values(followers.map((f, i) => ({
        id: generateId(), account_id: f.accountId, target_account_id: author.accountId,
        // ana and cy asked to be notified; dee sees no reblogs and reads only German.
        show_reblogs: i === 3 ? (0 as const) : (1 as const), notify: i % 2 === 0 && i < 4 ? (1 as const) : (0 as const),
        languages: i === 3 ? '["de"]' : null, created_at: now,
      })))
      .execute();
    // eli's user is disabled: a disabled user receives nothing.
    await db.updateTable('users').set({ disabled: 1 }).where('account_id', '=', followers[4]!.accountId).execute();
    // ben has not read Parley for years.
    await db.updateTable('users').set({ last_active_at: '2020-01-01T00:00:00.000Z' }).where('account_id', '=', followers[1]!.accountId).execute();
  });
  afterAll(() => t.close());

  async function collect(filter: Parameters<typeof localFollowerBatches>[2], size: number) {
    const batches: number[][] = [];
    for await (const batch of localFollowerBatches(t.ctx.database.db, author.accountId, filter, size)) batches.push(batch.map((r) => r.id));
    return batches;
  }
  const ids = (...indexes: number[]) => indexes.map((i) => followers[i]!.accountId).sort((a, b) => a - b);

  it('pages through enabled followers in follow order, without an empty last batch', async () => {
    const batches = await collect({}, 2);
    expect(batches.map((b) => b.length)).toEqual([2, 2]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(ids(0, 1, 2, 3));
  });

  it('keeps only notified, recently active or listed followers when asked', async () => {
    expect((await collect({ notifyOnly: true }, 10)).flat().sort((a, b) => a - b)).toEqual(ids(0, 2));
    expect((await collect({ activeSince: '2024-01-01T00:00:00.000Z' }, 10)).flat().sort((a, b) => a - b)).toEqual(ids(0, 2, 3));
    expect((await collect({ onlyAccountIds: ids(1, 3, 4) }, 10)).flat().sort((a, b) => a - b)).toEqual(ids(1, 3));
  });

  it('yields no batches for an empty list of followers', async () => {
    expect(await collect({ onlyAccountIds: [] }, 10)).toEqual([]);
    expect(await collect({ onlyAccountIds: [], notifyOnly: true }, 10)).toEqual([]);
  });

  it("carries each follow's options to the delivery rules", async () => {
    const receivers = [];
    for await (const b of localFollowerBatches(t.ctx.database.db, author.accountId, { onlyAccountIds: ids(3) }, 10)) receivers.push(...b);
    expect(receivers[0]!.follow).toEqual({ showReblogs: false, languages: ['de'] });
  });
});
