import type { Selectable } from 'kysely';
import type { AccountWarningsTable, AppealsTable } from '../../db/schema/moderation.js';
import type { SerializedAccount } from './account.js';

export interface WarningView {
  warning: Selectable<AccountWarningsTable>;
  appeal: Selectable<AppealsTable> | null;
  target: SerializedAccount;
  appealDeadline: string;
}

/**
 * Mastodon's AccountWarning entity — the statement of reasons: what was decided, under which
 * rule, until when, and how to appeal (Parley's `parley` block).
 */
export function serializeAccountWarning(view: WarningView) {
  const { warning, appeal } = view;
  return {
    id: String(warning.id),
    action: warning.action,
    text: warning.text,
    status_ids: JSON.parse(warning.status_ids) as string[],
    target_account: view.target,
    appeal: appeal ? { text: appeal.text, state: appeal.state } : null,
    created_at: warning.created_at,
    parley: {
      category: warning.category,
      ends_at: warning.ends_at,
      overturned_at: warning.overturned_at,
      strike_severity: warning.strike_severity,
      appealable_until: view.appealDeadline,
      how_to_appeal: appeal
        ? 'Your appeal has been received; a moderator who did not take this decision will review it.'
        : `POST /api/v1/account_warnings/${warning.id}/appeal with a "text" explaining why the decision should be reversed, before ${view.appealDeadline}.`,
    },
  };
}
