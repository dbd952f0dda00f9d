import type { AppContext } from '../../context.js';
import type { ReportCategory, ReportLane, ReportSource } from '../../db/schema/moderation.js';
import { nowIso } from '../../lib/time.js';
import type { Moderator } from '../moderator.js';

export interface ReportFilters {
  resolved?: boolean;
  accountId?: number;
  targetAccountId?: number;
  lane?: ReportLane;
  category?: ReportCategory;
  source?: ReportSource;
  /** Only reports in these languages (reports without a language always match). */
  languages?: string[];
  assigned?: 'me' | 'none' | 'any';
  overdue?: boolean;
  /** `queue`: fast lane first, then priority, then oldest; `newest`: by id, as Mastodon. */
  order?: 'queue' | 'newest';
  maxId?: number | null;
  minId?: number | null;
  limit: number;
  offset?: number;
}

/** The moderation queue, filtered. Moderators see everything; authorization is the caller's Moderator. */
export async function listReports(ctx: AppContext, moderator: Moderator, filters: ReportFilters) {
  const now = nowIso();
  // Nobody handles, or sees who filed, reports about themselves.
  let q = ctx.database.db.selectFrom('reports').selectAll().where('target_account_id', '!=', moderator.account.id);
  if (filters.resolved !== undefined) q = q.where('action_taken_at', filters.resolved ? 'is not' : 'is', null);
  if (filters.accountId) q = q.where('account_id', '=', filters.accountId);
  if (filters.targetAccountId) q = q.where('target_account_id', '=', filters.targetAccountId);
  if (filters.lane) q = q.where('lane', '=', filters.lane);
  if (filters.category) q = q.where('category', '=', filters.category);
  if (filters.source) q = q.where('source', '=', filters.source);
  if (filters.languages?.length) {
    const langs = filters.languages;
    q = q.where((eb) => eb.or([eb('language', 'is', null), eb('language', 'in', langs)]));
  }
  if (filters.assigned === 'me') q = q.where('assigned_account_id', '=', moderator.account.id);
  if (filters.assigned === 'none') q = q.where('assigned_account_id', 'is', null);
  if (filters.overdue) q = q.where('action_taken_at', 'is', null).where('deadline_at', '<', now);
  if (filters.order === 'queue') {
    // 'violent' sorts after 'general' alphabetically, so descending puts the fast lane first.
    return q.orderBy('lane', 'desc').orderBy('priority', 'desc').orderBy('created_at', 'asc').limit(filters.limit).offset(filters.offset ?? 0).execute();
  }
  if (filters.maxId) q = q.where('id', '<', filters.maxId);
  if (filters.minId) {
    const rows = await q.where('id', '>', filters.minId).orderBy('id', 'asc').limit(filters.limit).execute();
    return rows.reverse();
  }
  return q.orderBy('id', 'desc').limit(filters.limit).execute();
}
