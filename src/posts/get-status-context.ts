import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import type { SerializedStatus } from '../api/serializers/status.js';
import { presentStatuses } from './present-statuses.js';
import { loadVisibleStatus } from './visibility.js';

// Mastodon's limits: 40 ancestors; descendants 60 for anonymous readers, more when signed in.
const MAX_ANCESTORS = 40;
const MAX_DESCENDANTS_ANONYMOUS = 60;
const MAX_DESCENDANTS = 4096;
const MAX_DEPTH = 256;

/**
 * The thread around a status: ancestors oldest first, descendants depth-first in reply
 * order, each filtered for the viewer (visibility, blocks, mutes). Each side is one
 * recursive query, however long the thread.
 */
export async function getStatusContext(
  ctx: AppContext,
  id: number,
  viewer: Account | null,
): Promise<{ ancestors: SerializedStatus[]; descendants: SerializedStatus[] }> {
  const status = await loadVisibleStatus(ctx, id, viewer);
  const { db } = ctx.database;
  const ancestorIds: number[] = [];
  if (status.in_reply_to_id !== null) {
    const result = await sql<{ id: number }>`
      with recursive up(id, in_reply_to_id, depth) as (
        select id, in_reply_to_id, 1 from statuses where id = ${status.in_reply_to_id}
        union all
        select s.id, s.in_reply_to_id, up.depth + 1 from statuses s join up on s.id = up.in_reply_to_id
        where up.depth < ${MAX_ANCESTORS}
      )
      select id from up order by depth desc`.execute(db);
    ancestorIds.push(...result.rows.map((r) => Number(r.id)));
  }
  const limit = viewer ? MAX_DESCENDANTS : MAX_DESCENDANTS_ANONYMOUS;
  const down = await sql<{ id: number; in_reply_to_id: number }>`
    with recursive down(id, in_reply_to_id, depth) as (
      select id, in_reply_to_id, 1 from statuses where in_reply_to_id = ${status.id}
      union all
      select s.id, s.in_reply_to_id, down.depth + 1 from statuses s join down on s.in_reply_to_id = down.id
      where down.depth < ${MAX_DEPTH}
    )
    select id, in_reply_to_id from down order by id limit ${limit}`.execute(db);
  const descendantIds = depthFirst(
    status.id,
    down.rows.map((r) => ({ id: Number(r.id), parent: Number(r.in_reply_to_id) })),
  );
  const [ancestors, descendants] = await Promise.all([
    presentStatuses(ctx, ancestorIds, viewer, { applyMutes: true }),
    presentStatuses(ctx, descendantIds, viewer, { applyMutes: true }),
  ]);
  return { ancestors, descendants };
}

/** Orders a reply tree depth-first, older replies first at each level, as Mastodon shows threads. */
export function depthFirst(rootId: number, nodes: ReadonlyArray<{ id: number; parent: number }>): number[] {
  const children = new Map<number, number[]>();
  for (const node of [...nodes].sort((a, b) => a.id - b.id)) {
    const list = children.get(node.parent) ?? [];
    list.push(node.id);
    children.set(node.parent, list);
  }
  const out: number[] = [];
  const stack = [...(children.get(rootId) ?? [])].reverse();
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...[...(children.get(id) ?? [])].reverse());
  }
  return out;
}
