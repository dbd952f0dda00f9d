export type NotificationType =
  | 'mention'
  | 'status'
  | 'reblog'
  | 'follow'
  | 'follow_request'
  | 'favourite'
  | 'update'
  | 'admin.sign_up'
  | 'admin.report'
  | 'moderation_warning';

export interface NotificationsTable {
  id: number;
  /** Recipient. */
  account_id: number;
  from_account_id: number;
  type: NotificationType;
  status_id: number | null;
  /** Extra references by type (report id, warning id), as JSON. */
  data: string | null;
  created_at: string;
}
