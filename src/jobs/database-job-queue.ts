import { sql } from 'kysely';
import type { Database, Tx } from '../db/database.js';
import type { Logger } from '../logger.js';
import { generateId } from '../lib/ids.js';
import { isoIn, nowIso } from '../lib/time.js';
import { backoffMs, type EnqueueOptions, type JobHandler, type JobQueue } from './job-queue.js';

const LOCK_MS = 5 * 60_000;
const IDLE_POLL_MS = 250;

/**
 * The job queue of the embedded mode: rows in the `jobs` table of the same database, so an
 * enqueued job commits or rolls back with the write that caused it. Works on PostgreSQL too
 * (with SKIP LOCKED so several workers never take the same job).
 */
export class DatabaseJobQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler<any>>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {}

  async enqueue(tx: Tx, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
    const now = nowIso();
    await tx.db
      .insertInto('jobs')
      .values({
        id: generateId(),
        name,
        payload: JSON.stringify(payload ?? null),
        run_at: options.delayMs ? isoIn(options.delayMs) : now,
        attempts: 0,
        max_attempts: options.maxAttempts ?? 8,
        locked_until: null,
        last_error: null,
        failed_at: null,
        created_at: now,
      })
      .execute();
    tx.onCommit(() => this.wake?.());
  }

  register<P>(name: string, handler: JobHandler<P>): void {
    this.handlers.set(name, handler as JobHandler<any>);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.work();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  async drain(): Promise<number> {
    let ran = 0;
    while (await this.runOne()) ran += 1;
    return ran;
  }

  private async work(): Promise<void> {
    while (this.running) {
      let didWork = false;
      try {
        didWork = await this.runOne();
      } catch (err) {
        this.logger.error({ err }, 'job worker failed to claim a job');
      }
      if (!didWork && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, IDLE_POLL_MS);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  /** Claims and runs one due job; returns false when none is due. */
  private async runOne(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    const handler = this.handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
      await handler(JSON.parse(job.payload));
      await this.database.db.deleteFrom('jobs').where('id', '=', job.id).execute();
    } catch (err) {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      const exhausted = job.attempts >= job.max_attempts;
      this.logger.warn({ job: job.name, jobId: job.id, attempt: job.attempts, exhausted, err }, 'job failed');
      await this.database.db
        .updateTable('jobs')
        .set({
          locked_until: null,
          last_error: message.slice(0, 4000),
          run_at: isoIn(backoffMs(job.attempts)),
          failed_at: exhausted ? nowIso() : null,
        })
        .where('id', '=', job.id)
        .execute();
    }
    return true;
  }

  private async claim() {
    const now = nowIso();
    const due = this.database.db
      .selectFrom('jobs')
      .select('id')
      .where('failed_at', 'is', null)
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('run_at')
      .limit(1)
      .$if(this.database.dialect === 'postgres', (qb) => qb.modifyEnd(sql`for update skip locked`));
    const claimed = await this.database.db
      .updateTable('jobs')
      .set((eb) => ({ locked_until: isoIn(LOCK_MS), attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', due)
      .returningAll()
      .executeTakeFirst();
    return claimed ?? null;
  }
}
