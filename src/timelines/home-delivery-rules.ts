import type { Visibility } from '../db/schema/statuses.js';

/** What the home-feed rules need to know about a post (and, for a reblog, its original). */
export interface PostFacts {
  id: number;
  accountId: number;
  visibility: Visibility;
  language: string | null;
  inReplyToAccountId: number | null;
  inReplyToId: number | null;
  mentionedIds: readonly number[];
  /** Published and not deleted. */
  live: boolean;
  reblog: { id: number; accountId: number; mentionedIds: readonly number[]; live: boolean } | null;
}

/** What they need to know about one receiver, restricted to the accounts the post involves. */
export interface ReceiverFacts {
  id: number;
  /** The receiver's follow of the post's author; null when the receiver is the author. */
  follow: { showReblogs: boolean; languages: readonly string[] | null } | null;
  /** Accounts the receiver blocks or mutes (active mutes only). */
  blockingOrMuting: ReadonlySet<number>;
  /** Accounts that block the receiver. */
  blockedBy: ReadonlySet<number>;
  /** Accounts the receiver follows. */
  following: ReadonlySet<number>;
}

/**
 * Whether a post belongs in a receiver's home feed, following Mastodon's home filter: your
 * own posts always; nothing involving an account you block or mute or that blocks you;
 * replies only when you follow (or are) the account replied to, or it is a self-reply;
 * reblogs only when you show that account's reblogs; the follow's language filter; direct
 * posts only for those mentioned.
 */
export function belongsInHome(post: PostFacts, receiver: ReceiverFacts): boolean {
  if (!post.live || (post.reblog && !post.reblog.live)) return false;
  if (receiver.id === post.accountId) return true;
  if (!receiver.follow) return false;
  if (post.visibility === 'direct' && !post.mentionedIds.includes(receiver.id)) return false;
  const languages = receiver.follow.languages;
  if (languages && languages.length > 0 && post.language && !languages.includes(post.language)) return false;

  const involved = [post.accountId, ...post.mentionedIds];
  if (post.reblog) involved.push(post.reblog.accountId, ...post.reblog.mentionedIds);
  if (involved.some((id) => id !== receiver.id && receiver.blockingOrMuting.has(id))) return false;
  if (receiver.blockedBy.has(post.accountId)) return false;

  if (post.inReplyToId !== null && post.inReplyToAccountId === null) return false;
  if (post.inReplyToAccountId !== null) {
    return (
      receiver.following.has(post.inReplyToAccountId) ||
      post.inReplyToAccountId === receiver.id ||
      post.inReplyToAccountId === post.accountId
    );
  }
  if (post.reblog) {
    return receiver.follow.showReblogs && !receiver.blockedBy.has(post.reblog.accountId);
  }
  return true;
}
