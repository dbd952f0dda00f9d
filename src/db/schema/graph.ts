import type { Flag } from './accounts.js';

export interface FollowsTable {
  id: number;
  account_id: number;
  target_account_id: number;
  show_reblogs: Flag;
  notify: Flag;
  /** JSON array of language codes, or null for all. */
  languages: string | null;
  created_at: string;
}

export interface FollowRequestsTable {
  id: number;
  account_id: number;
  target_account_id: number;
  show_reblogs: Flag;
  notify: Flag;
  languages: string | null;
  created_at: string;
}

export interface BlocksTable {
  id: number;
  account_id: number;
  target_account_id: number;
  created_at: string;
}

export interface MutesTable {
  id: number;
  account_id: number;
  target_account_id: number;
  hide_notifications: Flag;
  expires_at: string | null;
  created_at: string;
}
