/**
 * The full-text index of statuses (migration 0040), maintained by database triggers only:
 * application code reads it, never writes it. On SQLite it is an FTS5 table (rowid = status
 * id), on PostgreSQL a table with a `tsvector` document; both expose `status_id`. `document`
 * is only ever matched with dialect-specific SQL (MATCH / @@) in `search/status-search-queries.ts`.
 */
export interface StatusSearchTable {
  status_id: number;
  document: string;
}
