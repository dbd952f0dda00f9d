import type { AppContext } from '../../../src/context.js';
import type { ModerationState, Visibility } from '../../../src/db/schema/statuses.js';
import { generateId } from '../../../src/lib/ids.js';
import { nowIso } from '../../../src/lib/time.js';

export interface SeedStatus {
  accountId: number;
  text: string;
  spoilerText?: string;
  visibility?: Visibility;
  moderationState?: ModerationState;
  tags?: string[];
  mentions?: number[];
}

/** Stores a status row as the post service would, straight through Kysely (search reads rows, not requests). */
export async function insertStatus(ctx: AppContext, input: SeedStatus): Promise<number> {
  const id = generateId();
  const now = nowIso();
  await ctx.database.transaction(async ({ db }) => {
    await db
      .insertInto('statuses')
      .values({
        id,
        account_id: input.accountId,
        uri: `${ctx.config.publicUrl}/statuses/${id}`,
        text: input.text,
        content: `<p>${input.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
        spoiler_text: input.spoilerText ?? '',
        sensitive: input.spoilerText ? 1 : 0,
        visibility: input.visibility ?? 'public',
        language: null,
        in_reply_to_id: null,
        in_reply_to_account_id: null,
        reblog_of_id: null,
        application_id: null,
        replies_count: 0,
        reblogs_count: 0,
        favourites_count: 0,
        moderation_state: input.moderationState ?? 'published',
        screening: null,
        created_at: now,
        edited_at: null,
        deleted_at: null,
      })
      .execute();
    for (const name of input.tags ?? []) {
      const key = name.normalize('NFKC').toLowerCase();
      let tag = await db.selectFrom('tags').select('id').where('name_key', '=', key).executeTakeFirst();
      if (!tag) {
        tag = { id: generateId() };
        await db.insertInto('tags').values({ id: tag.id, name, name_key: key, created_at: now }).execute();
      }
      await db.insertInto('status_tags').values({ status_id: id, tag_id: tag.id }).execute();
    }
    for (const accountId of input.mentions ?? []) {
      await db.insertInto('mentions').values({ id: generateId(), status_id: id, account_id: accountId }).execute();
    }
  });
  return id;
}

export async function insertRelation(ctx: AppContext, table: 'follows' | 'blocks' | 'mutes', accountId: number, targetAccountId: number) {
  const base = { id: generateId(), account_id: accountId, target_account_id: targetAccountId, created_at: nowIso() };
  if (table === 'follows') {
    await ctx.database.db.insertInto('follows').values({ ...base, show_reblogs: 1, notify: 0, languages: null }).execute();
  } else if (table === 'mutes') {
    await ctx.database.db.insertInto('mutes').values({ ...base, hide_notifications: 1, expires_at: null }).execute();
  } else {
    await ctx.database.db.insertInto('blocks').values(base).execute();
  }
}
