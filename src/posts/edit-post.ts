import { notBlockedEitherWay } from '../graph/relation-filters.js';
import { openScreeningReport } from '../moderation/reports/open-screening-report.js';
import type { AppContext } from '../context.js';
import type { Account } from '../api/auth.js';
import { ApiError, notFound, unprocessable } from '../api/errors.js';
import type { ModerationState } from '../db/schema/statuses.js';
import { generateId } from '../lib/ids.js';
import { nowIso } from '../lib/time.js';
import { createNotification } from '../notifications/create-notification.js';
import { composePostText } from './compose-post-text.js';
import { loadOwnStatus } from './load-own-status.js';
import { assertPostText, normaliseLanguage } from './post-rules.js';
import { adjustStatusCounter, adjustStatusesCount, countsAsReply, setStatusMentions, setStatusTags } from './status-writes.js';

export interface PostEdit {
  account: Account;
  id: number;
  text: string;
  spoilerText?: string | null;
  sensitive?: boolean | null;
  language?: string | null;
}

/** Job that tells everyone who boosted a post that it changed (Mastodon's `update` notification). */
export const NOTIFY_STATUS_UPDATE_JOB = 'notify-status-update';

/**
 * Edits a post of the caller: re-parsed and re-screened, the previous version kept in
 * `status_edits` (the first edit also records the original). A screener `hold` hides an
 * edited post again; a held post stays held until a moderator decides, whatever the edit.
 */
export async function editPost(ctx: AppContext, input: PostEdit): Promise<number> {
  const status = await loadOwnStatus(ctx, input.id, input.account.id);
  if (status.reblog_of_id !== null) throw unprocessable('Validation failed: A boost cannot be edited');
  if (status.moderation_state === 'removed') throw unprocessable('Validation failed: A post removed by a moderator cannot be edited');

  const text = input.text;
  // As Mastodon: an edit states the whole post, so an omitted content warning or sensitive
  // flag is cleared, while an omitted language keeps the current one.
  let spoilerText = (input.spoilerText ?? '').trim();
  assertPostText(ctx.config, text, spoilerText);
  const language = input.language === undefined || input.language === null ? status.language : normaliseLanguage(input.language);
  const sensitiveInput = input.sensitive ?? false;

  const composed = await composePostText(ctx.database.db, ctx.config, text);
  const verdict = ctx.screener.screen([spoilerText, text].filter(Boolean).join('\n'), {
    mentions: composed.mentionHandles,
    language,
  });
  if (!spoilerText && verdict.contentWarning) spoilerText = verdict.contentWarning;
  const sensitive = (sensitiveInput || spoilerText !== '' ? 1 : 0) as 0 | 1;
  const unchanged =
    text === status.text && spoilerText === status.spoiler_text && sensitive === status.sensitive && language === status.language;
  if (unchanged) return status.id;

  const state: ModerationState =
    status.moderation_state === 'held' || verdict.decision === 'hold' ? 'held' : status.moderation_state;
  const now = nowIso();
  await ctx.database.transaction(async (tx) => {
    // A moderator may have decided since the post was read: their decision wins.
    const fresh = await tx.db.selectFrom('statuses').select(['moderation_state', 'deleted_at']).where('id', '=', status.id).executeTakeFirstOrThrow();
    if (fresh.deleted_at !== null) throw notFound();
    if (fresh.moderation_state !== status.moderation_state) {
      throw new ApiError(409, 'The post was moderated while you were editing it; reload it and try again');
    }
    const hasHistory = await tx.db.selectFrom('status_edits').select('id').where('status_id', '=', status.id).limit(1).executeTakeFirst();
    const versions = [];
    if (!hasHistory) {
      versions.push({
        id: generateId(),
        status_id: status.id,
        account_id: status.account_id,
        text: status.text,
        content: status.content,
        spoiler_text: status.spoiler_text,
        sensitive: status.sensitive,
        created_at: status.created_at,
      });
    }
    versions.push({
      id: generateId(),
      status_id: status.id,
      account_id: status.account_id,
      text,
      content: composed.content,
      spoiler_text: spoilerText,
      sensitive,
      created_at: now,
    });
    await tx.db.insertInto('status_edits').values(versions).execute();
    await tx.db
      .updateTable('statuses')
      .set({
        text,
        content: composed.content,
        spoiler_text: spoilerText,
        sensitive,
        language,
        moderation_state: state,
        screening: JSON.stringify(verdict),
        edited_at: now,
      })
      .where('id', '=', status.id)
      .execute();
    const added = await setStatusMentions(tx.db, status.id, composed.mentioned.map((a) => a.id));
    await setStatusTags(tx.db, status.id, composed.hashtags);
    await openScreeningReport(ctx, tx, { statusId: status.id, accountId: status.account_id, language }, verdict);
    if (status.moderation_state === 'published' && state !== 'published') {
      // Counters count published posts only (see createPost); a post held on edit leaves them.
      await adjustStatusesCount(tx.db, [status.account_id], -1);
      if (countsAsReply(status)) await adjustStatusCounter(tx.db, status.in_reply_to_id!, 'replies_count', -1);
    }
    if (state !== 'published') return;
    for (const accountId of added) {
      await createNotification(tx, { recipientId: accountId, fromAccountId: status.account_id, type: 'mention', statusId: status.id });
    }
    await ctx.jobs.enqueue(tx, NOTIFY_STATUS_UPDATE_JOB, { statusId: status.id });
  });
  return status.id;
}

/** Handler of NOTIFY_STATUS_UPDATE_JOB: one `update` notification per account that boosted the post. */
export async function notifyStatusUpdate(ctx: AppContext, payload: { statusId: number }): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    const status = await tx.db
      .selectFrom('statuses')
      .select(['id', 'account_id', 'moderation_state', 'deleted_at', 'edited_at'])
      .where('id', '=', payload.statusId)
      .executeTakeFirst();
    if (!status || status.deleted_at !== null || status.moderation_state !== 'published') return;
    const author = status.account_id;
    const now = nowIso();
    // One query finds every booster who should hear of the edit: not blocked either way, not
    // muting the author's notifications, and not already notified of this edit (a retried job).
    const recipients = await tx.db
      .selectFrom('statuses as boosts')
      .select('boosts.account_id')
      .distinct()
      .where('boosts.reblog_of_id', '=', status.id)
      .where('boosts.deleted_at', 'is', null)
      .where('boosts.account_id', '!=', author)
      // Blocks count both ways, so the author's side of the check serves the booster's too.
      .where(notBlockedEitherWay(author, 'boosts.account_id'))
      // The booster may have muted the author's notifications.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('mutes')
              .select('mutes.id')
              .whereRef('mutes.account_id', '=', 'boosts.account_id')
              .where('mutes.target_account_id', '=', author)
              .where('mutes.hide_notifications', '=', 1)
              .where((m) => m.or([m('mutes.expires_at', 'is', null), m('mutes.expires_at', '>', now)])),
          ),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('notifications')
              .select('notifications.id')
              .whereRef('notifications.account_id', '=', 'boosts.account_id')
              .where('notifications.type', '=', 'update')
              .where('notifications.status_id', '=', status.id)
              .where('notifications.created_at', '>=', status.edited_at ?? now),
          ),
        ),
      )
      .execute();
    // Chunks keep each insert within SQLite's limit on bound parameters.
    for (let i = 0; i < recipients.length; i += 1000) {
      await tx.db
        .insertInto('notifications')
        .values(
          recipients.slice(i, i + 1000).map((r) => ({
            id: generateId(),
            account_id: r.account_id,
            from_account_id: author,
            type: 'update' as const,
            status_id: status.id,
            data: null,
            created_at: now,
          })),
        )
        .execute();
    }
  });
}
