import type { Tx } from '../db/database.js';

export interface EnqueueOptions {
  /** Run no sooner than this many milliseconds from now. */
  delayMs?: number;
  maxAttempts?: number;
}

/**
 * Durable background work. Jobs are enqueued inside the transaction that makes them
 * necessary, so a job exists exactly when its cause was committed. Handlers must be
 * idempotent: delivery is at-least-once, with retries and backoff.
 */
export interface JobQueue {
  enqueue(tx: Tx, name: string, payload: unknown, options?: EnqueueOptions): Promise<void>;
  /** Registers the handler for a job name. */
  register<P>(name: string, handler: JobHandler<P>): void;
  /** Starts working jobs in this process. */
  start(): void;
  /** Stops taking new jobs and waits for running ones. */
  stop(): Promise<void>;
  /** Runs every due job until none is left (tests and CLI tools). Returns how many ran. */
  drain(): Promise<number>;
}

export type JobHandler<P = unknown> = (payload: P) => Promise<void>;

/** Exponential backoff with a cap: 2 s, 4 s, 8 s … up to one hour. */
export function backoffMs(attempt: number): number {
  return Math.min(2 ** attempt * 1000, 3_600_000);
}
