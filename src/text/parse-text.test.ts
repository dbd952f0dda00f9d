import { describe, expect, it } from 'vitest';
import { countTextLength, extractEntities, hashtagKey, tokenizeText } from './parse-text.js';

describe('extractEntities', () => {
  it('finds local and remote mentions, once each, in order', () => {
    const { mentions } = extractEntities('@alice hi @Bob@example.social and @alice again');
    expect(mentions).toEqual([
      { username: 'alice', domain: null },
      { username: 'Bob', domain: 'example.social' },
    ]);
  });

  it('does not take e-mail addresses or URL parts for mentions', () => {
    expect(extractEntities('mail me at bob@example.com').mentions).toEqual([]);
    expect(extractEntities('https://example.com/@carol/1').mentions).toEqual([]);
  });

  it('stops a mention before trailing punctuation', () => {
    expect(extractEntities('thanks @dave.').mentions).toEqual([{ username: 'dave', domain: null }]);
  });

  it('finds Unicode hashtags, skips pure digits and anchors in URLs', () => {
    const { hashtags } = extractEntities('#Cats #日本語 #café #123 #1st #snake_case x#no https://example.com/#anchor #cats');
    expect(hashtags).toEqual(['Cats', '日本語', 'café', '1st', 'snake_case']);
  });

  it('extracts only URLs written with a scheme', () => {
    expect(extractEntities('see example.com and https://example.org/path?q=1.').urls).toEqual(['https://example.org/path?q=1']);
  });

  it('keys hashtags case-insensitively and NFKC-normalised', () => {
    expect(hashtagKey('ＣＡＴＳ')).toBe('cats');
  });
});

describe('tokenizeText', () => {
  it('covers the whole text without overlaps', () => {
    const text = 'a @b #c https://d.example/#e f';
    expect(tokenizeText(text).map((t) => t.value).join('')).toBe(text);
    expect(tokenizeText(text).map((t) => t.type)).toEqual(['text', 'mention', 'text', 'hashtag', 'text', 'url', 'text']);
  });
});

describe('countTextLength', () => {
  it('counts every URL as 23 characters', () => {
    expect(countTextLength(`x https://example.com/${'a'.repeat(100)}`)).toBe(2 + 23);
  });

  it('counts a remote mention as its username only', () => {
    expect(countTextLength('@bob@very.long.domain.example')).toBe(4);
  });

  it('counts grapheme clusters, not code units', () => {
    expect(countTextLength('👩‍👩‍👧‍👦é')).toBe(2);
  });
});
