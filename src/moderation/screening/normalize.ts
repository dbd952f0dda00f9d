/**
 * Normalisation: turns a post into the token form rule packs and the model match against.
 *
 * Two views are kept: `tokens` (folded: leetspeak, stretched letters, spaced letters undone) for
 * matching words, and `literalTokens` (only case/width/homoglyph folded) so numbers and times
 * like "9pm" or "2024" survive for plan cues.
 */
import { isMaskedWord, type MaskedWordReader } from './unmask.js';

export interface NormalizedText {
  original: string;
  /** Folded tokens, the form rule packs are written in. */
  tokens: string[];
  /** Same length as `tokens`: whether the original token started with a capital letter mid-sentence. */
  nameLike: boolean[];
  /** Lower-cased tokens without leetspeak folding (numbers and times intact). */
  literalTokens: string[];
  /** Same length as `tokens`: whether the token stands inside quotation marks. */
  quoted: boolean[];
  /**
   * Same length as `tokens`: the index of the clause each token belongs to. A clause starts at a
   * sentence break (. ! ? … ; or a new line) and at a conjunction followed by a free relative
   * ("and whoever", "und wer", "et celui qui"): a benign cue does not excuse a signal standing in
   * a later clause (rule-evidence.ts).
   */
  clause: number[];
  /**
   * Same length as `tokens`: whether punctuation other than quotation marks (a comma, a full stop,
   * a dash, a bracket…) stands between the token and the one before. A fixed phrase does not run
   * across it: "bring a gun, range is close" holds no "gun range".
   */
  pauseBefore: boolean[];
  /** Laughing or winking emoji and the like: the author signals a joke. */
  jokeMarkers: number;
  /** `tokens` joined by single spaces. */
  text: string;
  /** `literalTokens` joined by single spaces. */
  literal: string;
}

const ZERO_WIDTH = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\uFE00-\uFE0F\uFEFF]/gu;

/**
 * Emoji used as stand-ins for weapons, nooses, arson and graves become the words packs list. Not
 * 💀: it is how younger writers say "I'm dead (laughing)" far more often than a threat.
 * "gravestone", not "grave": in French, Spanish, Portuguese and Italian "grave" means serious.
 */
const EMOJI_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/🔫/gu, ' gun '],
  [/🪢/gu, ' noose '],
  [/[🔪🗡]/gu, ' knife '],
  [/[💣🧨]/gu, ' bomb '],
  [/🔥/gu, ' fire '],
  [/🪦/gu, ' gravestone '],
];
/** The coffin is the one stand-in inside the Basic Multilingual Plane. */
const COFFIN = /⚰/gu;

/**
 * Emoji that mark a post as a joke, in every language; 😭 is how younger writers laugh. Not 😉:
 * a wink closes veiled threats as often as jokes ("the streets are dark on your way home 😉").
 */
const JOKE_EMOJI = /[😂🤣😆😅🙃😜😝😛😹🤪😭]/gu;

/**
 * Written laughter across our languages: lol, lmao, haha, ahah, hehe, hihi, jaja, kkk, rsrs,
 * huehue, wkwk, mdr, ptdr, jpp, jrigole, xd, jk.
 */
const LAUGH_WORD =
  /^(?:lol+|lmf?ao+|rofl|(?:ha){2,}h?|a(?:ha){2,}h?|ahah|(?:he){2,}h?|(?:hi){2,}h?|(?:ja){2,}j?|k{3,}|(?:rs){2,}|(?:hue){2,}|(?:wk){2,}|mdr+|ptdr+|jpp|jrigole|xd+|jk)$/u;

/** Cyrillic and Greek letters that look like Latin ones (upper case mapped before lower-casing). */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', к: 'k', м: 'm', т: 't', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ӏ: 'l',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  α: 'a', ο: 'o', ι: 'i', κ: 'k', ν: 'v', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ε: 'e', ѵ: 'v',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'gu');

/** Leetspeak digits and symbols; the first letter is the usual reading, the second an alternative. */
const LEET: Readonly<Record<string, readonly string[]>> = {
  '0': ['o'], '1': ['i', 'l'], '3': ['e'], '4': ['a'], '5': ['s'], '7': ['t'], '8': ['b'], '9': ['g'],
  $: ['s'], '@': ['a'], '!': ['i', 'l'], '|': ['l', 'i'], '+': ['t'], '€': ['e'],
};
const LEET_CHARS = /[0-9$@!|+€]/u;
/** The same characters as a set: `isPlainWord` checks every character of every word. */
const LEET_CHAR_SET: ReadonlySet<string> = new Set('0123456789$@!|+€');
/** A high surrogate: the string holds a character outside the Basic Multilingual Plane (emoji). */
const ASTRAL = /[\uD800-\uDBFF]/;
/** Tokens that are numbers with a unit or ordinal suffix stay as they are ("9pm", "2nd", "10k"). */
const NUMBER_WITH_UNIT = /^\d+([.,:]\d+)*(am|pm|h|st|nd|rd|th|e|er|k|m|km|kg|min|s|x|%)?$/u;

/** Letters separated by dots, dashes, underscores or asterisks: h.a.n.g, k-i-l-l, s*h*o*o*t. */
const DOTTED = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}$@!|][.\-_*·]){2,}[\p{L}\p{N}$@!|](?![\p{L}\p{N}])/gu;
/** Syllables split by dots or middle dots (roz.wa.le, zabi·je): joined when they spell a harm or weapon word. */
const DOTTED_SYLLABLES = /(?<![\p{L}\p{N}@.·])\p{L}{1,6}(?:[.·]\p{L}{1,6})+(?![\p{L}\p{N}]|[.·]\p{L})/gu;
const MIN_DOTTED_WORD = 4;
/** A letter, a dot and a letter: only such posts can hold dotted syllables. */
const LETTER_DOT_LETTER = /\p{L}[.·]\p{L}/u;

const TOKEN = /\p{N}+(?:[:.,]\p{N}+)+(?:am|pm|h)?(?![\p{L}\p{N}])|@[\p{L}\p{N}_]+(?:[.\-][\p{L}\p{N}_]+)*(?:@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+)?|[\p{L}\p{M}\p{N}$@!|+€'_]+/gu;
/** The same, keeping words with letters hidden behind * or # ("k*ll", "m*rd*r") whole so they can be read back. */
const TOKEN_WITH_MASKS = /\p{N}+(?:[:.,]\p{N}+)+(?:am|pm|h)?(?![\p{L}\p{N}])|@[\p{L}\p{N}_]+(?:[.\-][\p{L}\p{N}_]+)*(?:@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+)?|\p{L}+(?:[*#]{1,3}\p{L}+)+(?![\p{L}\p{M}\p{N}$@!|+€'_])|[\p{L}\p{M}\p{N}$@!|+€'_]+/gu;
/** A mask between letters: only such posts need the slower tokenizer. */
const HAS_MASK = /\p{L}[*#]{1,3}\p{L}/u;
/** A sentence ends at . ! ? … with only spaces and quotation marks after it ('… them." He', '… agree. "We'). */
const SENTENCE_END = /[.!?…][\s"“”„«»‹›'‘’]*$/u;
/** Punctuation that a fixed phrase does not run across (quotation marks and apostrophes are no pause). */
const PAUSE = /[,.;:!?…()[\]{}\-–—/\\|\n]/u;

/**
 * @param vocabulary every word the packs mention: picks among leetspeak and spelling readings
 * @param masked reads masked words ("k*ll") back as the one harm or weapon word they spell
 */
export function normalize(text: string, vocabulary?: ReadonlySet<string>, masked?: MaskedWordReader): NormalizedText {
  let s = text.normalize('NFKC').replace(ZERO_WIDTH, '');
  // Every emoji we look for lies outside the Basic Multilingual Plane: most posts have none, and
  // one scan for a surrogate spares them six passes.
  const hasAstral = ASTRAL.test(s);
  const jokeMarkers = hasAstral ? (s.match(JOKE_EMOJI) ?? []).length : 0;
  if (hasAstral) for (const [re, word] of EMOJI_WORDS) s = s.replace(re, word);
  if (s.includes('⚰')) s = s.replace(COFFIN, ' coffin ');
  s = s.replace(HOMOGLYPH_RE, (c) => HOMOGLYPHS[c] ?? c).replace(/[’‘`´ʼ]/gu, "'");
  s = s.replace(DOTTED, (m) => (/\p{L}.*\p{L}/u.test(m) ? m.replace(/[.\-_*·]/gu, '') : m));
  if (masked && LETTER_DOT_LETTER.test(s)) s = joinDottedSyllables(s, masked);

  const raw: RawToken[] = [];
  const quotedAt = quoteMap(s);
  let lastEnd = 0;
  // Only a post with a mask between letters can hold masked words: the others skip the check per word.
  const hasMasks = HAS_MASK.test(s);
  // A "!" is a word character (leetspeak "k!ll"), so "reported! Whoever" is one gap of one space:
  // an exclamation mark trimmed off the end of the word before is what ends that sentence.
  let exclaimedBefore = false;
  for (const m of s.matchAll(hasMasks ? TOKEN_WITH_MASKS : TOKEN)) {
    const word = trimToken(m[0]);
    if (word === '') continue;
    const exclaimed = exclaimedBefore;
    exclaimedBefore = m[0].endsWith('!') && !word.endsWith('!');
    // Most words are separated by one space, which neither ends a sentence nor is a wide gap:
    // that case is told from the characters, without cutting out the gap.
    const plainGap = m.index === lastEnd + 1 && s.charCodeAt(lastEnd) === SPACE;
    const before = plainGap ? ' ' : s.slice(lastEnd, m.index);
    const sentenceStart = raw.length === 0 || exclaimed || (!plainGap && (SENTENCE_END.test(before) || before.includes('\n')));
    lastEnd = m.index + m[0].length;
    const first = word[0] ?? '';
    const nameLike = !sentenceStart && first !== first.toLowerCase() && word.slice(1) !== word.slice(1).toUpperCase();
    const quoted = quotedAt !== null && quotedAt[m.index] === 1;
    // "am 1. Mai", "17. mai", "zum 3. Mal": a full stop after a number may be an ordinal, not the end
    // of a sentence ("I left at 10. Whoever wrote this …" is two).
    const breakBefore =
      raw.length > 0 &&
      (exclaimed ||
        (!plainGap && ((sentenceStart && !ordinalBefore(raw, before, word, s, m.index)) || before.includes(';') || contrastAfterPause(before, word, s, m.index + m[0].length))));
    const pauseBefore = raw.length > 0 && (exclaimed || (!plainGap && PAUSE.test(before)));
    const token: RawToken = { word: word.toLowerCase(), nameLike, quoted, wideGapBefore: !plainGap && /\s{2,}|\//u.test(before), breakBefore, pauseBefore };
    if (hasMasks && isMaskedWord(token.word)) pushMasked(raw, token, masked);
    else raw.push(token);
  }

  const literalTokens = raw.map((t) => t.word);
  const laughs = countLaughs(literalTokens);
  const joined = joinSpacedLetters(raw, vocabulary, masked);
  const tokens = joined.map((t) => foldToken(t.word, vocabulary));
  return {
    original: text,
    tokens,
    nameLike: joined.map((t) => t.nameLike),
    quoted: joined.map((t) => t.quoted),
    clause: clauseIndices(joined, tokens),
    pauseBefore: joined.map((t) => t.pauseBefore === true),
    jokeMarkers: jokeMarkers + laughs,
    literalTokens,
    text: tokens.join(' '),
    literal: literalTokens.join(' '),
  };
}

const SPACE = 0x20;

/**
 * "roz.wa.le" and "zabi.je" hide a harm word from a plain word list, like dotted letters do. As
 * with masked words, what gets hidden is the offending word, so the pieces are joined only when
 * the whole is one of the packs' harm verbs or weapons: "m.in.", "st.pauli" and domain names stay
 * as they are.
 */
function joinDottedSyllables(s: string, harmWords: MaskedWordReader): string {
  return s.replace(DOTTED_SYLLABLES, (m) => {
    const joined = m.replace(/[.·]/gu, '');
    // Short words are abbreviations far more often than hidden words ("m.in." → "min", mines).
    return joined.length >= MIN_DOTTED_WORD && harmWords.knows(joined.toLowerCase()) ? joined : m;
  });
}

/**
 * A masked word becomes the harm or weapon word it spells; one that spells none (or several) is
 * split at its masks, as if they were spaces, so "i*will*kill*you" still reads as four words.
 */
function pushMasked(raw: RawToken[], token: RawToken, masked?: MaskedWordReader): void {
  const read = masked?.read(token.word);
  if (read) {
    raw.push({ ...token, word: read });
    return;
  }
  token.word.split(/[*#]+/u).forEach((part, i) => {
    if (part !== '') raw.push({ ...token, word: part, wideGapBefore: i === 0 && token.wideGapBefore, nameLike: i === 0 && token.nameLike, breakBefore: i === 0 && token.breakBefore === true, pauseBefore: i === 0 && token.pauseBefore === true });
  });
}

/** Whether a (lower-case) word is written laughter. */
export function isLaughWord(word: string): boolean {
  return LAUGH_WORD.test(word);
}

function countLaughs(words: readonly string[]): number {
  let laughs = 0;
  for (const w of words) if (LAUGH_WORD.test(w)) laughs++;
  return laughs;
}

function trimToken(word: string): string {
  if (!TRIMMED.has(word[0]!) && !TRIMMED.has(word[word.length - 1]!)) return word;
  // Leading/trailing quotes and exclamation marks are punctuation, not leetspeak.
  if (word.startsWith('@') && word.length > 1 && /\p{L}/u.test(word)) return word.replace(/['!]+$/u, '');
  return word.replace(/^['!|+_]+|['!|+_]+$/gu, '');
}

/** Characters `trimToken` may strip from either end; words without them at the ends stay as they are. */
const TRIMMED = new Set(["'", '!', '|', '+', '_']);

const QUOTE_OPENERS = new Set(['"', '“', '„', '«', '»', '‹', '›', '「', '『']);
const QUOTE_CLOSERS = new Set(['"', '”', '“', '»', '«', '›', '‹', '」', '』']);

/** Every opening or closing quotation mark: a post without any needs no quotation map. */
const ANY_QUOTE = /["“„«»‹›「『”」』]/u;
/** A single quote opening a quotation ('…' and ‘…’, folded to ' before): after a space, before a letter. */
const SINGLE_QUOTE_OPENER = /(?:^|[\s(])'[\p{L}\p{N}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * 1 at every character inside quotation marks (“…”, „…“, «…», "…", '…'), so quoted speech can be
 * told apart; null when the text has no quotation mark (nothing is quoted). A single quote is an
 * apostrophe unless it opens after a space and a closing one follows a word ("'we will', they
 * wrote"), so "don't" and "l'homme" quote nothing.
 */
function quoteMap(s: string): Uint8Array | null {
  const doubles = ANY_QUOTE.test(s);
  const singles = SINGLE_QUOTE_OPENER.test(s);
  if (!doubles && !singles) return null;
  const map = new Uint8Array(s.length);
  let open = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (open && QUOTE_CLOSERS.has(c)) open = false;
    else if (!open && QUOTE_OPENERS.has(c)) open = true;
    else if (!open && singles && c === "'" && opensSingleQuote(s, i)) {
      const end = singleQuoteEnd(s, i + 1);
      if (end > 0) {
        // From the opening quote: a token may start at it ("'bunuh").
        map.fill(1, i, end);
        i = end;
      }
    } else if (open) map[i] = 1;
  }
  return map;
}

function opensSingleQuote(s: string, i: number): boolean {
  const before = i === 0 ? ' ' : s[i - 1]!;
  if (!(before === '(' || /\s/u.test(before)) || !LETTER_OR_DIGIT.test(s[i + 1] ?? '')) return false;
  // Elisions ('cause, 'em, 'n', 'til) start with an apostrophe but open nothing.
  return !ELISION.test(s.slice(i + 1, i + 7));
}

/** Words that begin with an apostrophe in English and Dutch ('s-Hertogenbosch, 't). */
const ELISION = /^(?:cause|cos|coz|em|n|til|tis|twas|bout|round|s|t|k)(?![\p{L}\p{N}])/iu;
/** A single-quoted span ends on its line and within this many characters: quotation, not a stray apostrophe far away. */
const MAX_SINGLE_QUOTE = 280;

/**
 * Index of the quote closing a single quotation opened just before `from`, or -1: a word's last
 * character, then ', then no letter, on the same line and within MAX_SINGLE_QUOTE characters.
 */
function singleQuoteEnd(s: string, from: number): number {
  const limit = Math.min(s.length, from + MAX_SINGLE_QUOTE);
  for (let j = from + 1; j < limit; j++) {
    const c = s[j];
    if (c === '\n') return -1;
    if (c === "'" && !LETTER_OR_DIGIT.test(s[j + 1] ?? '') && /[\p{L}\p{N}.!?,…]/u.test(s[j - 1]!)) return j;
  }
  return -1;
}

interface RawToken {
  word: string;
  nameLike: boolean;
  quoted: boolean;
  /** Two or more spaces before the token: in s p a c e d   text, that separates words. */
  wideGapBefore: boolean;
  /** A sentence break (. ! ? … ; or a new line) stands before the token. */
  breakBefore?: boolean;
  /** Punctuation stands before the token (see `NormalizedText.pauseBefore`). */
  pauseBefore?: boolean;
}

/**
 * Per language, the coordinating conjunctions and the free relatives that, right after one of
 * them, open a clause of their own ("and whoever wrote them", "und wer das schreibt", "et celui
 * qui a écrit ça", "a kto"), in the normalised form. A free relative alone does not: as often it
 * opens the object of the clause before ("for saying whoever …"). Pairs are only made within one
 * language, since a conjunction of one is a preposition of another: Dutch "en" is Spanish "in"
 * ("en el que"), Polish "a" is Italian "to" ("a chi"), Dutch "of" is English "of" ("of those who").
 */
const CLAUSE_OPENERS: ReadonlyArray<{ conjunctions: ReadonlySet<string>; relatives: readonly (readonly string[])[] }> = [
  { // en
    conjunctions: ['and', 'but', 'or'],
    relatives: ['whoever', 'whomever', 'anyone who', 'anybody who', 'everyone who', 'the one who', 'the ones who', 'the person who',
      'the people who', 'the guy who', 'those who', 'he who', 'whoever s'],
  },
  { // de
    conjunctions: ['und', 'aber', 'oder'],
    relatives: ['wer', 'derjenige der', 'diejenige die', 'diejenigen die', 'jeder der', 'alle die'],
  },
  { // fr
    conjunctions: ['et', 'mais', 'ou'],
    relatives: ['celui qui', 'celle qui', 'ceux qui', 'celles qui', 'quiconque', 'tous ceux qui'],
  },
  { // es
    conjunctions: ['y', 'e', 'pero', 'o'],
    relatives: ['quien', 'quienes', 'el que', 'la que', 'los que', 'las que', 'quienquiera que', 'todo el que'],
  },
  { // pt
    conjunctions: ['e', 'mas', 'ou'],
    relatives: ['quem', 'aquele que', 'aquela que', 'aqueles que', 'todo aquele que'],
  },
  { // it
    conjunctions: ['e', 'ed', 'ma', 'o'],
    relatives: ['chi', 'chiunque', 'colui che', 'coloro che', 'quelli che'],
  },
  { // nl
    conjunctions: ['en', 'maar', 'of'],
    relatives: ['wie', 'degene die', 'diegene die', 'degenen die', 'iedereen die'],
  },
  { // nb
    conjunctions: ['og', 'men', 'eller'],
    relatives: ['den som', 'de som', 'hvem som', 'hvem enn', 'alle som', 'han som', 'hun som'],
  },
  { // pl
    conjunctions: ['i', 'a', 'ale', 'lub', 'oraz'],
    relatives: ['kto', 'ten kto', 'ci którzy', 'ten który', 'każdy kto', 'ktokolwiek', 'ten co'],
  },
  { // id
    conjunctions: ['dan', 'tapi', 'tetapi', 'atau', 'serta'],
    relatives: ['siapa pun yang', 'siapapun yang', 'barang siapa', 'orang yang', 'mereka yang'],
  },
].map(({ conjunctions, relatives }) => ({ conjunctions: new Set(conjunctions), relatives: relatives.map((p) => p.split(' ')) }));

/**
 * "but" in our languages. After a comma or a dash it turns the sentence ("nobody was hurt this
 * time, but next time I kill your brother"): what comes after is the author's next clause, and a
 * benign cue before it does not excuse a strong signal after it. Only after a pause, since some of
 * these words are other words elsewhere (Portuguese "mais" is "more", English "men", Polish "ma" "has").
 */
const CONTRASTIVE = new Set(['but', 'aber', 'mais', 'pero', 'mas', 'ma', 'però', 'maar', 'men', 'ale', 'tapi', 'tetapi', 'namun']);
const LIST_WORDS = ['and', 'or', 'og', 'eller', 'e', 'et', 'ou', 'y', 'o', 'i', 'und', 'oder', 'en', 'of', 'dan', 'atau', 'lub'];
/**
 * Of those, the ones that are other words elsewhere even after a comma, with the next words that
 * show it: a list ("women, men and children"), "more" ("…, mais uma vez", "mais de", Spanish
 * "mas que" without its accent), "my" (French "…, ma mère").
 */
const NOT_BUT_BEFORE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['men', new Set(LIST_WORDS)],
  ['mais', new Set([...LIST_WORDS, 'uma', 'um', 'de', 'do', 'da', 'dos', 'das', 'que', 'tarde', 'cedo', 'nada', 'ninguém', 'ninguem'])],
  ['mas', new Set([...LIST_WORDS, 'que'])],
  ['ma', new Set([...LIST_WORDS, 'mère', 'mere', 'femme', 'soeur', 'sœur', 'fille', 'vie', 'maison', 'copine'])],
]);

function contrastAfterPause(before: string, word: string, s: string, end: number): boolean {
  const lower = word.toLowerCase();
  if (!CONTRASTIVE.has(lower) || !/[,–—]|\s-\s/u.test(before)) return false;
  const notBefore = NOT_BUT_BEFORE.get(lower);
  if (!notBefore) return true;
  const next = /^[^\p{L}]*(\p{L}+)/u.exec(s.slice(end, end + 40))?.[1]?.toLowerCase();
  return next === undefined || !notBefore.has(next);
}

/** A free relative of any of our languages at the start of a text ("whoever", "den som", "kto"). */
const FREE_RELATIVE_START = new RegExp(
  `^(?:${[...new Set(CLAUSE_OPENERS.flatMap((o) => o.relatives.map((p) => p.join('\\s+'))))].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`,
  'u',
);
/** The longest free relative is shorter than this many characters. */
const FREE_RELATIVE_REACH = 40;

/** Every conjunction above: most words are none, and need one lookup only. */
const ANY_CONJUNCTION: ReadonlySet<string> = new Set(CLAUSE_OPENERS.flatMap((o) => [...o.conjunctions]));

/** Whether token `i` is a conjunction followed by a free relative of the same language. */
function opensClause(tokens: readonly string[], i: number): boolean {
  const conjunction = tokens[i]!;
  if (!ANY_CONJUNCTION.has(conjunction)) return false;
  return CLAUSE_OPENERS.some(
    ({ conjunctions, relatives }) => conjunctions.has(conjunction) && relatives.some((p) => p.every((w, k) => tokens[i + 1 + k] === w)),
  );
}

/**
 * Dates, in lower case, that follow a number written as an ordinal with a full stop, in the
 * languages that write ordinals so (German, Norwegian and Danish, Polish): month names ("am 1.
 * Mai", "17. mai", "1. maja") and weekdays.
 */
const ORDINAL_DATES: ReadonlySet<string> = new Set([
  // de
  'januar', 'jänner', 'jaenner', 'februar', 'feber', 'märz', 'maerz', 'april', 'mai', 'juni', 'juli', 'august', 'september',
  'oktober', 'november', 'dezember', 'jan', 'feb', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonnabend', 'sonntag',
  // nb, da (months and weekdays are written in lower case, but start a sentence capitalised)
  'mars', 'marts', 'desember', 'december', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag',
  // pl
  'stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'wrzesnia', 'października',
  'pazdziernika', 'listopada', 'grudnia', 'styczeń', 'styczen', 'luty', 'marzec', 'kwiecień', 'kwiecien', 'maj', 'czerwiec',
  'lipiec', 'sierpień', 'sierpien', 'wrzesień', 'wrzesien', 'październik', 'pazdziernik', 'listopad', 'grudzień', 'grudzien',
]);

/**
 * Nouns German (and Norwegian) capitalise after an ordinal ("zum 3. Mal", "der 2. Platz", "1. FC").
 * Several are everyday words elsewhere ("Person", "Kind", "Mal", "Tag"), so they make an ordinal
 * only after an article or preposition (ORDINAL_LEADS) or at the start of the post.
 */
const ORDINAL_NOUNS: ReadonlySet<string> = new Set([
  'platz', 'mal', 'klasse', 'liga', 'bundesliga', 'stock', 'stockwerk', 'etage', 'obergeschoss', 'runde', 'spieltag', 'advent',
  'jahrhundert', 'jahrtausend', 'geburtstag', 'jahrestag', 'todestag', 'hochzeitstag', 'halbzeit', 'minute', 'tag', 'woche',
  'monat', 'jahr', 'welle', 'weltkrieg', 'reich', 'stelle', 'rang', 'gang', 'kapitel', 'auflage', 'staffel', 'folge', 'teil',
  'ausgabe', 'lauf', 'satz', 'akt', 'semester', 'schuljahr', 'instanz', 'grades', 'ordnung', 'sinfonie', 'symphonie',
  'hälfte', 'haelfte', 'quartal', 'fc', 'mannschaft', 'person', 'kind', 'preis', 'versuch', 'tor', 'durchgang', 'etappe',
  'rennen', 'bezirk', 'strophe', 'buch', 'mose', 'korinther', 'sitzung', 'lesung', 'wahlgang', 'stufe', 'lektion', 'uhr',
  'plass', 'divisjon', 'etasje',
]);

/** Words before a number that make it an ordinal when an ORDINAL_NOUNS word follows ("zum 3. Mal", "i 2. etasje"). */
const ORDINAL_LEADS: ReadonlySet<string> = new Set([
  'am', 'an', 'der', 'die', 'das', 'den', 'dem', 'des', 'zum', 'zur', 'im', 'beim', 'vom', 'ins', 'ab', 'seit', 'bis', 'zu',
  'nach', 'vor', 'fürs', 'fuers', 'jeder', 'jede', 'jedes', 'sein', 'seine', 'seinem', 'seinen', 'ihr', 'ihre', 'ihrem', 'ihren',
  'mein', 'meine', 'meinem', 'meinen', 'unser', 'unsere', 'unserem', 'unseren', 'i', 'på', 'til', 'det', 'en', 'et', 'ei',
]);

/**
 * Whether the full stop between the number just read and `word` (at `index` of `s`) is an
 * ordinal's rather than a sentence's end. Only a number of one or two digits followed by ". " can
 * be one. A month or weekday (ORDINAL_DATES) says it is, and so does a noun that follows ordinals
 * (ORDINAL_NOUNS) after an article or preposition or at the start ("zum 3. Mal", "1. FC"); any
 * other capitalised word says a sentence starts ("I left at 10. Whoever wrote this …", "… at 10.
 * Person who wrote this …": English, French, Spanish, Portuguese, Italian, Dutch and Indonesian
 * write no ordinals so); so does a free relative in lower case ("10. whoever", "1. wer", "10. den
 * som", "1. kto"), which no ordinal precedes. Other lower-case words follow ordinals in the
 * languages that write them ("den 17. mai", "am 3. großen Tag").
 */
function ordinalBefore(raw: readonly RawToken[], before: string, word: string, s: string, index: number): boolean {
  if (!/^\.[ \t]*$/u.test(before) || !/^\d{1,2}$/u.test(raw[raw.length - 1]!.word)) return false;
  const lower = word.toLowerCase();
  if (ORDINAL_DATES.has(lower)) return true;
  const lead = raw[raw.length - 2];
  if (ORDINAL_NOUNS.has(lower) && (lead === undefined || ORDINAL_LEADS.has(lead.word))) return true;
  const first = word[0] ?? '';
  if (first !== first.toLowerCase()) return false;
  return !FREE_RELATIVE_START.test(s.slice(index, index + FREE_RELATIVE_REACH).toLowerCase());
}

/** Clause index per token: see `NormalizedText.clause`. */
function clauseIndices(joined: readonly RawToken[], tokens: readonly string[]): number[] {
  const clause = new Array<number>(tokens.length);
  let c = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && (joined[i]!.breakBefore || opensClause(tokens, i))) c++;
    clause[i] = c;
  }
  return clause;
}

/** "k i l l" → "kill": three or more single characters in a row are one spelled-out word. */
function joinSpacedLetters(tokens: RawToken[], vocabulary?: ReadonlySet<string>, harmWords?: MaskedWordReader): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j < tokens.length && isSingleCharacter(tokens[j]!.word)) j++;
    if (j - i >= 3) {
      let start = i;
      for (let k = i + 1; k <= j; k++) {
        if (k === j || tokens[k]!.wideGapBefore) {
          pushSpelledOut(out, tokens.slice(start, k), vocabulary, harmWords);
          start = k;
        }
      }
      i = j;
    } else {
      out.push(tokens[i]!);
      i++;
    }
  }
  return out;
}

/**
 * One-letter words of our languages ("i", "a", "o", "u", "y", "e", "w", "z", "å", "à", "è", "ó"; "u r"
 * for "you are"). When two or more letters are split off a spelled-out word, each must be one of
 * these. A single letter may be split off whatever it is, when the rest is a pack word and the
 * whole is not: "k i l l s" stays "kills" because the packs know "kills"; "k n i f e r" reads
 * "knife r".
 */
const ONE_LETTER_WORDS: ReadonlySet<string> = new Set(['a', 'i', 'o', 'u', 'y', 'e', 'w', 'z', 'å', 'à', 'è', 'é', 'ó', 'r']);
/** At most this many one-letter words are told apart at each end of a run ("i w z a b i j ę"). */
const MAX_LETTER_WORDS = 2;
/** A spelled-out word left after one-letter words are told apart has at least this many letters. */
const MIN_SPELLED = 3;

/**
 * Pushes one spelled-out word. One-letter words may stand right before or after it ("te voy a
 * m a t a r", "i k i l l u", "i w z a b i j ę", "å d r e p e i"). A run the packs know as a whole
 * stays whole; otherwise it is read as the harm verb or weapon of the packs that is left once
 * one-letter words are told apart at its ends (fewest first), else as a word the packs know, else
 * whole. Any other single letter may be told apart too, one at most and only when the whole run is
 * no known word ("hay q q u e m a r": "q" is written for "que").
 */
function pushSpelledOut(out: RawToken[], letters: readonly RawToken[], vocabulary?: ReadonlySet<string>, harmWords?: MaskedWordReader): void {
  const join = (from: number, to: number): RawToken => ({
    ...letters[from]!,
    word: letters.slice(from, to).map((t) => t.word).join(''),
    nameLike: false,
  });
  const n = letters.length;
  let best: { from: number; to: number; rank: number } | null = null;
  if (vocabulary && !vocabulary.has(join(0, n).word)) {
    for (let stripped = 1; stripped <= 2 * MAX_LETTER_WORDS; stripped++) {
      for (let from = Math.max(0, stripped - MAX_LETTER_WORDS); from <= Math.min(stripped, MAX_LETTER_WORDS); from++) {
        const to = n - (stripped - from);
        if (to - from < MIN_SPELLED) continue;
        if (stripped > 1 && !(allLetterWords(letters, 0, from) && allLetterWords(letters, to, n))) continue;
        const word = join(from, to).word;
        const rank = harmWords?.knows(word) ? 0 : vocabulary.has(word) ? 1 : 2;
        if (rank < 2 && (best === null || rank < best.rank)) best = { from, to, rank };
      }
    }
  }
  if (best === null) {
    out.push(join(0, n));
    return;
  }
  for (let k = 0; k < best.from; k++) out.push(letters[k]!);
  out.push(join(best.from, best.to));
  for (let k = best.to; k < n; k++) out.push(letters[k]!);
}

function allLetterWords(letters: readonly RawToken[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!ONE_LETTER_WORDS.has(letters[k]!.word)) return false;
  return true;
}

/** One code point: one UTF-16 unit, or a surrogate pair (an emoji or a letter outside the BMP). */
export function isSingleCharacter(word: string): boolean {
  if (word.length === 1) return true;
  if (word.length !== 2) return false;
  const high = word.charCodeAt(0);
  const low = word.charCodeAt(1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** Plain words (letters only, no letter three times in a row) need no folding: the common case, kept fast. */
function isPlainWord(word: string): boolean {
  let run = 0;
  let prev = '';
  for (const ch of word) {
    if (LEET_CHAR_SET.has(ch)) return false;
    run = ch === prev ? run + 1 : 1;
    if (run >= 3) return false;
    prev = ch;
  }
  return true;
}

function foldToken(word: string, vocabulary?: ReadonlySet<string>): string {
  if (isPlainWord(word)) return word;
  if (word.startsWith('@') && word.length > 1 && !/^@[\d$!|+€]*$/u.test(word)) {
    // '@' followed by letters is a mention unless it reads as a leetspeak word ("h@ng" has it inside).
    return word;
  }
  let candidates: string[] = [word];
  if (LEET_CHARS.test(word) && /[\p{L}$@]/u.test(word) && !NUMBER_WITH_UNIT.test(word)) {
    candidates = expandLeet(word);
  }
  candidates = candidates.flatMap(destretch);
  if (vocabulary) {
    for (const c of candidates) if (vocabulary.has(c)) return c;
  }
  // Letters then digits, or digits then letters, is how codes and names are written ("A12",
  // "B52", "covid19", "4chan"), not how leetspeak hides a word: unless it spells a pack word,
  // it stays as written.
  if (CODE_LIKE.test(word)) return word;
  return candidates[0] ?? word;
}

const CODE_LIKE = /^(?:\p{L}+\d+|\d+\p{L}+)$/u;

function expandLeet(word: string): string[] {
  let acc = [''];
  for (const ch of word) {
    const options = LEET[ch] ?? [ch];
    const next: string[] = [];
    for (const prefix of acc) for (const o of options) if (next.length < 16) next.push(prefix + o);
    acc = next;
  }
  return acc;
}

/** "kiiiill" → ["kiill", "kill"]: runs of three or more letters become two or one. */
function destretch(word: string): string[] {
  if (!/(\p{L})\1\1/u.test(word)) return [word];
  const runs = [...word.matchAll(/(\p{L})\1*|[^\p{L}]+/gu)].map((m) => m[0]);
  let acc = [''];
  for (const run of runs) {
    const ch = run[0] ?? '';
    const options = run.length >= 3 ? [ch + ch, ch] : [run];
    const next: string[] = [];
    for (const prefix of acc) for (const o of options) if (next.length < 16) next.push(prefix + o);
    acc = next;
  }
  return acc;
}
