/**
 * Masked words: "k*ll", "m*rd*r", "memb*nuh", "t#d". People hide a letter or two behind an
 * asterisk (or #) to slip past word filters while every reader still sees the word. Each mask
 * character stands for one letter; the word is read back as the rule-pack word it can only be.
 */

/** Mask characters that may stand for a letter inside a word. */
const MASK = /[*#]/u;
const MASK_CHARS = new Set(['*', '#']);

/** Words of the vocabulary grouped by length, built once per vocabulary. */
const byLengthCache = new WeakMap<ReadonlySet<string>, Map<number, string[]>>();

function wordsOfLength(vocabulary: ReadonlySet<string>, length: number): readonly string[] {
  let index = byLengthCache.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const w of vocabulary) {
      // Multi-word entries ("firing squad") never match one masked token.
      if (w.includes(' ')) continue;
      const list = index.get(w.length) ?? [];
      list.push(w);
      index.set(w.length, list);
    }
    byLengthCache.set(vocabulary, index);
  }
  return index.get(length) ?? [];
}

/** A word with at least two letters and at most half of it masked: "**" alone is no word. */
export function isMaskedWord(word: string): boolean {
  if (!MASK.test(word)) return false;
  let masks = 0;
  let letters = 0;
  for (const ch of word) {
    if (MASK_CHARS.has(ch)) masks++;
    else if (/\p{L}/u.test(ch)) letters++;
    else return false;
  }
  return letters >= 2 && masks <= letters;
}

/**
 * The vocabulary word a masked word spells, or the word without its masks when none fits
 * (so "f*ck" stays one token for the model instead of two fragments). When several words fit,
 * the first in the vocabulary's order wins, which keeps the result deterministic.
 */
export function unmaskWord(word: string, vocabulary?: ReadonlySet<string>): string {
  if (!isMaskedWord(word)) return word;
  if (vocabulary) {
    const chars = [...word];
    for (const candidate of wordsOfLength(vocabulary, word.length)) {
      if (fits(chars, candidate)) return candidate;
    }
  }
  return word.replace(/[*#]/gu, '');
}

function fits(masked: readonly string[], candidate: string): boolean {
  const letters = [...candidate];
  if (letters.length !== masked.length) return false;
  for (let i = 0; i < masked.length; i++) {
    const m = masked[i]!;
    if (MASK_CHARS.has(m)) {
      if (!/\p{L}/u.test(letters[i]!)) return false;
    } else if (m !== letters[i]) return false;
  }
  return true;
}
