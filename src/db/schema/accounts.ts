import type { Generated } from 'kysely';

/** Bit-flag booleans are stored as 0/1 integers so one schema serves SQLite and PostgreSQL. */
export type Flag = 0 | 1;

/** A profile, local (domain null) or remote. Login data for local accounts lives in `users`. */
export interface AccountsTable {
  id: number;
  username: string;
  /** Null for local accounts. */
  domain: string | null;
  /** lower(username) or lower(username@domain): the case-insensitive unique handle. */
  acct_key: string;
  display_name: string;
  /** Profile bio as the user typed it; `note_html` is the sanitised, linkified rendering. */
  note: string;
  note_html: string;
  locked: Flag;
  bot: Flag;
  discoverable: Flag;
  /** JSON array of { name, value, verified_at }. */
  fields: string;
  avatar_url: string | null;
  header_url: string | null;
  uri: string | null;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  last_status_at: string | null;
  suspended_at: string | null;
  silenced_at: string | null;
  sensitized_at: string | null;
  /** Ends of timed sanctions (null: indefinite or none). */
  suspension_ends_at: string | null;
  silence_ends_at: string | null;
  created_at: string;
  updated_at: string;
}

export type UserRole = 'user' | 'moderator' | 'admin';

export interface UsersTable {
  id: number;
  account_id: number;
  /** Lower-cased e-mail address. */
  email: string;
  password_hash: string;
  role: UserRole;
  approved: Flag;
  disabled: Flag;
  locale: string;
  /** Reason given at sign-up when registrations need approval. */
  sign_up_reason: string | null;
  default_visibility: string;
  default_sensitive: Flag;
  default_language: string | null;
  created_at: string;
  last_sign_in_at: string | null;
  /** Last time the user read a timeline; home feeds are only maintained for recent readers. */
  last_active_at: string | null;
  /** JSON array of languages a moderator reads, to filter the review queue. */
  moderation_languages: string | null;
  /** 1 when an admin made this user a juror of the community jury. */
  juror: Generated<Flag>;
}
