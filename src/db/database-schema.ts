import type { AccountsTable, UsersTable } from './schema/accounts.js';
import type { OauthAccessTokensTable, OauthApplicationsTable, OauthAuthorizationCodesTable } from './schema/oauth.js';
import type { OauthFormNoncesTable } from './schema/oauth-forms.js';
import type {
  IdempotencyKeysTable,
  MentionsTable,
  StatusEditsTable,
  StatusesTable,
  StatusTagsTable,
  TagsTable,
} from './schema/statuses.js';
import type { BookmarksTable, FavouritesTable, StatusPinsTable } from './schema/interactions.js';
import type { BlocksTable, FollowRequestsTable, FollowsTable, MutesTable } from './schema/graph.js';
import type { HomeFeedTable, MarkersTable } from './schema/feeds.js';
import type { NotificationsTable } from './schema/notifications.js';
import type { JobsTable } from './schema/jobs.js';
import type { StatusSearchTable } from './schema/search.js';
import type {
  AccountWarningsTable,
  AppealsTable,
  FlagsTable,
  InstanceSettingsTable,
  JuryVotesTable,
  ModerationEventsTable,
  ReportReportersTable,
  ReportStatusesTable,
  ReportsTable,
  ScreeningRulesTable,
  TrustedFlaggersTable,
} from './schema/moderation.js';

/** The whole schema as Kysely sees it. Add a table: one file in schema/, one line here, one migration. */
export interface DatabaseSchema {
  accounts: AccountsTable;
  users: UsersTable;
  oauth_applications: OauthApplicationsTable;
  oauth_authorization_codes: OauthAuthorizationCodesTable;
  oauth_access_tokens: OauthAccessTokensTable;
  oauth_form_nonces: OauthFormNoncesTable;
  statuses: StatusesTable;
  status_edits: StatusEditsTable;
  mentions: MentionsTable;
  tags: TagsTable;
  status_tags: StatusTagsTable;
  idempotency_keys: IdempotencyKeysTable;
  favourites: FavouritesTable;
  bookmarks: BookmarksTable;
  status_pins: StatusPinsTable;
  follows: FollowsTable;
  follow_requests: FollowRequestsTable;
  blocks: BlocksTable;
  mutes: MutesTable;
  home_feed: HomeFeedTable;
  markers: MarkersTable;
  notifications: NotificationsTable;
  jobs: JobsTable;
  status_search: StatusSearchTable;
  reports: ReportsTable;
  report_statuses: ReportStatusesTable;
  report_reporters: ReportReportersTable;
  moderation_events: ModerationEventsTable;
  trusted_flaggers: TrustedFlaggersTable;
  flags: FlagsTable;
  account_warnings: AccountWarningsTable;
  appeals: AppealsTable;
  screening_rules: ScreeningRulesTable;
  instance_settings: InstanceSettingsTable;
  jury_votes: JuryVotesTable;
}
