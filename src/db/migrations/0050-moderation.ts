import { sql, type Kysely } from 'kysely';

/**
 * Human moderation: reports and their queues, the append-only moderation log, trusted
 * flaggers, statements of reasons, appeals, admin screening rules and instance settings; timed
 * sanctions on accounts; the instance's system account that files screening reports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('flagger_id', 'bigint')
    .addColumn('target_account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('rule_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('lane', 'text', (c) => c.notNull())
    .addColumn('priority', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('reporter_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('language', 'text')
    .addColumn('screening', 'text')
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('overdue_alerted_at', 'text')
    .addColumn('assigned_account_id', 'bigint')
    .addColumn('action_taken_at', 'text')
    .addColumn('action_taken_by_account_id', 'bigint')
    .addColumn('resolution', 'text')
    .addColumn('forwarded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_queue').on('reports').columns(['action_taken_at', 'lane', 'priority']).execute();
  await db.schema.createIndex('reports_target').on('reports').columns(['target_account_id', 'action_taken_at']).execute();

  await db.schema
    .createTable('report_statuses')
    .addColumn('report_id', 'bigint', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('status_id', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_statuses_pk', ['report_id', 'status_id'])
    .execute();
  await db.schema.createIndex('report_statuses_status').on('report_statuses').columns(['status_id', 'report_id']).execute();

  await db.schema
    .createTable('report_reporters')
    .addColumn('report_id', 'bigint', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('reporter_key', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_reporters_pk', ['report_id', 'reporter_key'])
    .execute();

  await db.schema
    .createTable('moderation_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('actor_account_id', 'bigint')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'bigint')
    .addColumn('report_id', 'bigint')
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('data', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('moderation_events_subject').on('moderation_events').columns(['subject_type', 'subject_id', 'id']).execute();
  await db.schema.createIndex('moderation_events_actor').on('moderation_events').columns(['actor_account_id', 'id']).execute();
  await db.schema.createIndex('moderation_events_report').on('moderation_events').columns(['report_id', 'id']).execute();
  await makeAppendOnly(db, 'moderation_events');

  await db.schema
    .createTable('trusted_flaggers')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('api_key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by_account_id', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('flags')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('flagger_id', 'bigint', (c) => c.notNull().references('trusted_flaggers.id'))
    .addColumn('report_id', 'bigint', (c) => c.notNull().references('reports.id'))
    .addColumn('status_id', 'bigint', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('flags_flagger').on('flags').columns(['flagger_id', 'id']).execute();

  await db.schema
    .createTable('account_warnings')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('target_account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('moderator_account_id', 'bigint')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('report_id', 'bigint')
    .addColumn('category', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('strike_severity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('overturned_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_warnings_target').on('account_warnings').columns(['target_account_id', 'id']).execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('account_warning_id', 'bigint', (c) => c.notNull().unique().references('account_warnings.id'))
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('decided_by_account_id', 'bigint')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('screening_rules')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('lang', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('created_by_account_id', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('instance_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Timed sanctions lift themselves: the end of each is stored beside its start.
  await db.schema.alterTable('accounts').addColumn('suspension_ends_at', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('silence_ends_at', 'text').execute();
  // Removed posts are kept (for appeals) until the retention period has passed.
  await db.schema.alterTable('statuses').addColumn('moderated_at', 'text').execute();
  // Languages a moderator reads (JSON array), to filter the queue.
  await db.schema.alterTable('users').addColumn('moderation_languages', 'text').execute();
  // Trending tags are reviewed: approved, rejected, or (null) not yet looked at.
  await db.schema.alterTable('tags').addColumn('trend_review', 'text').execute();
  await db.schema.alterTable('tags').addColumn('trend_reviewed_at', 'text').execute();
  // Trusted users an admin made jurors of the community jury.
  await db.schema.alterTable('users').addColumn('juror', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('jury_votes')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('case_id', 'bigint', (c) => c.notNull())
    .addColumn('juror_account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('vote', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('jury_votes_one_per_juror', ['case_type', 'case_id', 'juror_account_id'])
    .execute();
}

/** Refuses UPDATE and DELETE at the database level, so no code path can rewrite history. */
async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  const isPostgres = await detectPostgres(db);
  if (isPostgres) {
    await sql`create or replace function parley_refuse_change() returns trigger language plpgsql as $$
      begin raise exception '% is append-only', TG_TABLE_NAME; end $$`.execute(db);
    await sql.raw(
      `create trigger ${table}_append_only before update or delete on ${table} for each row execute function parley_refuse_change()`,
    ).execute(db);
  } else {
    for (const op of ['update', 'delete']) {
      await sql.raw(
        `create trigger ${table}_no_${op} before ${op} on ${table} begin select raise(abort, '${table} is append-only'); end`,
      ).execute(db);
    }
  }
}

async function detectPostgres(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'jury_votes', 'instance_settings', 'screening_rules', 'appeals', 'account_warnings', 'flags', 'trusted_flaggers',
    'moderation_events', 'report_reporters', 'report_statuses', 'reports',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
