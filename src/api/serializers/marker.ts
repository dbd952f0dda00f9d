import type { Marker } from '../../accounts/markers.js';

/** Mastodon's markers response: `{ home: Marker, notifications: Marker }`, present ones only. */
export function serializeMarkers(markers: Marker[]) {
  return Object.fromEntries(
    markers.map((m) => [m.timeline, { last_read_id: String(m.last_read_id), version: m.version, updated_at: m.updated_at }]),
  );
}
