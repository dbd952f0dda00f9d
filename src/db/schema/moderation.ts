import type { Flag } from './accounts.js';

/** Violent categories (the fast lane) and Mastodon's report categories. */
export type ReportCategory =
  | 'spam'
  | 'legal'
  | 'violation'
  | 'other'
  | 'threat'
  | 'incitement'
  | 'death_wish'
  | 'plan'
  | 'glorification';

export type ReportSource = 'user' | 'screening' | 'flagger';
export type ReportLane = 'violent' | 'general';

export interface ReportsTable {
  id: number;
  source: ReportSource;
  /** Reporter: a local account, or the instance's system account for screening reports. */
  account_id: number;
  /** Set when a trusted flagger filed (or joined) the report. */
  flagger_id: number | null;
  target_account_id: number;
  comment: string;
  category: ReportCategory;
  /** JSON array of instance rule ids the reporter cited. */
  rule_ids: string;
  lane: ReportLane;
  /** Higher first: severity, the author's reach and independent reporters (see moderation/reports/priority.ts). */
  priority: number;
  /** How many independent reporters (accounts, flaggers, screening) this report merges. */
  reporter_count: number;
  language: string | null;
  /** JSON of the screening verdict for screening reports. */
  screening: string | null;
  deadline_at: string;
  /** Set once an overdue alert went out, so it is sent once. */
  overdue_alerted_at: string | null;
  assigned_account_id: number | null;
  action_taken_at: string | null;
  action_taken_by_account_id: number | null;
  /** What the decision was (`removed`, `approved`, `suspend`, `dismissed` …). */
  resolution: string | null;
  forwarded: Flag;
  created_at: string;
  updated_at: string;
}

export interface ReportStatusesTable {
  report_id: number;
  status_id: number;
}

/** One row per independent reporter of a report, so merges count people, not clicks. */
export interface ReportReportersTable {
  report_id: number;
  /** `account:<id>`, `flagger:<id>` or `screening`. */
  reporter_key: string;
  /** What this reporter said: their category and comment (the report keeps the first). */
  category: ReportCategory;
  comment: string;
  created_at: string;
}

/**
 * The append-only moderation log: every report, assignment, action, reversal, appeal, vote and
 * setting change. Database triggers refuse UPDATE and DELETE on it.
 */
export interface ModerationEventsTable {
  id: number;
  /** Null for the system (screening, timers). */
  actor_account_id: number | null;
  actor_type: 'moderator' | 'admin' | 'system' | 'user' | 'flagger' | 'juror';
  action: string;
  subject_type: 'status' | 'account' | 'report' | 'appeal' | 'flagger' | 'setting' | 'screening_rule' | 'tag';
  subject_id: number | null;
  report_id: number | null;
  text: string;
  /** JSON with action-specific details. */
  data: string | null;
  created_at: string;
}

export interface TrustedFlaggersTable {
  id: number;
  name: string;
  contact: string;
  /** SHA-256 of the API key; the key is shown once. */
  api_key_hash: string;
  created_by_account_id: number;
  created_at: string;
  revoked_at: string | null;
}

export interface FlagsTable {
  id: number;
  flagger_id: number;
  report_id: number;
  status_id: number;
  category: ReportCategory;
  comment: string;
  created_at: string;
}

/** A statement of reasons sent to the affected user (Mastodon's AccountWarning). */
export interface AccountWarningsTable {
  id: number;
  target_account_id: number;
  moderator_account_id: number | null;
  action: string;
  text: string;
  /** JSON array of status ids the decision concerned. */
  status_ids: string;
  report_id: number | null;
  /** The policy category the decision applied. */
  category: string | null;
  /** End of a timed sanction. */
  ends_at: string | null;
  /** Strike weight this decision adds (see moderation/actions/strikes.ts). */
  strike_severity: number;
  /** Set when the decision was overturned on appeal. */
  overturned_at: string | null;
  created_at: string;
}

export interface AppealsTable {
  id: number;
  account_warning_id: number;
  account_id: number;
  text: string;
  state: 'pending' | 'approved' | 'rejected';
  decided_by_account_id: number | null;
  decided_at: string | null;
  created_at: string;
}

/** Admin-defined screening rules (words, phrases, regular expressions) per language. */
export interface ScreeningRulesTable {
  id: number;
  lang: string | null;
  kind: 'word' | 'phrase' | 'regex';
  pattern: string;
  action: 'review' | 'hold' | 'warn';
  created_by_account_id: number;
  created_at: string;
}

/** Instance settings as JSON values (screening thresholds, deadlines, webhooks …). */
export interface InstanceSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** One juror's vote on an anonymised case (an appeal or a lower-severity report). */
export interface JuryVotesTable {
  id: number;
  case_type: 'appeal' | 'report';
  case_id: number;
  juror_account_id: number;
  /** `uphold`: the decision (or the report) stands; `overturn`: it does not. */
  vote: 'uphold' | 'overturn';
  reason: string;
  created_at: string;
}
