import type { AppContext } from '../../context.js';
import type { Account } from '../../api/auth.js';
import { notFound, unprocessable } from '../../api/errors.js';
import { generateId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';
import { loadModerationSettings } from '../settings/instance-settings.js';

export const MAX_APPEAL_TEXT = 2000;

/** The last moment a decision can be appealed. */
export function appealDeadline(createdAt: string, windowDays: number): string {
  return new Date(Date.parse(createdAt) + windowDays * 86_400_000).toISOString();
}

/**
 * The affected user appeals a decision: once per decision, within the appeal window, with a
 * text. The appeal goes to a moderator other than the one who decided.
 */
export async function appealDecision(ctx: AppContext, account: Account, warningId: number, text: string) {
  const body = text.trim();
  if (!body) throw unprocessable("Validation failed: text can't be blank");
  if (body.length > MAX_APPEAL_TEXT) throw unprocessable(`Validation failed: text is longer than ${MAX_APPEAL_TEXT} characters`);
  return ctx.database.transaction(async (tx) => {
    const warning = await tx.db.selectFrom('account_warnings').selectAll().where('id', '=', warningId).executeTakeFirst();
    // Someone else's decision is not even acknowledged to exist.
    if (!warning || warning.target_account_id !== account.id) throw notFound();
    const settings = await loadModerationSettings(tx.db);
    if (Date.now() > Date.parse(appealDeadline(warning.created_at, settings.appealWindowDays))) {
      throw unprocessable(`Validation failed: decisions can be appealed within ${settings.appealWindowDays} days`);
    }
    if (warning.overturned_at) throw unprocessable('Validation failed: this decision has already been reversed');
    const existing = await tx.db.selectFrom('appeals').select('id').where('account_warning_id', '=', warningId).executeTakeFirst();
    if (existing) throw unprocessable('Validation failed: this decision has already been appealed');
    const id = generateId();
    await tx.db
      .insertInto('appeals')
      .values({ id, account_warning_id: warningId, account_id: account.id, text: body, state: 'pending', decided_by_account_id: null, decided_at: null, created_at: nowIso() })
      .execute();
    await recordModerationEvent(tx.db, {
      actor_account_id: account.id,
      actor_type: 'user',
      action: 'appeal.filed',
      subject_type: 'appeal',
      subjectId: id,
      reportId: warning.report_id,
      text: body,
      data: { account_warning_id: String(warningId) },
    });
    return id;
  });
}
