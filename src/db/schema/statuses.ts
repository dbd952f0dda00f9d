import type { Flag } from './accounts.js';

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';
/** `held` posts are visible to their author only, until a moderator decides. */
export type ModerationState = 'published' | 'held' | 'removed';

export interface StatusesTable {
  id: number;
  account_id: number;
  uri: string | null;
  /** Source text as the author typed it. */
  text: string;
  /** Sanitised HTML rendering with links, mentions and hashtags. */
  content: string;
  spoiler_text: string;
  sensitive: Flag;
  visibility: Visibility;
  language: string | null;
  in_reply_to_id: number | null;
  in_reply_to_account_id: number | null;
  reblog_of_id: number | null;
  application_id: number | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  moderation_state: ModerationState;
  /** JSON of the screening verdict this version was stored with. */
  screening: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  /** When a moderator last removed or approved it; removed posts are purged after retention. */
  moderated_at: string | null;
}

/** One row per version of an edited status (the first row is the original). */
export interface StatusEditsTable {
  id: number;
  status_id: number;
  account_id: number;
  text: string;
  content: string;
  spoiler_text: string;
  sensitive: Flag;
  created_at: string;
}

export interface MentionsTable {
  id: number;
  status_id: number;
  account_id: number;
}

export interface TagsTable {
  id: number;
  /** Display form of the first use. */
  name: string;
  /** Lower-cased, NFKC-normalised form: the unique key. */
  name_key: string;
  created_at: string;
  /** An admin's trend review: approved tags may trend, rejected ones never; null is unreviewed. */
  trend_review: 'approved' | 'rejected' | null;
  trend_reviewed_at: string | null;
}

export interface StatusTagsTable {
  status_id: number;
  tag_id: number;
}

/** Idempotency-Key header: the same key from the same account returns the first status. */
export interface IdempotencyKeysTable {
  account_id: number;
  key: string;
  status_id: number;
  created_at: string;
}
