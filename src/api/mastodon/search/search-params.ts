import { z } from 'zod';
import { badRequest } from '../../errors.js';

/**
 * Mastodon's `limit_param`: a missing limit is the default, any other is made positive and
 * capped at twice the default; negative offsets or limits are refused with a 400.
 */
export function searchLimit(query: { limit?: unknown; offset?: unknown }, defaultLimit: number): { limit: number; offset: number } {
  const limit = toInteger(query.limit, 'limit');
  const offset = toInteger(query.offset, 'offset');
  if ((limit !== null && limit < 0) || (offset !== null && offset < 0)) {
    throw badRequest('Pagination values for `offset` and `limit` must be positive');
  }
  return { limit: limit === null ? defaultLimit : Math.min(limit, defaultLimit * 2), offset: offset ?? 0 };
}

function toInteger(value: unknown, name: string): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(Array.isArray(value) ? value[0] : value);
  if (!Number.isFinite(n)) throw badRequest(`Pagination values for \`${name}\` must be numbers`);
  return Math.trunc(n);
}

/** Optional id filters: anything that is not an id is ignored, as Rails' `to_i` would. */
export const zOptionalId = z
  .unknown()
  .optional()
  .transform((v) => (v !== undefined && /^\d{1,16}$/.test(String(v)) ? Number(v) : null));
