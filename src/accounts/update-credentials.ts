import { openProfileScreeningReport } from '../moderation/reports/open-screening-report.js';
import { authorizeAllFollowRequests } from '../graph/authorize-all-follow-requests.js';
import type { AppContext } from '../context.js';
import { unprocessable } from '../api/errors.js';
import type { Flag } from '../db/schema/accounts.js';
import type { ScreeningResult } from '../moderation/content-screener.js';
import { extractEntities } from '../text/parse-text.js';
import { nowIso } from '../lib/time.js';
import { loadAccountAndUser, type AccountRow, type UserRow } from './account-queries.js';
import { checkProfileImage, removeProfileImage, storeProfileImage } from './profile-images.js';
import { renderBio } from './render-bio.js';

export interface CredentialsUpdate {
  displayName?: string | undefined;
  note?: string | undefined;
  locked?: boolean | undefined;
  bot?: boolean | undefined;
  discoverable?: boolean | undefined;
  fields?: Array<{ name?: string | undefined; value?: string | undefined }> | undefined;
  privacy?: string | undefined;
  sensitive?: boolean | undefined;
  language?: string | undefined;
  /** Uploaded image files (multipart). */
  avatar?: Buffer | undefined;
  header?: Buffer | undefined;
}

export const MAX_DISPLAY_NAME_LENGTH = 30;
export const MAX_NOTE_LENGTH = 500;
export const MAX_FIELDS = 4;
export const MAX_FIELD_LENGTH = 255;
const PRIVACY_VALUES = ['public', 'unlisted', 'private'];

/**
 * PATCH /api/v1/accounts/update_credentials. Validates everything, then screens the changed
 * profile text (display name, bio, fields) like a post; a `hold` refuses the whole update and
 * nothing is stored. Everything else is written in one transaction.
 */
export async function updateCredentials(ctx: AppContext, accountId: number, input: CredentialsUpdate) {
  const fields = input.fields === undefined ? undefined : normaliseFields(input.fields);
  validate(input, fields);
  const { account, user } = await loadAccountAndUser(ctx.database.db, accountId);
  // A doubtful profile is saved and queued for a moderator, as a doubtful post is.
  const review = screenProfile(ctx, account, user, input, fields);

  const accountChanges: Partial<AccountRow> = {};
  if (input.displayName !== undefined) accountChanges.display_name = input.displayName.trim();
  if (input.note !== undefined) {
    accountChanges.note = input.note;
    accountChanges.note_html = await renderBio(ctx, input.note);
  }
  if (input.locked !== undefined) accountChanges.locked = flag(input.locked);
  if (input.bot !== undefined) accountChanges.bot = flag(input.bot);
  if (input.discoverable !== undefined) accountChanges.discoverable = flag(input.discoverable);
  if (fields !== undefined) accountChanges.fields = JSON.stringify(fields.map((f) => ({ ...f, verified_at: null })));
  // Files are written last, just before the transaction, and removed again if it fails.
  if (input.avatar) accountChanges.avatar_url = await storeProfileImage(ctx.config, 'avatars', accountId, input.avatar);
  if (input.header) accountChanges.header_url = await storeProfileImage(ctx.config, 'headers', accountId, input.header);
  const userChanges: Partial<UserRow> = {};
  if (input.privacy !== undefined) userChanges.default_visibility = input.privacy;
  if (input.sensitive !== undefined) userChanges.default_sensitive = flag(input.sensitive);
  if (input.language !== undefined) userChanges.default_language = input.language || null;

  try {
    await ctx.database.transaction(async (tx) => {
      await tx.db.updateTable('accounts').set({ ...accountChanges, updated_at: nowIso() }).where('id', '=', accountId).execute();
      if (Object.keys(userChanges).length > 0) await tx.db.updateTable('users').set(userChanges).where('id', '=', user.id).execute();
      if (review) await openProfileScreeningReport(ctx, tx, { accountId, language: user.default_language }, review);
    });
  } catch (err) {
    await removeProfileImage(ctx.config, accountChanges.avatar_url ?? null);
    await removeProfileImage(ctx.config, accountChanges.header_url ?? null);
    throw err;
  }
  // Unlocking accepts everyone who was waiting, as Mastodon does.
  if (account.locked === 1 && accountChanges.locked === 0) await authorizeAllFollowRequests(ctx, account);
  if (accountChanges.avatar_url) await removeProfileImage(ctx.config, account.avatar_url);
  if (accountChanges.header_url) await removeProfileImage(ctx.config, account.header_url);
  return loadAccountAndUser(ctx.database.db, accountId);
}

/** Mastodon drops fields whose name and value are both blank. */
function normaliseFields(fields: NonNullable<CredentialsUpdate['fields']>) {
  return fields
    .map((f) => ({ name: (f.name ?? '').trim(), value: (f.value ?? '').trim() }))
    .filter((f) => f.name !== '' || f.value !== '');
}

function validate(input: CredentialsUpdate, fields: Array<{ name: string; value: string }> | undefined): void {
  if (input.avatar) checkProfileImage('avatars', input.avatar);
  if (input.header) checkProfileImage('headers', input.header);
  if (input.displayName !== undefined && [...input.displayName.trim()].length > MAX_DISPLAY_NAME_LENGTH) {
    throw unprocessable(`Validation failed: Display name is too long (maximum is ${MAX_DISPLAY_NAME_LENGTH} characters)`);
  }
  if (input.note !== undefined && [...input.note].length > MAX_NOTE_LENGTH) {
    throw unprocessable(`Validation failed: Note is too long (maximum is ${MAX_NOTE_LENGTH} characters)`);
  }
  if (fields !== undefined) {
    if (fields.length > MAX_FIELDS) throw unprocessable(`Validation failed: Fields is too long (maximum is ${MAX_FIELDS} fields)`);
    for (const f of fields) {
      if ([...f.name].length > MAX_FIELD_LENGTH || [...f.value].length > MAX_FIELD_LENGTH) {
        throw unprocessable(`Validation failed: Fields is invalid (names and values are at most ${MAX_FIELD_LENGTH} characters)`);
      }
    }
  }
  if (input.privacy !== undefined && !PRIVACY_VALUES.includes(input.privacy)) {
    throw unprocessable('Validation failed: Setting default privacy is not included in the list');
  }
  if (input.language !== undefined && input.language !== '' && !/^[a-z]{2,3}$/.test(input.language)) {
    throw unprocessable('Validation failed: Setting default language is not included in the list');
  }
}

/** Screens each changed piece of profile text; the first `hold` refuses the update. */
function screenProfile(
  ctx: AppContext,
  account: AccountRow,
  user: UserRow,
  input: CredentialsUpdate,
  fields: Array<{ name: string; value: string }> | undefined,
): ScreeningResult | null {
  const language = input.language || user.default_language;
  let review: ScreeningResult | null = null;
  const pieces: Array<[label: string, text: string]> = [];
  if (input.displayName !== undefined && input.displayName.trim() !== account.display_name) pieces.push(['Display name', input.displayName]);
  if (input.note !== undefined && input.note !== account.note) pieces.push(['Note', input.note]);
  if (fields !== undefined) {
    const text = fields.map((f) => `${f.name}: ${f.value}`).join('\n');
    if (text.trim() !== '') pieces.push(['Fields', text]);
  }
  for (const [label, text] of pieces) {
    if (text.trim() === '') continue;
    const mentions = extractEntities(text).mentions.map((m) => (m.domain ? `${m.username}@${m.domain}` : m.username));
    const verdict: ScreeningResult = ctx.screener.screen(text, { mentions, language });
    if (verdict.decision === 'hold') {
      throw unprocessable(`Validation failed: ${label} was held for review and not saved`, {
        reasons: verdict.reasons,
        ...(verdict.category ? { category: verdict.category } : {}),
      });
    }
    if (verdict.decision === 'review' && (!review || verdict.score > review.score)) review = verdict;
  }
  return review;
}

function flag(value: boolean): Flag {
  return value ? 1 : 0;
}
