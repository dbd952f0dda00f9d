import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/test-app.js';
import { generateId } from '../../../src/lib/ids.js';
import { fanOutStatus } from '../../../src/timelines/fan-out-status.js';
import { post } from './helpers.js';

/** Counts INSERT statements per table, to check that fan-out writes a batch per statement. */
class InsertCounter implements KyselyPlugin {
  readonly inserts = new Map<string, number>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (node.kind === 'InsertQueryNode') {
      const table = node.into?.table.identifier.name ?? '?';
      this.inserts.set(table, (this.inserts.get(table) ?? 0) + 1);
    }
    return node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

describe('fan-out in batches', () => {
  let t: TestApp;
  let author: TestUser;
  const FOLLOWERS = 1100;
  let followerIds: number[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    author = await t.createUser('popular');
    const now = new Date().toISOString();
    followerIds = Array.from({ length: FOLLOWERS }, () => generateId());
    const db = t.ctx.database.db;
    // Followers are inserted directly: creating 1,100 users through the API would take minutes.
    for (let i = 0; i < FOLLOWERS; i += 250) {
      const chunk = followerIds.slice(i, i + 250);
      await db
        .insertInto('accounts')
        .values(chunk.map((id, j) => ({
          id, username: `f${i + j}`, domain: null, acct_key: `f${i + j}`, display_name: '', note: '', note_html: '', locked: 0, bot: 0,
          discoverable: 1, fields: '[]', avatar_url: null, header_url: null, uri: null, followers_count: 0, following_count: 1,
          statuses_count: 0, last_status_at: null, suspended_at: null, silenced_at: null, sensitized_at: null, created_at: now, updated_at: now,
        })))
        .execute();
      await db
        .insertInto('users')
        .values(chunk.map((id, j) => ({
          id: generateId(), account_id: id, email: `f${i + j}@example.test`, password_hash: 'x', role: 'user' as const, approved: 1 as const,
          disabled: 0 as const, locale: 'en', sign_up_reason: null, default_visibility: 'public', default_sensitive: 0 as const,
          default_language: null, created_at: now, last_sign_in_at: null,
          // Every tenth follower has been away too long to be fanned out to.
          last_active_at: (i + j) % 10 === 0 ? '2020-01-01T00:00:00.000Z' : now,
        })))
        .execute();
      await db
        .insertInto('follows')
        .values(chunk.map((id) => ({ id: generateId(), account_id: id, target_account_id: author.accountId, show_reblogs: 1 as const, notify: 0 as const, languages: null, created_at: now })))
        .execute();
    }
    await db.updateTable('accounts').set({ followers_count: FOLLOWERS }).where('id', '=', author.accountId).execute();
  });
  afterAll(() => t.close());

  it('reaches every active follower with one insert per batch, and re-running adds nothing', async () => {
    // Posted with jobs drained by the request helper: fan-out already ran once.
    const id = Number(await post(t, author, 'hello, everyone'));
    const count = async () =>
      Number(
        (await t.ctx.database.db.selectFrom('home_feed').select((eb) => eb.fn.countAll<number>().as('n')).where('status_id', '=', id).executeTakeFirstOrThrow()).n,
      );
    expect(await count()).toBe(FOLLOWERS - FOLLOWERS / 10 + 1);

    const counter = new InsertCounter();
    const counted = { ...t.ctx, database: { ...t.ctx.database, db: t.ctx.database.db.withPlugin(counter) } };
    await fanOutStatus(counted, id);
    expect(await count()).toBe(FOLLOWERS - FOLLOWERS / 10 + 1);
    // Author's own feed, then two batches of active followers (500 + 490): three statements.
    expect(counter.inserts.get('home_feed')).toBe(3);
  });
});
