import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { serializeAccount } from '../api/serializers/account.js';
import {
  STATUS_NOTIFICATION_TYPES,
  serializeNotification,
  type SerializedNotification,
} from '../api/serializers/notification.js';
import type { SerializedStatus } from '../api/serializers/status.js';
import { loadAccountsByIds } from '../graph/graph-queries.js';
import { presentStatuses } from '../posts/present-statuses.js';
import type { NotificationRow } from './notification-queries.js';

/**
 * Hydrates notifications in a fixed number of queries and serializes them in order. A
 * notification about a status the viewer can no longer see (deleted, held, now private) is
 * dropped, as Mastodon drops notifications whose status is gone.
 */
export async function presentNotifications(ctx: AppContext, rows: readonly NotificationRow[], viewer: Account): Promise<SerializedNotification[]> {
  const { db } = ctx.database;
  const statusIds = rows.filter((r) => STATUS_NOTIFICATION_TYPES.has(r.type) && r.status_id !== null).map((r) => r.status_id!);
  const warningIds = rows
    .filter((r) => r.type === 'moderation_warning')
    .map((r) => Number(parseData(r.data).account_warning_id))
    .filter((id) => Number.isSafeInteger(id) && id > 0);
  const [accounts, statuses, warnings] = await Promise.all([
    loadAccountsByIds(db, rows.map((r) => r.from_account_id)),
    presentStatuses(ctx, [...new Set(statusIds)], viewer),
    loadWarnings(ctx, warningIds, viewer),
  ]);
  const statusById = new Map(statuses.map((s) => [s.id, s]));
  const out: SerializedNotification[] = [];
  for (const row of rows) {
    const account = accounts.get(row.from_account_id);
    if (!account) continue;
    let status: SerializedStatus | null = null;
    if (STATUS_NOTIFICATION_TYPES.has(row.type)) {
      const found = row.status_id === null ? undefined : statusById.get(String(row.status_id));
      if (!found) continue;
      // A reblog notification names the reblog; Mastodon shows the post that was reblogged.
      status = row.type === 'reblog' && found.reblog ? found.reblog : found;
    }
    let moderationWarning: Record<string, unknown> | null = null;
    if (row.type === 'moderation_warning') {
      moderationWarning = warnings.get(String(parseData(row.data).account_warning_id)) ?? null;
      if (!moderationWarning) continue;
    }
    out.push(
      serializeNotification({
        id: row.id,
        type: row.type,
        createdAt: row.created_at,
        account: serializeAccount(account, ctx.config),
        status,
        moderationWarning,
      }),
    );
  }
  return out;
}

function parseData(data: string | null): Record<string, unknown> {
  if (!data) return {};
  try {
    const value = JSON.parse(data) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The AccountWarning entities (Mastodon's shape) of the viewer's moderation warnings. */
async function loadWarnings(ctx: AppContext, ids: number[], viewer: Account): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  if (ids.length === 0) return out;
  const { db } = ctx.database;
  const warnings = await db.selectFrom('account_warnings').selectAll().where('id', 'in', ids).where('target_account_id', '=', viewer.id).execute();
  const appeals = warnings.length
    ? await db.selectFrom('appeals').select(['account_warning_id', 'text', 'state']).where('account_warning_id', 'in', warnings.map((w) => w.id)).execute()
    : [];
  const appealBy = new Map(appeals.map((a) => [a.account_warning_id, a]));
  const target = serializeAccount(viewer, ctx.config);
  for (const w of warnings) {
    const appeal = appealBy.get(w.id);
    out.set(String(w.id), {
      id: String(w.id),
      action: w.action,
      text: w.text,
      status_ids: safeIds(w.status_ids),
      target_account: target,
      appeal: appeal ? { text: appeal.text, state: appeal.state } : null,
      created_at: w.created_at,
    });
  }
  return out;
}

function safeIds(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
