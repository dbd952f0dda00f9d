import { describe, expect, it } from 'vitest';
import { escapeLike } from './account-search-queries.js';
import { parseAccountQuery } from './search-accounts.js';
import { normaliseTagQuery } from './search-hashtags.js';
import { foldDiacritics, searchTerms } from './status-search-queries.js';

describe('search query parsing', () => {
  it('reads handles: leading @, the local domain, other domains', () => {
    expect(parseAccountQuery(' @Alice ', 'parley.test')).toEqual({ acctKey: 'alice', prefix: 'alice' });
    expect(parseAccountQuery('alice@Parley.Test', 'parley.test')).toEqual({ acctKey: 'alice', prefix: 'alice' });
    expect(parseAccountQuery('alice@elsewhere.example', 'parley.test')).toEqual({
      acctKey: 'alice@elsewhere.example',
      prefix: 'alice@elsewhere.example',
    });
    expect(parseAccountQuery('@', 'parley.test')).toBeNull();
    expect(parseAccountQuery('@@x', 'parley.test')).toBeNull();
  });

  it('normalises hashtag queries to the tags key form and rejects what cannot be a tag', () => {
    expect(normaliseTagQuery('#Café')).toBe('café');
    // NFKC folds full-width letters to ASCII.
    expect(normaliseTagQuery('ＰＡＲＬＥＹ')).toBe('parley');
    expect(normaliseTagQuery('日本語')).toBe('日本語');
    expect(normaliseTagQuery('two words')).toBeNull();
    expect(normaliseTagQuery('#')).toBeNull();
  });

  it('splits status queries into words and drops pure punctuation', () => {
    expect(searchTerms('  hello   "world"  -- ! #tag ')).toEqual(['hello', '"world"', '#tag']);
    expect(searchTerms('!!! ...')).toEqual([]);
  });

  it('folds diacritics the way the PostgreSQL trigger does', () => {
    expect(foldDiacritics('Crème Brûlée Zürich')).toBe('Creme Brulee Zurich');
    expect(foldDiacritics('привет')).toBe('привет');
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('a_b%c\\d')).toBe('a\\_b\\%c\\\\d');
  });
});
