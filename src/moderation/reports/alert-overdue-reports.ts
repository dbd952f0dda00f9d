import type { AppContext } from '../../context.js';
import { generateId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { recordModerationEvent } from '../events/record-moderation-event.js';
import { loadModerationSettings } from '../settings/instance-settings.js';
import { ensureSystemAccount } from '../system-account.js';

/**
 * Finds open reports past their deadline that have not been alerted yet, marks them, notifies
 * every admin (an `admin.report` notification) and queues one webhook delivery per report.
 * Each report alerts once.
 */
export async function alertOverdueReports(ctx: AppContext): Promise<number> {
  const settings = await loadModerationSettings(ctx.database.db);
  return ctx.database.transaction(async (tx) => {
    const now = nowIso();
    const overdue = await tx.db
      .selectFrom('reports')
      .select(['id', 'lane', 'category', 'deadline_at', 'target_account_id'])
      .where('action_taken_at', 'is', null)
      .where('overdue_alerted_at', 'is', null)
      .where('deadline_at', '<', now)
      .orderBy('priority', 'desc')
      .limit(500)
      .execute();
    if (overdue.length === 0) return 0;
    await tx.db.updateTable('reports').set({ overdue_alerted_at: now }).where('id', 'in', overdue.map((r) => r.id)).execute();
    const admins = await tx.db.selectFrom('users').select('account_id').where('role', '=', 'admin').where('disabled', '=', 0).execute();
    const system = await ensureSystemAccount(tx.db, ctx.config);
    const notifications = overdue.flatMap((report) =>
      admins.map((a) => ({
        id: generateId(),
        account_id: a.account_id,
        from_account_id: system.id,
        type: 'admin.report' as const,
        status_id: null,
        data: JSON.stringify({ report_id: String(report.id), overdue: true, lane: report.lane, deadline_at: report.deadline_at }),
        created_at: now,
      })),
    );
    if (notifications.length) await tx.db.insertInto('notifications').values(notifications).execute();
    for (const report of overdue) {
      await recordModerationEvent(tx.db, {
        actor_account_id: null,
        actor_type: 'system',
        action: 'report.overdue',
        subject_type: 'report',
        subjectId: report.id,
        reportId: report.id,
        data: { lane: report.lane, deadline_at: report.deadline_at },
      });
      if (settings.alertWebhookUrl) {
        await ctx.jobs.enqueue(tx, 'deliver-moderation-webhook', {
          url: settings.alertWebhookUrl,
          body: { event: 'report.overdue', report_id: String(report.id), lane: report.lane, category: report.category, deadline_at: report.deadline_at },
        });
      }
    }
    return overdue.length;
  });
}
