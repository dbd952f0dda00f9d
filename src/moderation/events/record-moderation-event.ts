import type { DbExecutor } from '../../db/database.js';
import type { ModerationEventsTable } from '../../db/schema/moderation.js';
import { generateId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';

export type ModerationEventInput = Omit<ModerationEventsTable, 'id' | 'created_at' | 'data' | 'text' | 'report_id' | 'subject_id'> & {
  subjectId?: number | null;
  reportId?: number | null;
  text?: string;
  data?: Record<string, unknown> | null;
};

/**
 * Appends one entry to the moderation log. Call it in the same transaction as the change it
 * records, so the log and the state it explains never disagree.
 */
export async function recordModerationEvent(db: DbExecutor, event: ModerationEventInput): Promise<number> {
  const id = generateId();
  await db
    .insertInto('moderation_events')
    .values({
      id,
      actor_account_id: event.actor_account_id,
      actor_type: event.actor_type,
      action: event.action,
      subject_type: event.subject_type,
      subject_id: event.subjectId ?? null,
      report_id: event.reportId ?? null,
      text: event.text ?? '',
      data: event.data ? JSON.stringify(event.data) : null,
      created_at: nowIso(),
    })
    .execute();
  return id;
}
