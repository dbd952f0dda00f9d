import { sql, type Kysely } from 'kysely';

/**
 * Full-text search over statuses, kept in sync by triggers so no code path (create, edit,
 * delete, moderation) can forget to index. Both dialects get a `status_search` table keyed by
 * status id with one `document` column built from spoiler_text + text; reblogs and deleted
 * statuses are never indexed. Visibility and moderation state are applied at query time.
 *
 * - SQLite: an FTS5 table (unicode61 tokenizer, diacritics removed), rowid = status id.
 * - PostgreSQL: a tsvector in the `simple` configuration (no stemming, so every language
 *   tokenizes the same way) with a GIN index. Diacritics are folded by NFD-normalising and
 *   stripping combining marks, matching SQLite's `remove_diacritics 2` for Latin scripts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) await upPostgres(db);
  else await upSqlite(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (await isPostgres(db)) {
    await sql`drop trigger if exists statuses_search_sync on statuses`.execute(db);
    await sql`drop function if exists statuses_search_sync()`.execute(db);
    await sql`drop table if exists status_search`.execute(db);
    return;
  }
  for (const trigger of ['statuses_search_insert', 'statuses_search_update', 'statuses_search_delete']) {
    await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
  }
  await sql`drop table if exists status_search`.execute(db);
}

async function isPostgres(db: Kysely<any>): Promise<boolean> {
  // @NOTE: a probe that fails would abort PostgreSQL's migration transaction, so ask something
  // both dialects answer: PostgreSQL returns a boolean, SQLite the integer 1.
  const { rows } = await sql<{ v: unknown }>`select (1 = 1) as v`.execute(db);
  return typeof rows[0]?.v === 'boolean';
}

async function upSqlite(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create virtual table status_search using fts5(
        status_id unindexed,
        document,
        tokenize = 'unicode61 remove_diacritics 2'
      )`,
    )
    .execute(db);
  const indexable = `new.reblog_of_id is null and new.deleted_at is null`;
  await sql
    .raw(
      `create trigger statuses_search_insert after insert on statuses when ${indexable}
       begin
         insert into status_search (rowid, status_id, document)
         values (new.id, new.id, new.spoiler_text || ' ' || new.text);
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger statuses_search_update
       after update of text, spoiler_text, deleted_at, reblog_of_id on statuses
       begin
         delete from status_search where rowid = old.id;
         insert into status_search (rowid, status_id, document)
         select new.id, new.id, new.spoiler_text || ' ' || new.text where ${indexable};
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger statuses_search_delete after delete on statuses
       begin
         delete from status_search where rowid = old.id;
       end`,
    )
    .execute(db);
  // Statuses stored before this migration.
  await sql
    .raw(
      `insert into status_search (rowid, status_id, document)
       select id, id, spoiler_text || ' ' || text from statuses
       where reblog_of_id is null and deleted_at is null`,
    )
    .execute(db);
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('status_search')
    .addColumn('status_id', 'bigint', (c) => c.primaryKey().references('statuses.id').onDelete('cascade'))
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    .execute();
  await sql`create index status_search_document on status_search using gin (document)`.execute(db);
  // @NOTE: to_tsvector with an explicit configuration and built-ins only, so no extension
  // (unaccent) is needed and the trigger runs in whatever schema the tables live in.
  await sql
    .raw(
      `create or replace function statuses_search_sync() returns trigger language plpgsql as $$
       begin
         if tg_op = 'UPDATE' and new.text is not distinct from old.text
            and new.spoiler_text is not distinct from old.spoiler_text
            and new.deleted_at is not distinct from old.deleted_at
            and new.reblog_of_id is not distinct from old.reblog_of_id then
           return null;
         end if;
         if new.reblog_of_id is not null or new.deleted_at is not null then
           delete from status_search where status_id = new.id;
           return null;
         end if;
         insert into status_search (status_id, document)
         values (new.id, to_tsvector('simple',
           regexp_replace(normalize(new.spoiler_text || ' ' || new.text, NFD), '[\\u0300-\\u036f]', '', 'g')))
         on conflict (status_id) do update set document = excluded.document;
         return null;
       end
       $$`,
    )
    .execute(db);
  await sql`create trigger statuses_search_sync after insert or update on statuses
            for each row execute function statuses_search_sync()`.execute(db);
  await sql
    .raw(
      `insert into status_search (status_id, document)
       select id, to_tsvector('simple', regexp_replace(normalize(spoiler_text || ' ' || text, NFD), '[\\u0300-\\u036f]', '', 'g'))
       from statuses where reblog_of_id is null and deleted_at is null`,
    )
    .execute(db);
}
