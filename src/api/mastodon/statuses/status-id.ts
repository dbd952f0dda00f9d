import { notFound } from '../../errors.js';
import { parseId } from '../../../lib/ids.js';

/** The `:id` of a status URL; anything that is not an id cannot name a status, so 404. */
export function statusIdParam(params: unknown): number {
  const id = parseId((params as { id?: unknown } | null)?.id);
  if (id === null) throw notFound();
  return id;
}
