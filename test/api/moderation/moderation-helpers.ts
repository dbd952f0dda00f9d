import type { TestApp, TestUser } from '../../helpers/test-app.js';
import type { ScreeningResult } from '../../../src/moderation/content-screener.js';

/** Replaces the screener so a test decides which posts are held. */
export function holdPostsContaining(t: TestApp, marker: string): void {
  const real = t.ctx.screener;
  t.ctx.screener = {
    screen(text, input): ScreeningResult {
      if (text.includes(marker)) {
        return { decision: 'hold', category: 'threat', score: 0.99, lang: 'en', reasons: ['first-person threat: "i will" + harm verb'] };
      }
      return real.screen(text, input);
    },
  };
}

export async function post(t: TestApp, user: TestUser, status: string, extra: Record<string, unknown> = {}) {
  const res = await t.request({ method: 'POST', url: '/api/v1/statuses', token: user.token, payload: { status, ...extra } });
  if (res.statusCode !== 200) throw new Error(`posting failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; account: { id: string } };
}

export async function reportIdForStatus(t: TestApp, statusId: string): Promise<string> {
  const row = await t.ctx.database.db
    .selectFrom('report_statuses')
    .select('report_id')
    .where('status_id', '=', Number(statusId))
    .executeTakeFirstOrThrow();
  return String(row.report_id);
}
