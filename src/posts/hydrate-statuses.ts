import type { DbExecutor } from '../db/database.js';
import type { Account } from '../api/auth.js';
import {
  loadAccountRows,
  loadApplications,
  loadAuthorRelations,
  loadMentionRows,
  loadStatusRows,
  loadStatusTagRows,
  loadViewerInteractions,
  type AuthorRelations,
  type StatusRow,
  type StatusTagRow,
  type ViewerInteractions,
} from './status-queries.js';

/** Everything needed to filter and present a set of statuses, loaded in a fixed number of queries. */
export interface Hydration {
  statuses: Map<number, StatusRow>;
  accounts: Map<number, Account>;
  /** Mentioned account ids per status, in mention order. */
  mentions: Map<number, number[]>;
  tags: Map<number, StatusTagRow[]>;
  applications: Map<number, { name: string; website: string | null }>;
  /** Null without a viewer. */
  relations: AuthorRelations | null;
  interactions: ViewerInteractions | null;
}

/**
 * Loads statuses `ids`, the originals of the reblogs among them, their authors, mentions and
 * (with `full`) tags, applications and the viewer's interactions.
 */
export async function hydrateStatuses(
  db: DbExecutor,
  ids: readonly number[],
  viewerId: number | null,
  full = true,
): Promise<Hydration> {
  const rows = await loadStatusRows(db, ids);
  const originalIds = rows.map((r) => r.reblog_of_id).filter((id): id is number => id !== null);
  const originals = await loadStatusRows(db, originalIds);
  const statuses = new Map<number, StatusRow>();
  for (const row of [...rows, ...originals]) statuses.set(row.id, row);
  const all = [...statuses.values()];
  const allIds = all.map((s) => s.id);

  const mentionRows = await loadMentionRows(db, allIds);
  const mentions = new Map<number, number[]>();
  for (const m of mentionRows) {
    const list = mentions.get(m.status_id) ?? [];
    list.push(m.account_id);
    mentions.set(m.status_id, list);
  }
  const authorIds = all.map((s) => s.account_id);
  const [accountRows, relations, tagRows, applicationRows, interactions] = await Promise.all([
    loadAccountRows(db, [...authorIds, ...mentionRows.map((m) => m.account_id)]),
    viewerId === null ? null : loadAuthorRelations(db, viewerId, authorIds),
    full ? loadStatusTagRows(db, allIds) : [],
    full ? loadApplications(db, all.map((s) => s.application_id).filter((id): id is number => id !== null)) : [],
    full && viewerId !== null ? loadViewerInteractions(db, viewerId, allIds) : null,
  ]);
  const tags = new Map<number, StatusTagRow[]>();
  for (const t of tagRows) {
    const list = tags.get(t.status_id) ?? [];
    list.push(t);
    tags.set(t.status_id, list);
  }
  return {
    statuses,
    accounts: new Map(accountRows.map((a) => [a.id, a])),
    mentions,
    tags,
    applications: new Map(applicationRows.map((a) => [a.id, { name: a.name, website: a.website }])),
    relations,
    interactions,
  };
}
