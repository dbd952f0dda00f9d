import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput } from './params.js';

export interface PageParams {
  maxId: number | null;
  sinceId: number | null;
  minId: number | null;
  limit: number;
}

const idParam = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => {
    if (v === undefined || v === '') return null;
    const n = Number(v);
    return Number.isSafeInteger(n) && n >= 0 ? n : null;
  });

/** Reads `max_id`, `since_id`, `min_id`, `limit` (default 20, at most `maxLimit`) as Mastodon does. */
export function parsePageParams(query: unknown, defaultLimit = 20, maxLimit = 40): PageParams {
  const q = parseInput(
    z.object({
      max_id: idParam,
      since_id: idParam,
      min_id: idParam,
      limit: z.union([z.string(), z.number()]).optional(),
    }),
    query,
  );
  const requested = q.limit === undefined || q.limit === '' ? defaultLimit : Number(q.limit);
  const limit = Number.isFinite(requested) ? Math.min(Math.max(Math.trunc(requested), 1), maxLimit) : defaultLimit;
  return { maxId: q.max_id, sinceId: q.since_id, minId: q.min_id, limit };
}

/**
 * Mastodon's page semantics over a descending id sequence: `max_id` returns older items,
 * `since_id` the newest items above it, `min_id` the items immediately above it (oldest first
 * when fetched, returned newest first).
 */
export interface IdRange {
  below: number | null;
  above: number | null;
  /** When true, fetch ascending from `above` then reverse (min_id). */
  ascending: boolean;
  limit: number;
}

export function toIdRange(page: PageParams): IdRange {
  if (page.minId !== null) return { below: page.maxId, above: page.minId, ascending: true, limit: page.limit };
  return { below: page.maxId, above: page.sinceId, ascending: false, limit: page.limit };
}

/**
 * Sets the `Link` header Mastodon clients follow: `next` (older, max_id) and `prev` (newer,
 * min_id). `ids` are the pagination ids of the returned page in order (newest first).
 */
export function setLinkHeader(request: FastifyRequest, reply: FastifyReply, ids: ReadonlyArray<number>, publicUrl: string): void {
  if (ids.length === 0) return;
  const url = new URL(request.url, publicUrl);
  const base = `${publicUrl}${url.pathname}`;
  const keep = new URLSearchParams();
  for (const [k, v] of url.searchParams) {
    if (!['max_id', 'since_id', 'min_id'].includes(k)) keep.append(k, v);
  }
  const link = (key: string, id: number) => {
    const params = new URLSearchParams(keep);
    params.set(key, String(id));
    return `${base}?${params.toString()}`;
  };
  const next = link('max_id', ids[ids.length - 1]!);
  const prev = link('min_id', ids[0]!);
  reply.header('link', `<${next}>; rel="next", <${prev}>; rel="prev"`);
}
