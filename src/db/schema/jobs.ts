/** The durable job queue of the embedded mode (and of PostgreSQL without Redis). */
export interface JobsTable {
  id: number;
  name: string;
  /** JSON payload. */
  payload: string;
  /** ISO time before which the job is not run (backoff, delays). */
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  last_error: string | null;
  /** Set when the job exhausted its attempts; it stays for admins to see and retry. */
  failed_at: string | null;
  created_at: string;
}
