import type { TestApp, TestUser } from '../../helpers/test-app.js';
import { generateId } from '../../../src/lib/ids.js';
import { nowIso } from '../../../src/lib/time.js';

/** Posts a status and returns its JSON (asserting success). */
export async function post(t: TestApp, user: TestUser, payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await t.request({ method: 'POST', url: '/api/v1/statuses', token: user.token, payload, headers });
  if (res.statusCode !== 200) throw new Error(`post failed: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, any>;
}

/** Graph rows written directly: the statuses tests must not depend on the graph endpoints. */
export async function follow(t: TestApp, from: TestUser, to: TestUser): Promise<void> {
  await t.ctx.database.db
    .insertInto('follows')
    .values({ id: generateId(), account_id: from.accountId, target_account_id: to.accountId, show_reblogs: 1, notify: 0, languages: null, created_at: nowIso() })
    .execute();
}

export async function block(t: TestApp, from: TestUser, to: TestUser): Promise<void> {
  await t.ctx.database.db
    .insertInto('blocks')
    .values({ id: generateId(), account_id: from.accountId, target_account_id: to.accountId, created_at: nowIso() })
    .execute();
}

export async function mute(t: TestApp, from: TestUser, to: TestUser): Promise<void> {
  await t.ctx.database.db
    .insertInto('mutes')
    .values({ id: generateId(), account_id: from.accountId, target_account_id: to.accountId, hide_notifications: 1, expires_at: null, created_at: nowIso() })
    .execute();
}

export async function accountRow(t: TestApp, user: TestUser) {
  return t.ctx.database.db.selectFrom('accounts').selectAll().where('id', '=', user.accountId).executeTakeFirstOrThrow();
}

export async function statusRow(t: TestApp, id: string | number) {
  return t.ctx.database.db.selectFrom('statuses').selectAll().where('id', '=', Number(id)).executeTakeFirstOrThrow();
}

export async function notificationsOf(t: TestApp, user: TestUser) {
  return t.ctx.database.db.selectFrom('notifications').selectAll().where('account_id', '=', user.accountId).orderBy('id').execute();
}

export const holdEverything = {
  screen: () => ({ decision: 'hold' as const, category: 'threat', score: 0.99, lang: 'en', reasons: ['threat against a named person'] }),
};

/** Records every job enqueued from now on (handlers may run and delete them on drain). */
export function recordJobs(t: TestApp): Array<{ name: string; payload: any }> {
  const seen: Array<{ name: string; payload: any }> = [];
  const original = t.ctx.jobs.enqueue.bind(t.ctx.jobs);
  t.ctx.jobs.enqueue = async (tx, name, payload, options) => {
    seen.push({ name, payload });
    return original(tx, name, payload, options);
  };
  return seen;
}
