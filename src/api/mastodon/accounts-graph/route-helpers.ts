import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../config/env.js';
import { parseId } from '../../../lib/ids.js';
import type { RelatedAccount } from '../../../graph/list-related-accounts.js';
import { notFound } from '../../errors.js';
import { parsePageParams, setLinkHeader, toIdRange, type IdRange } from '../../pagination.js';
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

/** Serializes a page of related accounts and sets its Link header (by relation row id). */
export function sendAccountPage(request: FastifyRequest, reply: FastifyReply, items: RelatedAccount[], config: Config) {
  setLinkHeader(request, reply, items.map((i) => i.pageId), config.publicUrl);
  return items.map((i) => ({
    ...serializeAccount(i.account, config),
    ...(i.muteExpiresAt !== undefined ? { mute_expires_at: i.muteExpiresAt } : {}),
  }));
}
