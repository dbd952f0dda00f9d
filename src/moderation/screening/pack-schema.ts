/**
 * The JSON shape of a rule pack (`packs/<lang>.json`) and its validation.
 * Validation reports every problem with its path so a pack author can fix them all at once.
 */
import { BENIGN_CUE_KINDS, VIOLENT_CATEGORIES, type BenignCueKind, type ViolentCategory } from './types.js';
import { CLASS_NAMES } from './pattern-elements.js';
import { expandPhraseGroups, hasPhraseGroup, phraseGroupProblem } from './phrase-groups.js';

export type PatternSource = string | { re: string };

export interface WeightedPattern {
  p: PatternSource;
  w: number;
}

export interface RulePack {
  lang: string;
  harmVerbs: Record<string, string[]>;
  weapons: string[];
  targets: { pronouns?: string[]; roles?: string[]; groups?: string[]; [list: string]: string[] | undefined };
  signals: Partial<Record<ViolentCategory, WeightedPattern[]>>;
  planCues: string[];
  benign: Partial<Record<BenignCueKind, WeightedPattern[]>>;
  /** Optional: words skipped before a `{target}` ("the", "that", "all"). */
  determiners?: string[];
  /**
   * Optional: single words that may follow a `{target}` and belong to it, for languages that put
   * demonstratives after the noun (Indonesian "hakim itu", "orang ini"): `{target} harus mati`
   * also matches "hakim itu harus mati".
   */
  postDeterminers?: string[];
  /** Optional: the language's second-person pronouns ("you", "du", "cię"): a threat at them in a post with an @mention is aimed at that person. */
  secondPerson?: string[];
  /** Optional, default true: a capitalised word inside a sentence may be a name. Off for languages that capitalise nouns (de). */
  capitalisedNames?: boolean;
  /** Optional: everyday words of the language ("gue", "yang", "você"): two of them that no other pack lists run this pack even when language ID guessed another language. */
  markers?: string[];
  /**
   * Optional: named lists of single words (`"roles": ["richter*", "minister*", …]`) that patterns
   * use as `{roles}`, alone or among alternatives (`der|{roles}`): a list written once instead of
   * spelled out in every pattern that needs it.
   */
  wordLists?: Record<string, string[]>;
  /** Optional: words of the language that other languages write as laughter ("jaja" is eggs in Polish, a laugh in Spanish): in a post read as this language they are no joke marker. */
  notLaughter?: string[];
  /**
   * Optional: negation words ("not", "kein", "nie"). A game or sports cue that one of them shortly
   * precedes is no sign of play but of the opposite: "this is not a game anymore".
   */
  negations?: string[];
  /**
   * Optional: phrases with which an author makes a quoted threat their own ("i agree", "genau so",
   * "ma rację"), matched as words like other phrase lists (`word*` for a prefix). Right after a
   * quotation (in the author's clause after the closing mark or the next one), with no
   * condemnation or report of the author's after it, the quoted signal counts as the author's own.
   */
  endorsements?: string[];
  /**
   * Optional: phrases in which a weapon word or harm verb names no weapon and no violent act but a
   * topic of talk or another thing ("gun control", "knife crime", "fire alarm", "shooting star",
   * "control de armas"). A word inside one of them is neither: no pattern reads it as `{weapon}` or
   * `{harm}`, the model does not see it tagged as one, and a token pattern's signal lying wholly
   * inside one ("do broni", to arms, in "dostęp do broni") does not count. No phrase runs across
   * punctuation. Matched as words like other phrase lists (`word*` for a prefix).
   */
  harmlessPhrases?: string[];
}

const WORD = String.raw`[^\s{}~|*]+\*?`;
const ALTERNATIVE = String.raw`(?:${WORD}|\{[a-z][a-z0-9_]*\})`;
/** A word, `word*`, `_`, `~`, a class or word list, or `|`-separated alternatives of those. */
const PATTERN_TOKEN = new RegExp(`^(?:${ALTERNATIVE}(?:\\|${ALTERNATIVE})*|~)$`, 'u');
/** What a word list may hold: one word each, as in a pattern. */
const LIST_WORD = new RegExp(`^${WORD}$`, 'u');
const LIST_NAME = /^[a-z][a-z0-9_]*$/u;
/** Class names (`{harm}`, `{target}`, `{weapon}`) are taken: a word list may not use them. */
const isClassName = (name: string): boolean => (CLASS_NAMES as readonly string[]).includes(name);

export function validatePack(value: unknown): string[] {
  const errors: string[] = [];
  if (!isObject(value)) return ['pack: must be a JSON object'];
  if (typeof value.lang !== 'string' || !/^[a-z]{2}$/u.test(value.lang)) errors.push('lang: must be an ISO 639-1 code');

  if (!isObject(value.harmVerbs)) errors.push('harmVerbs: must be an object of lemma → forms');
  else for (const [lemma, forms] of Object.entries(value.harmVerbs)) checkStringList(forms, `harmVerbs.${lemma}`, errors, true);

  checkStringList(value.weapons, 'weapons', errors, false);
  checkStringList(value.planCues, 'planCues', errors, false);
  if (value.determiners !== undefined) checkStringList(value.determiners, 'determiners', errors, false);
  if (value.postDeterminers !== undefined) checkSingleWords(value.postDeterminers, 'postDeterminers', errors);
  if (value.secondPerson !== undefined) checkStringList(value.secondPerson, 'secondPerson', errors, false);
  if (value.markers !== undefined) checkStringList(value.markers, 'markers', errors, false);
  if (value.notLaughter !== undefined) checkStringList(value.notLaughter, 'notLaughter', errors, false);
  if (value.negations !== undefined) checkStringList(value.negations, 'negations', errors, false);
  if (value.endorsements !== undefined) checkPhraseList(value.endorsements, 'endorsements', errors);
  if (value.harmlessPhrases !== undefined) checkPhraseList(value.harmlessPhrases, 'harmlessPhrases', errors);
  if (value.capitalisedNames !== undefined && typeof value.capitalisedNames !== 'boolean') errors.push('capitalisedNames: must be true or false');

  if (!isObject(value.targets)) errors.push('targets: must be an object of lists');
  else for (const [list, words] of Object.entries(value.targets)) checkStringList(words, `targets.${list}`, errors, false);

  const listNames = checkWordLists(value.wordLists, errors);
  const tokens = new TokenChecker(listNames);
  checkPatternGroups(value.signals, 'signals', VIOLENT_CATEGORIES, errors, tokens);
  checkPatternGroups(value.benign, 'benign', BENIGN_CUE_KINDS, errors, tokens);
  return errors;
}

/** Checks `wordLists` and returns the names patterns may use. */
function checkWordLists(value: unknown, errors: string[]): Set<string> {
  const names = new Set<string>();
  if (value === undefined) return names;
  if (!isObject(value)) {
    errors.push('wordLists: must be an object of name → words');
    return names;
  }
  for (const [name, words] of Object.entries(value)) {
    if (!LIST_NAME.test(name) || isClassName(name)) {
      errors.push(`wordLists.${name}: a name is lower-case letters, digits and _, and not ${CLASS_NAMES.join(', ')}`);
      continue;
    }
    checkStringList(words, `wordLists.${name}`, errors, true);
    if (Array.isArray(words)) {
      const bad = words.find((w) => typeof w === 'string' && !LIST_WORD.test(w));
      if (bad !== undefined) errors.push(`wordLists.${name}: "${bad}" is not one word (write phrases in the patterns)`);
    }
    names.add(name);
  }
  return names;
}

function checkPatternGroups(value: unknown, path: string, allowed: readonly string[], errors: string[], tokens: TokenChecker): void {
  if (!isObject(value)) {
    errors.push(`${path}: must be an object`);
    return;
  }
  for (const [group, patterns] of Object.entries(value)) {
    if (!allowed.includes(group)) errors.push(`${path}.${group}: unknown group (allowed: ${allowed.join(', ')})`);
    if (!Array.isArray(patterns)) {
      errors.push(`${path}.${group}: must be a list`);
      continue;
    }
    patterns.forEach((entry, i) => checkWeightedPattern(entry, `${path}.${group}[${i}]`, errors, tokens));
  }
}

function checkWeightedPattern(entry: unknown, path: string, errors: string[], tokens: TokenChecker): void {
  if (!isObject(entry)) {
    errors.push(`${path}: must be { "p": pattern, "w": weight }`);
    return;
  }
  if (typeof entry.w !== 'number' || !(entry.w >= 0 && entry.w <= 1)) errors.push(`${path}.w: must be a number in 0..1`);
  const p = entry.p;
  if (typeof p === 'string') {
    const problem = patternProblem(p, tokens);
    if (problem) errors.push(`${path}.p: ${problem}`);
  } else if (isObject(p) && typeof p.re === 'string') {
    try {
      new RegExp(p.re, 'u');
    } catch (e) {
      errors.push(`${path}.p.re: invalid regular expression (${(e as Error).message})`);
    }
  } else errors.push(`${path}.p: must be a pattern string or { "re": source }`);
}

/**
 * Remembers the tokens already found valid. A pack's patterns are built from a few thousand
 * distinct tokens, some of them lists of hundreds of words, used tens of thousands of times:
 * each is checked once.
 */
class TokenChecker {
  private readonly valid = new Set<string>();

  /** @param listNames the pack's word lists, which `{name}` may refer to */
  constructor(private readonly listNames: ReadonlySet<string> = new Set()) {}

  problemOf(token: string): string | null {
    if (this.valid.has(token)) return null;
    if (!PATTERN_TOKEN.test(token)) return `bad token "${token}"`;
    if (token.includes('{')) {
      for (const part of token.split('|')) {
        const name = part.startsWith('{') ? part.slice(1, -1) : null;
        if (name !== null && !isClassName(name) && !this.listNames.has(name)) {
          return `bad token "${token}": no class or word list "${part}" (classes: ${CLASS_NAMES.map((c) => `{${c}}`).join(', ')}; lists go in "wordLists")`;
        }
      }
    }
    this.valid.add(token);
    return null;
  }
}

export function patternProblem(pattern: string, tokens: TokenChecker = new TokenChecker()): string | null {
  if (!hasPhraseGroup(pattern)) return strayBracketProblem(pattern) ?? plainPatternProblem(pattern, tokens) ?? phraseWrittenAsAlternativesProblem(pattern);
  const groupProblem = phraseGroupProblem(pattern);
  if (groupProblem) return groupProblem;
  for (const expansion of expandPhraseGroups(pattern)) {
    const problem = plainPatternProblem(expansion, tokens);
    if (problem) return `${problem} (as "${expansion}")`;
  }
  // Judged as written: a group's choice beside a list ("(lay off|go easy) on|off") is no trace.
  return phraseWrittenAsAlternativesProblem(pattern.replace(GROUPS, '()'));
}

/** Every phrase group of a pattern, to stand in for as one token. */
const GROUPS = /(?<=^|\s)\([^()]*\)(?=\s|$)/gu;

/** A pattern without groups may still hold what looks like a broken one ("(a b", "x(a|b)"). */
function strayBracketProblem(pattern: string): string | null {
  return pattern.includes('(') || pattern.includes(')') ? phraseGroupProblem(pattern) : null;
}

/** Problems of a pattern without phrase groups. */
function plainPatternProblem(pattern: string, checker: TokenChecker): string | null {
  const tokens = pattern.trim().split(/\s+/u);
  if (pattern.trim() === '') return 'empty pattern';
  for (const token of tokens) {
    const problem = checker.problemOf(token);
    if (problem) return problem;
  }
  if (tokens.every((t) => t === '~' || t === '_')) return 'pattern needs at least one word or class';
  if (tokens[0] === '~' || tokens[tokens.length - 1] === '~') return 'a gap "~" cannot start or end a pattern';
  return null;
}

/**
 * `zu dem|zu der` reads as `zu`, `dem|zu`, `der`: three positions, not two phrases. Such a
 * pattern is valid and matches something, but rarely what was meant. Its telltale is a word that
 * stands both beside a token of alternatives and among them (`zu` … `dem|zu`).
 */
function phraseWrittenAsAlternativesProblem(pattern: string): string | null {
  if (!pattern.includes('|')) return null;
  const tokens = pattern.trim().split(/\s+/u);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.includes('|')) continue;
    // A substring search on `|a|b|` spares splitting lists of hundreds of words.
    const alternatives = `|${token}|`;
    for (const neighbour of [tokens[i - 1], tokens[i + 1]]) {
      if (neighbour === undefined || neighbour.includes('|') || neighbour === '~' || neighbour === '_') continue;
      if (alternatives.includes(`|${neighbour}|`)) {
        return `"${token}" offers "${neighbour}", the word beside it, as an alternative for one word: for alternative phrases write a group, as in "(zu dem|zu der)"`;
      }
    }
  }
  return null;
}

/** A word of a phrase list as a normalised post can hold it: letters, digits, inner apostrophes; `*` at the end for a prefix. */
const PHRASE_WORD = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}']*[\p{L}\p{M}\p{N}])?\*?$/u;

/** A list of phrases matched word by word: lower case, words a post can hold, no pattern syntax. */
function checkPhraseList(value: unknown, path: string, errors: string[]): void {
  checkStringList(value, path, errors, false);
  if (!Array.isArray(value)) return;
  for (const entry of value) {
    if (typeof entry !== 'string') continue;
    const bad = entry.trim().split(/\s+/u).find((w) => !PHRASE_WORD.test(w) || w !== w.toLowerCase());
    if (bad !== undefined) errors.push(`${path}: "${entry}": "${bad}" is no word of a normalised post (lower case letters and digits, no punctuation or pattern syntax)`);
  }
}

function checkStringList(value: unknown, path: string, errors: string[], nonEmpty: boolean): void {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    errors.push(`${path}: must be a list of non-empty strings`);
  } else if (nonEmpty && value.length === 0) errors.push(`${path}: must not be empty`);
}

/** A list of single plain words: no spaces, no `*` (entries compared with one token as it is). */
function checkSingleWords(value: unknown, path: string, errors: string[]): void {
  checkStringList(value, path, errors, false);
  if (!Array.isArray(value)) return;
  for (const word of value) {
    if (typeof word === 'string' && word.trim() !== '' && !/^[\p{L}\p{M}\p{N}'-]+$/u.test(word.trim())) {
      errors.push(`${path}: "${word}" is not one plain word (no spaces, no *)`);
    }
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
