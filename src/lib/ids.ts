/**
 * Time-ordered integer ids, rendered to clients as strings (as Mastodon's are).
 *
 * id = (milliseconds since 2020-01-01) * 4096 + sequence. That stays below 2^53 until
 * about 2089, so ids are exact JavaScript numbers and `max_id` / `since_id` pagination is a
 * plain range scan. The sequence starts at a random point in each millisecond so that
 * several processes rarely collide; the primary key rejects the rare collision.
 */
const EPOCH_MS = Date.UTC(2020, 0, 1);
const SEQUENCE_SPAN = 4096;

let lastMs = 0;
let sequence = 0;

export function generateId(now: number = Date.now()): number {
  const ms = Math.max(now - EPOCH_MS, 0);
  if (ms > lastMs) {
    lastMs = ms;
    sequence = Math.floor(Math.random() * (SEQUENCE_SPAN / 2));
  } else {
    sequence += 1;
    if (sequence >= SEQUENCE_SPAN) {
      // Borrow the next millisecond rather than repeat an id.
      lastMs += 1;
      sequence = 0;
    }
  }
  return lastMs * SEQUENCE_SPAN + sequence;
}

/** The smallest id that could have been generated at `date`, for time-based pagination. */
export function idForTime(date: Date): number {
  return Math.max(date.getTime() - EPOCH_MS, 0) * SEQUENCE_SPAN;
}

export function timeOfId(id: number): Date {
  return new Date(Math.floor(id / SEQUENCE_SPAN) + EPOCH_MS);
}

/** Parses a client-supplied id; returns null when it is not a positive safe integer. */
export function parseId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string' || !/^\d{1,16}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
