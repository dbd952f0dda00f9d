import type { AppContext } from '../context.js';
import { forbidden, unprocessable } from '../api/errors.js';
import { parseScopes } from '../api/scopes.js';
import { findApplicationById } from '../oauth/applications.js';
import { issueAccessToken, type IssuedToken } from '../oauth/issue-access-token.js';
import { createAccount } from './create-account.js';
import { NOTIFY_STAFF_OF_SIGN_UP } from './notify-staff-of-sign-up.js';

export interface Registration {
  /** The application whose token made the request. */
  applicationId: number;
  username: string;
  email: string;
  password: string;
  agreement: boolean;
  locale?: string | undefined;
  reason?: string | undefined;
}

const LOCALE_PATTERN = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$/;
const MAX_REASON_LENGTH = 1000;

/**
 * POST /api/v1/accounts: an app signs a user up. Open registrations return a working token;
 * with approval the account waits (its token is refused until a moderator approves, as on
 * Mastodon); closed registrations are refused.
 */
export async function registerAccount(ctx: AppContext, input: Registration): Promise<IssuedToken> {
  const mode = ctx.config.registrationMode;
  if (mode === 'closed') throw forbidden();
  if (!input.agreement) {
    throw unprocessable('Validation failed: Agreement must be accepted', {
      details: { agreement: [{ error: 'ERR_ACCEPTED', description: 'must be accepted' }] },
    });
  }
  if (input.locale !== undefined && !LOCALE_PATTERN.test(input.locale)) {
    throw unprocessable('Validation failed: Locale is not included in the list', {
      details: { locale: [{ error: 'ERR_INCLUSION', description: 'is not included in the list' }] },
    });
  }
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > MAX_REASON_LENGTH) {
    throw unprocessable(`Validation failed: Reason is too long (maximum is ${MAX_REASON_LENGTH} characters)`, {
      details: { reason: [{ error: 'ERR_TOO_LONG', description: `is too long (maximum is ${MAX_REASON_LENGTH} characters)` }] },
    });
  }
  const app = await findApplicationById(ctx.database.db, input.applicationId);
  if (!app) throw forbidden();
  let token: IssuedToken | undefined;
  await createAccount(ctx, {
    username: input.username,
    email: input.email,
    password: input.password,
    locale: input.locale?.replace('_', '-') ?? 'en',
    approved: mode === 'open',
    reason: mode === 'approval' ? reason : null,
    // One transaction: the account, its token and the staff notification exist together or not at all.
    async afterInsert(tx, accountId) {
      // As Mastodon, the new user's token carries the scopes the application registered.
      token = await issueAccessToken(tx.db, { applicationId: app.id, accountId, scopes: parseScopes(app.scopes) });
      await ctx.jobs.enqueue(tx, NOTIFY_STAFF_OF_SIGN_UP, { accountId });
    },
  });
  return token!;
}
