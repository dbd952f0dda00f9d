import type { AppContext } from '../context.js';
import { notFound } from '../api/errors.js';
import { nowIso } from '../lib/time.js';
import { recordModerationEvent } from '../moderation/events/record-moderation-event.js';
import type { Moderator } from '../moderation/moderator.js';

/** An admin approves or rejects a tag for the public trends, as Mastodon's trend review. */
export async function reviewTag(ctx: AppContext, admin: Moderator, tagId: number, review: 'approved' | 'rejected'): Promise<void> {
  await ctx.database.transaction(async (tx) => {
    const result = await tx.db.updateTable('tags').set({ trend_review: review, trend_reviewed_at: nowIso() }).where('id', '=', tagId).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound();
    await recordModerationEvent(tx.db, {
      actor_account_id: admin.account.id,
      actor_type: admin.actorType,
      action: review === 'approved' ? 'trend.tag_approved' : 'trend.tag_rejected',
      subject_type: 'tag',
      subjectId: tagId,
    });
  });
}
