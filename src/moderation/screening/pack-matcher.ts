/**
 * Compiles a rule pack once and matches its patterns against normalised tokens.
 *
 * Patterns are indexed by what their first element can match (a word, a word prefix, or the
 * first word of a class entry), so at each token only the patterns that can start there are
 * tried. Patterns starting with `{target}` or `_` are tried where a target or any word starts.
 */
import type { NormalizedText } from './normalize.js';
import type { PatternSource, RulePack, WeightedPattern } from './pack-schema.js';
import { PhraseSet, PrefixIndex, normalizeEntry, parseWord, wordMatches, type WordTest } from './phrase-set.js';
import { BENIGN_CUE_KINDS, VIOLENT_CATEGORIES, type BenignCueKind, type ViolentCategory } from './types.js';

type ClassName = 'harm' | 'target' | 'weapon';
/**
 * One position of a pattern. Every kind has all fields (unused ones empty) so that the matcher's
 * inner loop sees objects of a single shape, which the JavaScript engine reads fastest.
 */
interface Element {
  /** word: one of `alternatives`; mixed: a word alternative or one of `classes` (`rope|{weapon}`);
   * any: one word; gap: zero to three words; class: a word of class `name`. */
  kind: 'word' | 'mixed' | 'any' | 'gap' | 'class';
  alternatives: WordTest[];
  classes: ClassName[];
  name: ClassName | null;
}

function element(kind: Element['kind'], alternatives: WordTest[] = [], classes: ClassName[] = [], name: ClassName | null = null): Element {
  return { kind, alternatives, classes, name };
}

export interface CompiledPattern {
  group: string;
  source: string;
  weight: number;
  elements: Element[];
}

export interface RuleMatch {
  /** A violent category or a benign cue kind. */
  group: string;
  source: string;
  weight: number;
  start: number;
  end: number;
  /** The words of the post the pattern covered. */
  text: string;
  harm?: string;
  target?: string;
  weapon?: string;
  /** Every word of the match stands inside quotation marks. */
  quoted?: boolean;
}

export interface PackMatches {
  lang: string;
  signals: RuleMatch[];
  benign: RuleMatch[];
  planCues: string[];
  /** Harm verbs and weapons mentioned anywhere, matched by a pattern or not. */
  violentWords: string[];
  /** Per token: 'harm', 'weapon', 'target' or '' — the class the token starts, for the model. */
  tags: string[];
}

/** Per token, the first class any pack gave it. */
export function mergeTags(matches: readonly PackMatches[], length: number): string[] {
  const tags = new Array<string>(length).fill('');
  for (const m of matches) {
    const own = m.tags;
    for (let i = 0; i < own.length; i++) if (tags[i] === '' && own[i] !== '') tags[i] = own[i]!;
  }
  return tags;
}

/** Per-post target knowledge that is not in the pack: mentions and names. */
export interface TargetHints {
  mentions: ReadonlySet<string>;
  knownNameWords: ReadonlySet<string>;
}

const MAX_GAP = 3;
/** Markers in TokenMatcher's per-position determiner memo. */
const UNKNOWN = -2;
const NONE = -1;
const CLASS_TOKEN = /^\{(?:harm|target|weapon)\}$/u;
const MAX_DETERMINERS = 2;
const CLOCK_TIME = /^(?:\d{1,2}[:.]\d{2}(?:am|pm|h)?|\d{1,2}(?:am|pm))$/u;

export class CompiledPack {
  readonly lang: string;
  readonly harm = new PhraseSet();
  readonly weapon = new PhraseSet();
  readonly targets = new PhraseSet();
  readonly determiners: PhraseSet;
  readonly planCues: PhraseSet;
  /** Lemma of each harm form, for readable reasons. */
  private readonly lemmaOf = new Map<string, string>();
  private readonly signalIndex = new PatternIndex();
  private readonly benignIndex = new PatternIndex();
  private readonly signalRegexes: Array<{ group: string; re: RegExp; weight: number }> = [];
  private readonly benignRegexes: Array<{ group: string; re: RegExp; weight: number }> = [];
  private lastMatcher: TokenMatcher | undefined;
  /** Every literal word the pack mentions: lets the normaliser pick among leetspeak readings. */
  readonly vocabulary = new Set<string>();

  constructor(pack: RulePack) {
    this.lang = pack.lang;
    for (const [lemma, forms] of Object.entries(pack.harmVerbs)) {
      for (const form of [lemma, ...forms]) {
        this.harm.add(form);
        this.lemmaOf.set(normalizeEntry(form).join(' '), lemma);
      }
    }
    for (const w of pack.weapons) this.weapon.add(w);
    for (const list of Object.values(pack.targets)) for (const t of list ?? []) this.targets.add(t);
    this.determiners = new PhraseSet(pack.determiners ?? []);
    this.planCues = new PhraseSet(pack.planCues);
    for (const set of [this.harm, this.weapon, this.targets, this.planCues]) for (const w of set.words) this.vocabulary.add(w);

    for (const category of VIOLENT_CATEGORIES) {
      for (const wp of pack.signals[category] ?? []) this.addPattern(category, wp, this.signalIndex, this.signalRegexes);
    }
    for (const kind of BENIGN_CUE_KINDS) {
      for (const wp of pack.benign[kind] ?? []) this.addPattern(kind, wp, this.benignIndex, this.benignRegexes);
    }
  }

  private addPattern(
    group: string,
    wp: WeightedPattern,
    index: PatternIndex,
    regexes: Array<{ group: string; re: RegExp; weight: number }>,
  ): void {
    const p: PatternSource = wp.p;
    if (typeof p !== 'string') {
      regexes.push({ group, re: new RegExp(p.re, 'u'), weight: wp.w });
      return;
    }
    const elements = compileElements(p);
    for (const el of elements) {
      if (el.kind === 'word' || el.kind === 'mixed') for (const a of el.alternatives) if (a.exact ?? a.prefix) this.vocabulary.add((a.exact ?? a.prefix)!);
    }
    const compiled: CompiledPattern = { group, source: p, weight: wp.w, elements };
    const first = elements[0]!;
    if (first.kind === 'word' || first.kind === 'mixed') for (const alt of first.alternatives) index.addByWord(alt, compiled);
    const firstClasses = first.kind === 'mixed' ? first.classes : first.kind === 'class' ? [first.name!] : [];
    for (const c of firstClasses) {
      if (c === 'target') index.targetFirst.push(compiled);
      else index.classFirst[c].push(compiled);
    }
    if (first.kind === 'any' || first.kind === 'gap') index.anyFirst.push(compiled);
  }

  /** Signals, benign cues, plan cues and violent words of one post. */
  match(norm: NormalizedText, hints: TargetHints): PackMatches {
    const matches = this.matchSignals(norm, hints);
    matches.benign = this.matchBenign(norm, hints);
    return matches;
  }

  /** Everything but the benign cues, which only matter when something violent was found. */
  matchSignals(norm: NormalizedText, hints: TargetHints): PackMatches {
    const matcher = this.matcherFor(norm, hints);
    const signals = matcher.run(this.signalIndex);
    for (const r of this.signalRegexes) if (r.re.test(norm.text)) signals.push(regexMatch(r, norm.text));
    const violentWords = matcher.violentWords();
    const planCues = signals.length > 0 || violentWords.length > 0 ? this.findPlanCues(norm) : [];
    return { lang: this.lang, signals, benign: [], planCues, violentWords, tags: matcher.classTags() };
  }

  matchBenign(norm: NormalizedText, hints: TargetHints): RuleMatch[] {
    const benign = this.matcherFor(norm, hints).run(this.benignIndex);
    for (const r of this.benignRegexes) if (r.re.test(norm.text)) benign.push(regexMatch(r, norm.text));
    return benign;
  }

  /**
   * Benign cues are looked up right after the signals of the same post: reusing that post's
   * matcher keeps the class positions it already worked out.
   */
  private matcherFor(norm: NormalizedText, hints: TargetHints): TokenMatcher {
    const last = this.lastMatcher;
    if (last && last.isFor(norm.tokens, norm.nameLike, norm.quoted, hints)) return last;
    this.lastMatcher = new TokenMatcher(this, norm.tokens, norm.nameLike, norm.quoted, hints);
    return this.lastMatcher;
  }

  lemma(form: string): string {
    return this.lemmaOf.get(form) ?? form;
  }

  private findPlanCues(norm: NormalizedText): string[] {
    const found = new Set<string>();
    for (const tokens of [norm.literalTokens, norm.tokens]) {
      for (let i = 0; i < tokens.length; i++) {
        const ends = this.planCues.matchAt(tokens, i);
        if (ends.length > 0) found.add(tokens.slice(i, ends[0]).join(' '));
        if (startsWithDigit(tokens[i]!) && CLOCK_TIME.test(tokens[i]!)) found.add(tokens[i]!);
      }
    }
    return [...found];
  }
}

class PatternIndex {
  /** Patterns by what their first word can be, as added. */
  private readonly firstWords = new PrefixIndex<CompiledPattern>();
  /** The same lists, each sub-indexed by second word (built on first use, after compilation). */
  private buckets: PrefixIndex<WordBucket> | null = null;
  readonly classFirst: Record<'harm' | 'weapon', CompiledPattern[]> = { harm: [], weapon: [] };
  readonly targetFirst: CompiledPattern[] = [];
  readonly anyFirst: CompiledPattern[] = [];

  addByWord(test: WordTest, pattern: CompiledPattern): void {
    this.firstWords.add(test, pattern);
    this.buckets = null;
  }

  /**
   * Patterns whose first word accepts `tokens[i]` and whose second word, where it is a plain word,
   * accepts `tokens[i + 1]`, in the order they were added: patterns that the next word already
   * rules out are never tried, however many start with a common word ("i", "je", "ik").
   */
  wordCandidates(tokens: readonly string[], i: number, out: CompiledPattern[]): void {
    const found = bucketScratch;
    // Setting an array's length is a runtime call: only lists that hold something are emptied.
    if (found.length !== 0) found.length = 0;
    this.buckets ??= this.buildBuckets();
    this.buckets.lookup(tokens[i]!, found);
    for (const bucket of found) bucket.candidates(tokens[i + 1], out);
  }

  private buildBuckets(): PrefixIndex<WordBucket> {
    const buckets = new PrefixIndex<WordBucket>();
    for (const [test, patterns] of this.firstWords.entries()) buckets.add(test, new WordBucket(patterns));
    return buckets;
  }
}

/** Buckets of the lookup in progress (lookups do not nest). */
const bucketScratch: WordBucket[] = [];

/** Patterns that share a first word, indexed by their second word. */
export class WordBucket {
  /** Patterns whose second element is not a plain word (a class, a gap, the end): always candidates. */
  private readonly always: readonly CompiledPattern[];
  /** Per exact next word, the candidates in their original order (when no second word is a prefix). */
  private readonly byNextWord = new Map<string, readonly CompiledPattern[]>();
  /** Second-word tests per pattern position; null when no pattern of the bucket has a plain second word. */
  private readonly seconds: ReadonlyArray<readonly WordTest[] | null> | null;
  private readonly hasPrefixSecond: boolean;

  constructor(private readonly patterns: readonly CompiledPattern[]) {
    // Word-first patterns go on at the second element with the next token (see TokenMatcher.tryAt).
    // A lone pattern gains nothing from an index of its second word: it is simply tried.
    const seconds = patterns.map(({ elements: [first, second] }) =>
      patterns.length > 1 && first?.kind === 'word' && second?.kind === 'word' ? second.alternatives : null,
    );
    this.always = patterns.filter((_, position) => seconds[position] === null);
    this.seconds = seconds.some((s) => s !== null) ? seconds : null;
    this.hasPrefixSecond = seconds.some((tests) => tests?.some((t) => t.prefix !== undefined) ?? false);
    if (this.seconds && !this.hasPrefixSecond) this.listByNextWord(seconds);
  }

  /**
   * Every second word is exact: the candidate list for each next word is worked out once, here,
   * in one pass over the patterns (a pattern without a plain second word joins every list).
   */
  private listByNextWord(seconds: ReadonlyArray<readonly WordTest[] | null>): void {
    const lists = new Map<string, CompiledPattern[]>();
    for (const tests of seconds) for (const t of tests ?? []) if (!lists.has(t.exact!)) lists.set(t.exact!, []);
    this.patterns.forEach((pattern, position) => {
      const tests = seconds[position];
      if (tests === null || tests === undefined) {
        for (const list of lists.values()) list.push(pattern);
        return;
      }
      for (const t of tests) {
        const list = lists.get(t.exact!)!;
        // "a|a" names the same next word twice: the pattern is still one candidate.
        if (list[list.length - 1] !== pattern) list.push(pattern);
      }
    });
    for (const [next, list] of lists) this.byNextWord.set(next, list);
  }

  /** The patterns that may match when `next` follows the first word, in their original order. */
  candidates(next: string | undefined, out: CompiledPattern[]): void {
    const list = this.seconds === null || next === undefined ? this.always : this.hasPrefixSecond ? this.select(next) : (this.byNextWord.get(next) ?? this.always);
    for (const pattern of list) out.push(pattern);
  }

  private select(next: string): CompiledPattern[] {
    return this.patterns.filter((_, position) => {
      const tests = this.seconds![position];
      return tests === null || tests === undefined || tests.some((t) => wordMatches(t, next));
    });
  }
}

/** Clock times start with a digit: a character check spares the regex on every other word. */
function startsWithDigit(token: string): boolean {
  const c = token.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Whether one of a position's word alternatives accepts the token (a loop: this runs per token and pattern). */
function anyWordMatches(alternatives: readonly WordTest[], token: string): boolean {
  for (const a of alternatives) if (wordMatches(a, token)) return true;
  return false;
}

function compileElements(pattern: string): Element[] {
  return normalizeEntry(pattern).map((token): Element => {
    if (token === '_') return element('any');
    if (token === '~') return element('gap');
    if (token === '{harm}' || token === '{target}' || token === '{weapon}') {
      return element('class', [], [], token.slice(1, -1) as ClassName);
    }
    const parts = token.split('|');
    const classes = parts.filter((p) => CLASS_TOKEN.test(p)).map((p) => p.slice(1, -1) as ClassName);
    const alternatives = parts.filter((p) => !CLASS_TOKEN.test(p)).map(parseWord);
    return classes.length > 0 ? element('mixed', alternatives, classes) : element('word', alternatives);
  });
}

/** Whether every token in [start, end) stands inside quotation marks. */
function allQuoted(quoted: readonly boolean[], start: number, end: number): boolean {
  for (let k = start; k < end && k < quoted.length; k++) if (!quoted[k]) return false;
  return true;
}

function regexMatch(r: { group: string; re: RegExp; weight: number }, text: string): RuleMatch {
  const m = r.re.exec(text);
  return { group: r.group, source: `re:${r.re.source}`, weight: r.weight, start: 0, end: 0, text: m?.[0] ?? '' };
}

interface Captures {
  harm?: string;
  target?: string;
  weapon?: string;
}

/** Matches one post's tokens against a pattern index. */
class TokenMatcher {
  /** Class matches per position, computed once: many patterns ask for the same positions. */
  private readonly memo: Record<ClassName, Array<readonly number[] | undefined>>;
  /** Per position, where the longest determiner starting there ends: NONE if none, UNKNOWN until asked. */
  private readonly determinerEnds: Int32Array;
  /** Candidate patterns at the position being matched (reused from position to position). */
  private readonly candidates: CompiledPattern[] = [];
  private captures: Captures = {};

  constructor(
    private readonly pack: CompiledPack,
    private readonly tokens: readonly string[],
    private readonly nameLike: readonly boolean[],
    private readonly quoted: readonly boolean[],
    private readonly hints: TargetHints,
  ) {
    this.memo = { harm: new Array(tokens.length), weapon: new Array(tokens.length), target: new Array(tokens.length) };
    this.determinerEnds = new Int32Array(tokens.length).fill(UNKNOWN);
  }

  /** Whether this matcher was built for exactly these arrays (the same post). */
  isFor(tokens: readonly string[], nameLike: readonly boolean[], quoted: readonly boolean[], hints: TargetHints): boolean {
    return this.tokens === tokens && this.nameLike === nameLike && this.quoted === quoted && this.hints === hints;
  }

  run(index: PatternIndex): RuleMatch[] {
    const found: RuleMatch[] = [];
    // A pattern counts once per post, at its first match; few patterns match, so a list will do.
    const matched: CompiledPattern[] = [];
    const candidates = this.candidates;
    for (let i = 0; i < this.tokens.length; i++) {
      if (candidates.length !== 0) candidates.length = 0;
      index.wordCandidates(this.tokens, i, candidates);
      for (const pattern of candidates) this.tryAt(pattern, i, found, matched);
      if (index.classFirst.harm.length > 0 && this.classEnds('harm', i).length > 0) this.tryAllAt(index.classFirst.harm, i, found, matched);
      if (index.classFirst.weapon.length > 0 && this.classEnds('weapon', i).length > 0) this.tryAllAt(index.classFirst.weapon, i, found, matched);
      if (index.targetFirst.length > 0 && this.classEnds('target', i).length > 0) this.tryAllAt(index.targetFirst, i, found, matched);
      this.tryAllAt(index.anyFirst, i, found, matched);
    }
    return found;
  }

  private tryAllAt(patterns: readonly CompiledPattern[], i: number, found: RuleMatch[], matched: CompiledPattern[]): void {
    for (const pattern of patterns) this.tryAt(pattern, i, found, matched);
  }

  /** Matches one pattern at token `i`; a match is added to `found` unless the pattern matched before. */
  private tryAt(pattern: CompiledPattern, i: number, found: RuleMatch[], matched: CompiledPattern[]): void {
    if (matched.length > 0 && matched.includes(pattern)) return;
    // A pattern starting with plain words is only a candidate because the word index accepted
    // this token, so matching goes on from the second element.
    const captures = this.captures;
    const end = pattern.elements[0]!.kind === 'word' ? this.matchFrom(pattern.elements, 1, i + 1, captures) : this.matchFrom(pattern.elements, 0, i, captures);
    if (end < 0) return;
    matched.push(pattern);
    // Captures are only written along a successful match, so one object serves every failed attempt.
    this.captures = {};
    found.push({
      group: pattern.group,
      source: pattern.source,
      weight: pattern.weight,
      start: i,
      end,
      text: this.tokens.slice(i, end).join(' '),
      ...captures,
      ...(allQuoted(this.quoted, i, Math.max(end, i + 1)) ? { quoted: true } : {}),
    });
  }

  /** Returns the end position of a match of elements[e..] starting at token `pos`, or -1. */
  private matchFrom(elements: readonly Element[], e: number, pos: number, captures: Captures): number {
    if (e === elements.length) return pos;
    const el = elements[e]!;
    switch (el.kind) {
      case 'word': {
        const token = this.tokens[pos];
        if (token === undefined || !anyWordMatches(el.alternatives, token)) return -1;
        return this.matchFrom(elements, e + 1, pos + 1, captures);
      }
      case 'mixed': {
        const token = this.tokens[pos];
        if (token !== undefined && anyWordMatches(el.alternatives, token)) {
          const end = this.matchFrom(elements, e + 1, pos + 1, captures);
          if (end >= 0) return end;
        }
        for (const name of el.classes) {
          const end = this.matchClass(name, elements, e, pos, captures);
          if (end >= 0) return end;
        }
        return -1;
      }
      case 'any':
        return pos < this.tokens.length ? this.matchFrom(elements, e + 1, pos + 1, captures) : -1;
      case 'gap':
        for (let skip = 0; skip <= MAX_GAP && pos + skip <= this.tokens.length; skip++) {
          const end = this.matchFrom(elements, e + 1, pos + skip, captures);
          if (end >= 0) return end;
        }
        return -1;
      case 'class':
        return this.matchClass(el.name!, elements, e, pos, captures);
    }
  }

  private matchClass(name: ClassName, elements: readonly Element[], e: number, pos: number, captures: Captures): number {
    for (const classEnd of this.classEnds(name, pos)) {
      const end = this.matchFrom(elements, e + 1, classEnd, captures);
      if (end >= 0) {
        const words = this.tokens.slice(pos, classEnd).join(' ');
        captures[name] ??= name === 'harm' ? this.pack.lemma(words) : words;
        return end;
      }
    }
    return -1;
  }

  classTags(): string[] {
    const tags = new Array<string>(this.tokens.length);
    for (let i = 0; i < this.tokens.length; i++) {
      if (this.classEnds('harm', i).length > 0) tags[i] = 'harm';
      else if (this.classEnds('weapon', i).length > 0) tags[i] = 'weapon';
      else tags[i] = this.classEnds('target', i).length > 0 && this.determinerEnd(i) === NONE ? 'target' : '';
    }
    return tags;
  }

  /** Harm verbs and weapons anywhere in the post. */
  violentWords(): string[] {
    const found: string[] = [];
    for (let i = 0; i < this.tokens.length; i++) {
      const end = this.classEnds('weapon', i)[0] ?? this.classEnds('harm', i)[0];
      if (end !== undefined) found.push(this.tokens.slice(i, end).join(' '));
    }
    return found;
  }

  private classEnds(name: ClassName, pos: number): readonly number[] {
    const memo = this.memo[name];
    let ends = memo[pos];
    if (ends === undefined) {
      ends = name === 'target' ? this.targetEnds(pos) : this.pack[name].matchAt(this.tokens, pos);
      memo[pos] = ends;
    }
    return ends;
  }

  /** End positions of a target starting at `pos`, allowing a few determiners before it. */
  private targetEnds(pos: number): number[] {
    const ends: number[] = [];
    let start = pos;
    for (let d = 0; d <= MAX_DETERMINERS && start < this.tokens.length; d++) {
      this.addTargetEndsAt(start, ends);
      const det = this.determinerEnd(start);
      if (det === NONE) break;
      start = det;
    }
    return ends.length > 1 ? ends.sort((a, b) => b - a) : ends;
  }

  /** Targets and class tags both ask whether a determiner starts at a position: answered once. */
  private determinerEnd(pos: number): number {
    let end = this.determinerEnds[pos]!;
    if (end === UNKNOWN) {
      end = this.pack.determiners.matchAt(this.tokens, pos)[0] ?? NONE;
      this.determinerEnds[pos] = end;
    }
    return end;
  }

  private addTargetEndsAt(pos: number, ends: number[]): void {
    const token = this.tokens[pos];
    if (token === undefined) return;
    if (token.startsWith('@') && token.length > 1) ends.push(pos + 1);
    else if (this.hints.mentions.has(token) || this.hints.knownNameWords.has(token)) {
      let end = pos + 1;
      while (end < this.tokens.length && this.hints.knownNameWords.has(this.tokens[end]!)) end++;
      ends.push(end);
    } else if (this.nameLike[pos]) {
      let end = pos + 1;
      while (end < this.tokens.length && this.nameLike[end]) end++;
      ends.push(end);
    }
    for (const end of this.pack.targets.matchAt(this.tokens, pos)) if (!ends.includes(end)) ends.push(end);
  }
}
