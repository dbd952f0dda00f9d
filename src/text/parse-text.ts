import * as linkify from 'linkifyjs';

/**
 * Splits post text into plain text, links, mentions and hashtags, in order and without
 * overlaps (a `#x` or `@y` inside a URL belongs to the URL). Rendering, length counting and
 * mention/tag extraction all work from these tokens, so they always agree.
 */
export type TextToken =
  | { type: 'text'; value: string }
  | { type: 'url'; value: string }
  /** `username` and `domain` as typed; `domain` is null for `@user`. */
  | { type: 'mention'; value: string; username: string; domain: string | null }
  /** `name` as typed, without the `#`. */
  | { type: 'hashtag'; value: string; name: string };

// Mastodon's Account::MENTION_RE: not preceded by a word character, `=` or `/`.
const MENTION_RE = /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@([\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*))?/giu;
// Mastodon's Tag::HASHTAG_RE, simplified: word characters plus the middle-dot separators,
// never preceded by `=`, `/`, `)` or an alphanumeric, and containing at least one letter.
const HASHTAG_RE = /(?<![=/)\p{L}\p{N}])#([\p{L}\p{M}\p{N}_\u00B7\u30FB\u200C]+)/gu;
const HASHTAG_SEPARATORS_AT_END = /[\u00B7\u30FB\u200C]+$/u;

interface Span {
  start: number;
  end: number;
  token: TextToken;
}

export function tokenizeText(text: string): TextToken[] {
  const spans: Span[] = [];
  for (const link of linkify.find(text, 'url')) {
    // Mastodon only links URLs written with their scheme.
    if (!/^https?:\/\//i.test(link.value)) continue;
    spans.push({ start: link.start, end: link.end, token: { type: 'url', value: link.value } });
  }
  const free = (start: number, end: number) => !spans.some((s) => start < s.end && end > s.start);
  for (const m of text.matchAll(MENTION_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    spans.push({ start, end, token: { type: 'mention', value: m[0], username: m[1]!, domain: m[2] ?? null } });
  }
  for (const m of text.matchAll(HASHTAG_RE)) {
    const name = m[1]!.replace(HASHTAG_SEPARATORS_AT_END, '');
    if (!/\p{L}/u.test(name)) continue;
    const start = m.index;
    const end = start + 1 + name.length;
    if (!free(start, end)) continue;
    spans.push({ start, end, token: { type: 'hashtag', value: `#${name}`, name } });
  }
  spans.sort((a, b) => a.start - b.start);

  const tokens: TextToken[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) tokens.push({ type: 'text', value: text.slice(at, span.start) });
    tokens.push(span.token);
    at = span.end;
  }
  if (at < text.length) tokens.push({ type: 'text', value: text.slice(at) });
  return tokens;
}

/** The case-insensitive key of a hashtag: NFKC-normalised and lower-cased, as `tags.name_key`. */
export function hashtagKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

export interface ExtractedEntities {
  /** Distinct mentions, in order of first appearance. */
  mentions: Array<{ username: string; domain: string | null }>;
  /** Distinct hashtags by key, in order of first appearance (display form of the first use). */
  hashtags: string[];
  urls: string[];
}

export function extractEntities(text: string): ExtractedEntities {
  const mentions: ExtractedEntities['mentions'] = [];
  const seenMentions = new Set<string>();
  const hashtags: string[] = [];
  const seenTags = new Set<string>();
  const urls: string[] = [];
  for (const token of tokenizeText(text)) {
    if (token.type === 'mention') {
      const key = `${token.username}@${token.domain ?? ''}`.toLowerCase();
      if (!seenMentions.has(key)) {
        seenMentions.add(key);
        mentions.push({ username: token.username, domain: token.domain });
      }
    } else if (token.type === 'hashtag') {
      const key = hashtagKey(token.name);
      if (!seenTags.has(key)) {
        seenTags.add(key);
        hashtags.push(token.name);
      }
    } else if (token.type === 'url') {
      urls.push(token.value);
    }
  }
  return { mentions, hashtags, urls };
}

/** Characters a URL counts for, whatever its length (Mastodon's StatusLengthValidator). */
export const URL_PLACEHOLDER_LENGTH = 23;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Length as Mastodon counts it: grapheme clusters, every URL as 23 characters, and a remote
 * mention `@user@domain` as `@user`.
 */
export function countTextLength(text: string): number {
  let length = 0;
  for (const token of tokenizeText(text)) {
    if (token.type === 'url') length += URL_PLACEHOLDER_LENGTH;
    else if (token.type === 'mention') length += 1 + token.username.length;
    else length += [...segmenter.segment(token.value)].length;
  }
  return length;
}
