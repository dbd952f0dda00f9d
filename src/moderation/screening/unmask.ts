/**
 * Masked words: "k*ll", "m*rd*r", "memb*nuh", "t#d". People hide a letter or two behind an
 * asterisk (or #) to slip past word filters while every reader still sees the word. Each mask
 * character stands for one letter. What gets masked is the offending word, so a masked word is read
 * back against the packs' harm verbs and weapons, and only when exactly one of them fits ("sh*t"
 * could be shot or shut: it stays unread).
 */

const MASK_CHARS = new Set(['*', '#']);
const LETTER = /\p{L}/u;

/** Masked words longer than this are not looked up (no harm verb or weapon is that long). */
const MAX_MASKED_LENGTH = 24;

/**
 * Harm and weapon words grouped by length and first letter, so a lookup reads a handful of
 * words, not the whole vocabulary. Built once per word set.
 */
export class MaskedWordReader {
  private readonly index = new Map<string, string[]>();
  private readonly words = new Set<string>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      // Multi-word entries ("firing squad") never match one masked token.
      if (w.includes(' ') || this.words.has(w) || w.length > MAX_MASKED_LENGTH) continue;
      this.words.add(w);
      for (const key of keysOf(w)) {
        const list = this.index.get(key) ?? [];
        list.push(w);
        this.index.set(key, list);
      }
    }
  }

  /** Whether `word` (lower case, unmasked) is one of the harm or weapon words. */
  knows(word: string): boolean {
    return this.words.has(word);
  }

  /** The one harm or weapon word `word` spells, or null when none or several fit. */
  read(word: string): string | null {
    if (!isMaskedWord(word) || word.length > MAX_MASKED_LENGTH) return null;
    const chars = [...word];
    const first = chars[0]!;
    // A word is filed under its length and first letter, and under its length alone for a masked first letter.
    const candidates = this.index.get(MASK_CHARS.has(first) ? `${word.length}` : `${word.length}:${first}`) ?? [];
    let found: string | null = null;
    for (const candidate of candidates) {
      if (!fits(chars, candidate)) continue;
      if (found !== null && found !== candidate) return null;
      found = candidate;
    }
    return found;
  }
}

function keysOf(word: string): string[] {
  return [`${word.length}`, `${word.length}:${[...word][0]!}`];
}

/** A word with at least two letters and at most as many masks as letters: "**" alone is no word. */
export function isMaskedWord(word: string): boolean {
  let masks = 0;
  let letters = 0;
  for (const ch of word) {
    if (MASK_CHARS.has(ch)) masks++;
    else if (LETTER.test(ch)) letters++;
    else return false;
  }
  return masks > 0 && letters >= 2 && masks <= letters;
}

function fits(masked: readonly string[], candidate: string): boolean {
  const letters = [...candidate];
  if (letters.length !== masked.length) return false;
  for (let i = 0; i < masked.length; i++) {
    const m = masked[i]!;
    if (MASK_CHARS.has(m)) {
      if (!LETTER.test(letters[i]!)) return false;
    } else if (m !== letters[i]) return false;
  }
  return true;
}
