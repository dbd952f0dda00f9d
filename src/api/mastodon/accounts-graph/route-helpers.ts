import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config/env.js';
import { parseId } from '../../../lib/ids.js';
import type { RelatedAccount } from '../../../graph/list-related-accounts.js';
import { notFound } from '../../errors.js';
import { parsePageParams, toIdRange, type IdRange } from '../../pagination.js';
import { serializeAccount } from '../../serializers/account.js';

/** The `:id` path segment; anything that is not an id names no record (404, as Mastodon). */
export function pathId(request: FastifyRequest): number {
  const id = parseId((request.params as { id?: string }).id);
  if (id === null) throw notFound();
  return id;
}

/** Account lists page 40 at a time, at most 80, as Mastodon's. */
export function accountPageRange(request: FastifyRequest): IdRange {
  return toIdRange(parsePageParams(request.query, 40, 80));
}

/**
 * The Link header of Mastodon's list endpoints that page by a row id other than the status id
 * (accounts lists, bookmarks, favourites): `next` only when the page came back full, and
 * `prev` with `since_id` for account lists or `min_id` for bookmarks and favourites.
 */
export function setListLinkHeader(
  request: FastifyRequest,
  reply: FastifyReply,
  ids: readonly number[],
  options: { publicUrl: string; limit: number; prevKey: 'since_id' | 'min_id' },
): void {
  if (ids.length === 0) return;
  const url = new URL(request.url, options.publicUrl);
  const keep = new URLSearchParams();
  for (const [k, v] of url.searchParams) if (!['max_id', 'since_id', 'min_id'].includes(k)) keep.append(k, v);
  const link = (key: string, id: number) => {
    const params = new URLSearchParams(keep);
    params.set(key, String(id));
    return `${options.publicUrl}${url.pathname}?${params.toString()}`;
  };
  const links: string[] = [];
  if (ids.length >= options.limit) links.push(`<${link('max_id', ids[ids.length - 1]!)}>; rel="next"`);
  links.push(`<${link(options.prevKey, ids[0]!)}>; rel="prev"`);
  reply.header('link', links.join(', '));
}

/** Serializes a page of related accounts and sets its Link header (by relation row id). */
export function sendAccountPage(request: FastifyRequest, reply: FastifyReply, items: RelatedAccount[], config: Config, limit: number) {
  setListLinkHeader(request, reply, items.map((i) => i.pageId), { publicUrl: config.publicUrl, limit, prevKey: 'since_id' });
  return items.map((i) => ({
    ...serializeAccount(i.account, config),
    ...(i.muteExpiresAt !== undefined ? { mute_expires_at: i.muteExpiresAt } : {}),
  }));
}
