import { openScreeningReport } from '../moderation/reports/open-screening-report.js';
import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { ApiError } from '../api/errors.js';
import type { ModerationState } from '../db/schema/statuses.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { createNotification } from '../notifications/create-notification.js';
import { composePostText } from './compose-post-text.js';
import { assertPostText, assertReplyVisibility, assertVisibility, normaliseLanguage } from './post-rules.js';
import { adjustStatusCounter, adjustStatusesCount, countsAsReply, setStatusMentions, setStatusTags } from './status-writes.js';
import { loadVisibleStatus } from './visibility.js';

export interface NewPost {
  account: Account;
  text: string;
  /** Defaults to the author's preference. */
  visibility?: string | null;
  spoilerText?: string | null;
  sensitive?: boolean | null;
  inReplyToId?: number | null;
  language?: string | null;
  idempotencyKey?: string | null;
  applicationId?: number | null;
}

const IDEMPOTENCY_WINDOW_MS = 60 * 60 * 1000;

/**
 * Publishes a post: validate, parse, screen, then store everything in one transaction. A
 * post the screener holds is stored as `held`: visible to its author only, not fanned out
 * and notifying nobody, until a moderator decides. Returns the new (or idempotent) status id.
 */
export async function createPost(ctx: AppContext, input: NewPost): Promise<number> {
  const { db } = ctx.database;
  const author = input.account;
  const key = input.idempotencyKey?.trim() || null;
  if (key) {
    const previous = await findIdempotentStatus(ctx, author.id, key);
    if (previous !== null) return previous;
  }

  const prefs = await db
    .selectFrom('users')
    .select(['default_visibility', 'default_sensitive', 'default_language'])
    .where('account_id', '=', author.id)
    .executeTakeFirst();
  const visibility = assertVisibility(input.visibility || prefs?.default_visibility || 'public');
  const text = input.text;
  let spoilerText = (input.spoilerText ?? '').trim();
  assertPostText(ctx.config, text, spoilerText);
  const declaredLanguage = normaliseLanguage(input.language) ?? prefs?.default_language ?? null;

  let parent = null;
  if (input.inReplyToId) {
    try {
      parent = await loadVisibleStatus(ctx, input.inReplyToId, author);
    } catch (err) {
      if (err instanceof ApiError && err.statusCode === 404) {
        throw new ApiError(404, 'The post you are trying to reply to does not appear to exist.');
      }
      throw err;
    }
    // A reply answers the original post, never a boost of it.
    if (parent.reblog_of_id !== null) throw new ApiError(404, 'The post you are trying to reply to does not appear to exist.');
    assertReplyVisibility(parent.visibility, visibility);
  }

  const composed = await composePostText(db, ctx.config, text);
  const verdict = ctx.screener.screen([spoilerText, text].filter(Boolean).join('\n'), {
    mentions: composed.mentionHandles,
    language: declaredLanguage,
  });
  const state: ModerationState = verdict.decision === 'hold' ? 'held' : 'published';
  if (!spoilerText && verdict.contentWarning) spoilerText = verdict.contentWarning;
  const sensitive = input.sensitive ?? (spoilerText !== '' || prefs?.default_sensitive === 1);
  const language = declaredLanguage ?? (verdict.lang && verdict.lang !== 'und' ? verdict.lang : null);

  const id = generateId();
  const now = nowIso();
  const row = {
    id,
    account_id: author.id,
    uri: null,
    text,
    content: composed.content,
    spoiler_text: spoilerText,
    sensitive: (sensitive || spoilerText !== '' ? 1 : 0) as 0 | 1,
    visibility,
    language,
    in_reply_to_id: parent?.id ?? null,
    in_reply_to_account_id: parent?.account_id ?? null,
    reblog_of_id: null,
    application_id: input.applicationId ?? null,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    moderation_state: state,
    screening: JSON.stringify(verdict),
    created_at: now,
    edited_at: null,
    deleted_at: null,
  };

  try {
    await ctx.database.transaction(async (tx) => {
      await tx.db.insertInto('statuses').values(row).execute();
      await setStatusMentions(tx.db, id, composed.mentioned.map((a) => a.id));
      await setStatusTags(tx.db, id, composed.hashtags);
      // A flagged post and its report are stored together: no flagged post without a report.
      await openScreeningReport(ctx, tx, { statusId: id, accountId: author.id, language }, verdict);
      if (key) {
        // An expired key may be reused: drop its row. A live row means a concurrent request with
        // the same key won the race: roll back and answer with its status.
        const expiredBefore = new Date(Date.now() - IDEMPOTENCY_WINDOW_MS).toISOString();
        await tx.db
          .deleteFrom('idempotency_keys')
          .where('account_id', '=', author.id)
          .where('key', '=', key)
          .where('created_at', '<', expiredBefore)
          .execute();
        const claimed = await tx.db
          .insertInto('idempotency_keys')
          .values({ account_id: author.id, key, status_id: id, created_at: now })
          .onConflict((oc) => oc.columns(['account_id', 'key']).doNothing())
          .executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) throw new IdempotentReplay();
      }
      // Counters count published posts only: a held post is invisible, and counting it would
      // reveal it. Whoever publishes a held post later adds it to the counters.
      if (state !== 'published') return;
      await adjustStatusesCount(tx.db, [author.id], 1);
      if (parent && countsAsReply(row)) await adjustStatusCounter(tx.db, parent.id, 'replies_count', 1);
      for (const mentioned of composed.mentioned) {
        await createNotification(tx, { recipientId: mentioned.id, fromAccountId: author.id, type: 'mention', statusId: id });
      }
      await ctx.jobs.enqueue(tx, 'fan-out-status', { statusId: id });
    });
  } catch (err) {
    if (!(err instanceof IdempotentReplay) || !key) throw err;
    const winner = await findIdempotentStatus(ctx, author.id, key);
    if (winner === null) throw err;
    return winner;
  }
  return id;
}

/** Rolls back a post whose Idempotency-Key a concurrent request claimed first. */
class IdempotentReplay extends Error {
  override name = 'IdempotentReplay';
}

async function findIdempotentStatus(ctx: AppContext, accountId: number, key: string): Promise<number | null> {
  const row = await ctx.database.db
    .selectFrom('idempotency_keys')
    .select(['status_id', 'created_at'])
    .where('account_id', '=', accountId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row || Date.now() - Date.parse(row.created_at) > IDEMPOTENCY_WINDOW_MS) return null;
  return row.status_id;
}
