import type { Kysely } from 'kysely';

/**
 * The core microblogging schema. Typed against Kysely<any> on purpose: migrations describe the
 * schema as it was when they were written, not as it is now. Ids are application-generated
 * time-ordered integers (bigint); timestamps are ISO-8601 UTC text so both dialects sort and
 * compare them the same way; flags are 0/1 integers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('domain', 'text')
    .addColumn('acct_key', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bot', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('discoverable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('fields', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('avatar_url', 'text')
    .addColumn('header_url', 'text')
    .addColumn('uri', 'text')
    .addColumn('followers_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('following_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('statuses_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status_at', 'text')
    .addColumn('suspended_at', 'text')
    .addColumn('silenced_at', 'text')
    .addColumn('sensitized_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('account_id', 'bigint', (c) => c.notNull().unique().references('accounts.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('user'))
    .addColumn('approved', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('sign_up_reason', 'text')
    .addColumn('default_visibility', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('default_sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('default_language', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    .addColumn('last_active_at', 'text')
    .execute();

  await db.schema
    .createTable('oauth_applications')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('redirect_uris', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('client_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oauth_authorization_codes')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('application_id', 'bigint', (c) => c.notNull().references('oauth_applications.id').onDelete('cascade'))
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('code_challenge', 'text')
    .addColumn('code_challenge_method', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('oauth_access_tokens')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('application_id', 'bigint', (c) => c.notNull().references('oauth_applications.id').onDelete('cascade'))
    .addColumn('account_id', 'bigint', (c) => c.references('accounts.id'))
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('oauth_access_tokens_account').on('oauth_access_tokens').column('account_id').execute();

  await db.schema
    .createTable('statuses')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('uri', 'text')
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('spoiler_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('in_reply_to_id', 'bigint')
    .addColumn('in_reply_to_account_id', 'bigint')
    .addColumn('reblog_of_id', 'bigint')
    .addColumn('application_id', 'bigint')
    .addColumn('replies_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reblogs_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('favourites_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('moderation_state', 'text', (c) => c.notNull().defaultTo('published'))
    .addColumn('screening', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('statuses_account_id').on('statuses').columns(['account_id', 'id']).execute();
  await db.schema.createIndex('statuses_in_reply_to').on('statuses').column('in_reply_to_id').execute();
  await db.schema.createIndex('statuses_reblog_of').on('statuses').columns(['reblog_of_id', 'account_id']).execute();
  await db.schema.createIndex('statuses_public_timeline').on('statuses').columns(['visibility', 'id']).execute();

  await db.schema
    .createTable('status_edits')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('status_id', 'bigint', (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('account_id', 'bigint', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('spoiler_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_edits_status').on('status_edits').columns(['status_id', 'id']).execute();

  await db.schema
    .createTable('mentions')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('status_id', 'bigint', (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addUniqueConstraint('mentions_status_account', ['status_id', 'account_id'])
    .execute();
  await db.schema.createIndex('mentions_account').on('mentions').columns(['account_id', 'status_id']).execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('status_tags')
    .addColumn('status_id', 'bigint', (c) => c.notNull().references('statuses.id').onDelete('cascade'))
    .addColumn('tag_id', 'bigint', (c) => c.notNull().references('tags.id'))
    .addPrimaryKeyConstraint('status_tags_pk', ['status_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('status_tags_tag').on('status_tags').columns(['tag_id', 'status_id']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('account_id', 'bigint', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('status_id', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'key'])
    .execute();

  for (const table of ['favourites', 'bookmarks', 'status_pins']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'bigint', (c) => c.primaryKey())
      .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
      .addColumn('status_id', 'bigint', (c) => c.notNull().references('statuses.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint(`${table}_account_status`, ['account_id', 'status_id'])
      .execute();
    await db.schema.createIndex(`${table}_status`).on(table).column('status_id').execute();
  }

  for (const table of ['follows', 'follow_requests']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'bigint', (c) => c.primaryKey())
      .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
      .addColumn('target_account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
      .addColumn('show_reblogs', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('notify', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('languages', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint(`${table}_pair`, ['account_id', 'target_account_id'])
      .execute();
    await db.schema.createIndex(`${table}_target`).on(table).columns(['target_account_id', 'account_id']).execute();
  }

  await db.schema
    .createTable('blocks')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('target_account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('blocks_pair', ['account_id', 'target_account_id'])
    .execute();
  await db.schema.createIndex('blocks_target').on('blocks').columns(['target_account_id', 'account_id']).execute();

  await db.schema
    .createTable('mutes')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('target_account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('hide_notifications', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mutes_pair', ['account_id', 'target_account_id'])
    .execute();

  await db.schema
    .createTable('home_feed')
    .addColumn('account_id', 'bigint', (c) => c.notNull())
    .addColumn('status_id', 'bigint', (c) => c.notNull())
    .addColumn('author_account_id', 'bigint', (c) => c.notNull())
    .addColumn('reblog_of_id', 'bigint')
    .addPrimaryKeyConstraint('home_feed_pk', ['account_id', 'status_id'])
    .execute();
  await db.schema.createIndex('home_feed_author').on('home_feed').columns(['account_id', 'author_account_id']).execute();

  await db.schema
    .createTable('markers')
    .addColumn('account_id', 'bigint', (c) => c.notNull())
    .addColumn('timeline', 'text', (c) => c.notNull())
    .addColumn('last_read_id', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('markers_pk', ['account_id', 'timeline'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('from_account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status_id', 'bigint')
    .addColumn('data', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_account').on('notifications').columns(['account_id', 'id']).execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['failed_at', 'run_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'jobs', 'notifications', 'markers', 'home_feed', 'mutes', 'blocks', 'follow_requests', 'follows',
    'status_pins', 'bookmarks', 'favourites', 'idempotency_keys', 'status_tags', 'tags', 'mentions',
    'status_edits', 'statuses', 'oauth_access_tokens', 'oauth_authorization_codes', 'oauth_applications',
    'users', 'accounts',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
