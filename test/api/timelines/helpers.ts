import { expect } from 'vitest';
import type { TestApp, TestUser } from '../../helpers/test-app.js';

/** Posts through the API and returns the new status id. */
export async function post(
  t: TestApp,
  user: TestUser,
  status: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/v1/statuses', token: user.token, payload: { status, ...extra } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as string;
}

export async function follow(t: TestApp, user: TestUser, target: TestUser, payload: Record<string, unknown> = {}): Promise<void> {
  const res = await t.request({ method: 'POST', url: `/api/v1/accounts/${target.id}/follow`, token: user.token, payload });
  expect(res.statusCode, res.body).toBe(200);
}

/** Ids of the statuses a timeline returns, with the original's id for reblogs as "r:<id>". */
export async function timeline(t: TestApp, url: string, user?: TestUser): Promise<string[]> {
  const res = await t.request({ method: 'GET', url, ...(user ? { token: user.token } : {}) });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Array<{ id: string; reblog: { id: string } | null }>).map((s) => (s.reblog ? `r:${s.reblog.id}` : s.id));
}
