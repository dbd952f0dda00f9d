import type { AppContext } from '../../context.js';
import { nowIso } from '../../lib/time.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';
import { loadModerationSettings } from '../settings/instance-settings.js';

/**
 * Removed posts are kept for the retention period so an appeal can restore them; after it,
 * their text is erased for good (the row stays as a tombstone so reports, the log and
 * statements of reasons still point somewhere). A post under a pending appeal is kept.
 */
export async function purgeExpiredRemovals(ctx: AppContext): Promise<number> {
  const { retentionDays } = await loadModerationSettings(ctx.database.db);
  const cutoff = new Date(Date.now() - retentionDays * 86_400_000).toISOString();
  return ctx.database.transaction(async (tx) => {
    const candidates = await tx.db
      .selectFrom('statuses')
      .select(['id'])
      .where('moderation_state', '=', 'removed')
      .where('moderated_at', '<', cutoff)
      .where('text', '!=', '')
      .limit(500)
      .execute();
    if (candidates.length === 0) return 0;
    const pendingAppeals = await tx.db
      .selectFrom('appeals')
      .innerJoin('account_warnings', 'account_warnings.id', 'appeals.account_warning_id')
      .select('account_warnings.status_ids')
      .where('appeals.state', '=', 'pending')
      .execute();
    const protectedIds = new Set(pendingAppeals.flatMap((a) => (JSON.parse(a.status_ids) as string[]).map(Number)));
    const ids = candidates.map((c) => c.id).filter((id) => !protectedIds.has(id));
    if (ids.length === 0) return 0;
    await tx.db.updateTable('statuses').set({ text: '', content: '', spoiler_text: '' }).where('id', 'in', ids).execute();
    await tx.db.deleteFrom('status_edits').where('status_id', 'in', ids).execute();
    await recordModerationEvent(tx.db, {
      actor_account_id: null,
      actor_type: 'system',
      action: 'status.purged',
      subject_type: 'status',
      text: `retention of ${retentionDays} days passed`,
      data: { status_ids: ids.map(String), at: nowIso() },
    });
    return ids.length;
  });
}
