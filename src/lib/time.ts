/** Timestamps are stored as ISO-8601 UTC strings (see db/migrations/0001). */
export function nowIso(): string {
  return new Date().toISOString();
}

export function isoIn(ms: number, from: number = Date.now()): string {
  return new Date(from + ms).toISOString();
}
