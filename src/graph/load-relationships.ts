import type { DbExecutor } from '../db/database.js';
import { nowIso } from '../lib/time.js';

/** Everything the Relationship entity needs about one viewer → target pair. */
export interface RelationshipState {
  targetId: number;
  following: { showReblogs: boolean; notify: boolean; languages: string[] | null } | null;
  requested: { showReblogs: boolean; notify: boolean; languages: string[] | null } | null;
  followedBy: boolean;
  requestedBy: boolean;
  blocking: boolean;
  blockedBy: boolean;
  muting: { notifications: boolean; expiresAt: string | null } | null;
}

/** Loads the viewer's relationships to many accounts in a fixed number of queries. */
export async function loadRelationships(
  db: DbExecutor,
  viewerId: number,
  targetIds: readonly number[],
): Promise<Map<number, RelationshipState>> {
  const ids = [...new Set(targetIds)];
  const out = new Map<number, RelationshipState>();
  if (ids.length === 0) return out;
  const now = nowIso();
  const [following, followedBy, requested, requestedBy, blocking, blockedBy, muting] = await Promise.all([
    db.selectFrom('follows').select(['target_account_id as id', 'show_reblogs', 'notify', 'languages'])
      .where('account_id', '=', viewerId).where('target_account_id', 'in', ids).execute(),
    db.selectFrom('follows').select('account_id as id')
      .where('target_account_id', '=', viewerId).where('account_id', 'in', ids).execute(),
    db.selectFrom('follow_requests').select(['target_account_id as id', 'show_reblogs', 'notify', 'languages'])
      .where('account_id', '=', viewerId).where('target_account_id', 'in', ids).execute(),
    db.selectFrom('follow_requests').select('account_id as id')
      .where('target_account_id', '=', viewerId).where('account_id', 'in', ids).execute(),
    db.selectFrom('blocks').select('target_account_id as id')
      .where('account_id', '=', viewerId).where('target_account_id', 'in', ids).execute(),
    db.selectFrom('blocks').select('account_id as id')
      .where('target_account_id', '=', viewerId).where('account_id', 'in', ids).execute(),
    db.selectFrom('mutes').select(['target_account_id as id', 'hide_notifications', 'expires_at'])
      .where('account_id', '=', viewerId).where('target_account_id', 'in', ids)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)])).execute(),
  ]);
  const followOptions = (r: { show_reblogs: number; notify: number; languages: string | null }) => ({
    showReblogs: r.show_reblogs === 1,
    notify: r.notify === 1,
    languages: parseLanguages(r.languages),
  });
  for (const id of ids) {
    out.set(id, {
      targetId: id,
      following: null,
      requested: null,
      followedBy: false,
      requestedBy: false,
      blocking: false,
      blockedBy: false,
      muting: null,
    });
  }
  for (const r of following) out.get(r.id)!.following = followOptions(r);
  for (const r of requested) out.get(r.id)!.requested = followOptions(r);
  for (const r of followedBy) out.get(r.id)!.followedBy = true;
  for (const r of requestedBy) out.get(r.id)!.requestedBy = true;
  for (const r of blocking) out.get(r.id)!.blocking = true;
  for (const r of blockedBy) out.get(r.id)!.blockedBy = true;
  for (const r of muting) out.get(r.id)!.muting = { notifications: r.hide_notifications === 1, expiresAt: r.expires_at };
  return out;
}

export async function loadRelationship(db: DbExecutor, viewerId: number, targetId: number): Promise<RelationshipState> {
  return (await loadRelationships(db, viewerId, [targetId])).get(targetId)!;
}

export function parseLanguages(json: string | null): string[] | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
  } catch {
    return null;
  }
}
