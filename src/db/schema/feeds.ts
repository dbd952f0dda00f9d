/** A follower's home feed, filled by fan-out on write; capped and rebuildable. */
export interface HomeFeedTable {
  account_id: number;
  status_id: number;
  /** The author of the entry (the reblogger for reblogs), for unmerging on unfollow/block. */
  author_account_id: number;
  /** For reblogs, the original status, so one post is not shown twice. */
  reblog_of_id: number | null;
}

export interface MarkersTable {
  account_id: number;
  timeline: 'home' | 'notifications';
  last_read_id: number;
  version: number;
  updated_at: string;
}
