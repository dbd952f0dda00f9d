import type { Config } from '../config/env.js';
import type { Visibility } from '../db/schema/statuses.js';
import { unprocessable } from '../api/errors.js';
import { countTextLength } from '../text/parse-text.js';

/** Validation shared by creating and editing a post; failures are Mastodon's 422s. */

export const VISIBILITIES: readonly Visibility[] = ['public', 'unlisted', 'private', 'direct'];

export function assertVisibility(value: string): Visibility {
  if (!(VISIBILITIES as readonly string[]).includes(value)) throw unprocessable('Validation failed: Visibility is not included in the list');
  return value as Visibility;
}

export function assertPostText(config: Config, text: string, spoilerText: string): void {
  if (text.trim() === '') throw unprocessable("Validation failed: Text can't be blank");
  // Mastodon counts the content warning and the text together.
  if (countTextLength(spoilerText + text) > config.maxPostChars) {
    throw unprocessable(`Validation failed: Text character limit of ${config.maxPostChars} exceeded`);
  }
}

const LANGUAGE_RE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/;

export function normaliseLanguage(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (!LANGUAGE_RE.test(value)) throw unprocessable('Validation failed: Language is not a valid language code');
  return value;
}

const RANK: Record<Visibility, number> = { public: 0, unlisted: 1, private: 2, direct: 3 };

/** A reply may not be seen by more people than the post it answers, when that post is private or direct. */
export function assertReplyVisibility(parent: Visibility, reply: Visibility): void {
  if (RANK[parent] >= RANK.private && RANK[reply] < RANK[parent]) {
    throw unprocessable(`Validation failed: Visibility of a reply to a ${parent} post cannot be ${reply}`);
  }
}
