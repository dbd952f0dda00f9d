import type { DbExecutor } from '../db/database.js';
import { forbidden, notFound, unprocessable } from '../api/errors.js';
import type { Actor } from './moderator.js';

/**
 * Nobody moderates their own content or account, and only admins act on staff (moderators and
 * admins). Every action and every reversal goes through this check.
 */
export async function assertMayActOn(db: DbExecutor, actor: Actor, targetAccountId: number): Promise<void> {
  if (actor.actorType === 'juror') return;
  if (targetAccountId === actor.account.id) throw forbidden('You cannot moderate your own account or posts');
  if (actor.actorType === 'admin') return;
  const target = await db.selectFrom('users').select('role').where('account_id', '=', targetAccountId).executeTakeFirst();
  if (target && target.role !== 'user') throw forbidden('Only an admin can act on a staff account');
}

/** A report passed with an action must be about the account acted on. */
export async function assertReportConcerns(db: DbExecutor, reportId: number, targetAccountId: number, statusId?: number): Promise<{ category: string }> {
  const report = await db.selectFrom('reports').select(['category', 'target_account_id']).where('id', '=', reportId).executeTakeFirst();
  if (!report) throw notFound('No report with that id');
  if (report.target_account_id !== targetAccountId) throw unprocessable('Validation failed: the report is about another account');
  if (statusId !== undefined) {
    const linked = await db.selectFrom('report_statuses').select('status_id').where('report_id', '=', reportId).where('status_id', '=', statusId).executeTakeFirst();
    const hasStatuses = await db.selectFrom('report_statuses').select('status_id').where('report_id', '=', reportId).limit(1).executeTakeFirst();
    if (hasStatuses && !linked) throw unprocessable('Validation failed: the report does not concern this post');
  }
  return { category: report.category };
}
