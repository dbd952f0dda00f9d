import type { Selectable } from 'kysely';
import type { DbExecutor } from '../db/database.js';
import type { StatusesTable } from '../db/schema/statuses.js';
import type { Account } from '../api/auth.js';
import { nowIso } from '../lib/time.js';

/**
 * The read queries of the statuses table group, each batched over many ids: the read path
 * loads a page of statuses and everything they need in a fixed number of queries.
 */
export type StatusRow = Selectable<StatusesTable>;

export async function loadStatusRows(db: DbExecutor, ids: readonly number[]): Promise<StatusRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('statuses').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export async function loadAccountRows(db: DbExecutor, ids: readonly number[]): Promise<Account[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('accounts').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export interface MentionRow {
  status_id: number;
  account_id: number;
}

export async function loadMentionRows(db: DbExecutor, statusIds: readonly number[]): Promise<MentionRow[]> {
  if (statusIds.length === 0) return [];
  return db
    .selectFrom('mentions')
    .select(['status_id', 'account_id'])
    .where('status_id', 'in', [...new Set(statusIds)])
    .orderBy('id')
    .execute();
}

export interface StatusTagRow {
  status_id: number;
  name: string;
  name_key: string;
}

export async function loadStatusTagRows(db: DbExecutor, statusIds: readonly number[]): Promise<StatusTagRow[]> {
  if (statusIds.length === 0) return [];
  return db
    .selectFrom('status_tags')
    .innerJoin('tags', 'tags.id', 'status_tags.tag_id')
    .select(['status_tags.status_id', 'tags.name', 'tags.name_key'])
    .where('status_tags.status_id', 'in', [...new Set(statusIds)])
    .execute();
}

export async function loadApplications(db: DbExecutor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('oauth_applications').select(['id', 'name', 'website']).where('id', 'in', [...new Set(ids)]).execute();
}

/** What a viewer has to do with a set of authors: the facts visibility rules need. */
export interface AuthorRelations {
  following: Set<number>;
  /** Authors the viewer blocks or who block the viewer. */
  blocked: Set<number>;
  muted: Set<number>;
}

export async function loadAuthorRelations(db: DbExecutor, viewerId: number, authorIds: readonly number[]): Promise<AuthorRelations> {
  const ids = [...new Set(authorIds)].filter((id) => id !== viewerId);
  if (ids.length === 0) return { following: new Set(), blocked: new Set(), muted: new Set() };
  const now = nowIso();
  const [follows, blocks, mutes] = await Promise.all([
    db.selectFrom('follows').select('target_account_id').where('account_id', '=', viewerId).where('target_account_id', 'in', ids).execute(),
    db
      .selectFrom('blocks')
      .select(['account_id', 'target_account_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('account_id', '=', viewerId), eb('target_account_id', 'in', ids)]),
          eb.and([eb('target_account_id', '=', viewerId), eb('account_id', 'in', ids)]),
        ]),
      )
      .execute(),
    db
      .selectFrom('mutes')
      .select('target_account_id')
      .where('account_id', '=', viewerId)
      .where('target_account_id', 'in', ids)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute(),
  ]);
  return {
    following: new Set(follows.map((f) => f.target_account_id)),
    blocked: new Set(blocks.map((b) => (b.account_id === viewerId ? b.target_account_id : b.account_id))),
    muted: new Set(mutes.map((m) => m.target_account_id)),
  };
}

/** The viewer's own interactions with a set of statuses. */
export interface ViewerInteractions {
  favourited: Set<number>;
  reblogged: Set<number>;
  bookmarked: Set<number>;
  pinned: Set<number>;
}

export async function loadViewerInteractions(db: DbExecutor, viewerId: number, statusIds: readonly number[]): Promise<ViewerInteractions> {
  const ids = [...new Set(statusIds)];
  if (ids.length === 0) return { favourited: new Set(), reblogged: new Set(), bookmarked: new Set(), pinned: new Set() };
  const [favourites, reblogs, bookmarks, pins] = await Promise.all([
    db.selectFrom('favourites').select('status_id').where('account_id', '=', viewerId).where('status_id', 'in', ids).execute(),
    db
      .selectFrom('statuses')
      .select('reblog_of_id')
      .where('account_id', '=', viewerId)
      .where('reblog_of_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute(),
    db.selectFrom('bookmarks').select('status_id').where('account_id', '=', viewerId).where('status_id', 'in', ids).execute(),
    db.selectFrom('status_pins').select('status_id').where('account_id', '=', viewerId).where('status_id', 'in', ids).execute(),
  ]);
  return {
    favourited: new Set(favourites.map((r) => r.status_id)),
    reblogged: new Set(reblogs.map((r) => r.reblog_of_id!)),
    bookmarked: new Set(bookmarks.map((r) => r.status_id)),
    pinned: new Set(pins.map((r) => r.status_id)),
  };
}
