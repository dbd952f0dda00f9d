/**
 * Compiles a rule pack once and matches its patterns against normalised tokens.
 *
 * The work is split by responsibility: pattern-elements.ts compiles patterns, pattern-index.ts
 * indexes them by where they can start, word-lookups.ts answers once per word what the pack's
 * indexes hold for it, and token-matcher.ts walks one post.
 */
import type { NormalizedText } from './normalize.js';
import type { PatternSource, RulePack, WeightedPattern } from './pack-schema.js';
import { anchorOf, ElementCompiler, type CompiledPattern } from './pattern-elements.js';
import { PatternIndex } from './pattern-index.js';
import { expandPhraseGroups } from './phrase-groups.js';
import { PhraseSet, PrefixIndex, normalizeEntry } from './phrase-set.js';
import type { PackMatches, RuleMatch, TargetHints } from './rule-match.js';
import { TokenMatcher } from './token-matcher.js';
import { BENIGN_CUE_KINDS, VIOLENT_CATEGORIES } from './types.js';
import { WordLookups } from './word-lookups.js';

export type { CompiledPattern } from './pattern-elements.js';
export { WordBucket } from './pattern-index.js';
export type { PackMatches, RuleMatch, TargetHints } from './rule-match.js';

/** Per token, the first class any pack gave it. */
export function mergeTags(matches: readonly PackMatches[], length: number): string[] {
  const tags = new Array<string>(length).fill('');
  for (const m of matches) {
    const own = m.tags;
    for (let i = 0; i < own.length; i++) if (tags[i] === '' && own[i] !== '') tags[i] = own[i]!;
  }
  return tags;
}

const CLOCK_TIME = /^(?:\d{1,2}[:.]\d{2}(?:am|pm|h)?|\d{1,2}(?:am|pm))$/u;

interface RegexRule {
  group: string;
  re: RegExp;
  weight: number;
}

export class CompiledPack {
  readonly lang: string;
  readonly harm = new PhraseSet();
  readonly weapon = new PhraseSet();
  readonly targets = new PhraseSet();
  readonly determiners: PhraseSet;
  readonly planCues: PhraseSet;
  /** Every literal word the pack mentions: lets the normaliser pick among leetspeak readings. */
  readonly vocabulary = new Set<string>();
  /** What the pack's indexes hold for each word met so far. */
  readonly words: WordLookups;
  /** Lemma of each harm form, for readable reasons. */
  private readonly lemmaOf = new Map<string, string>();
  private readonly signalIndex = new PatternIndex();
  private readonly benignIndex = new PatternIndex();
  private readonly signalRegexes: RegexRule[] = [];
  private readonly benignRegexes: RegexRule[] = [];
  /** Patterns (signals and benign cues) by the words of their anchors. */
  private readonly anchors = new PrefixIndex<number>();
  /** Every token pattern (signals, then benign cues), at the position of its id. */
  readonly patterns: CompiledPattern[] = [];
  private readonly matcher: TokenMatcher;

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

    const elements = new ElementCompiler(this.vocabulary);
    for (const category of VIOLENT_CATEGORIES) {
      for (const wp of pack.signals[category] ?? []) this.addPattern(category, wp, elements, this.signalIndex, this.signalRegexes);
    }
    for (const kind of BENIGN_CUE_KINDS) {
      for (const wp of pack.benign[kind] ?? []) this.addPattern(kind, wp, elements, this.benignIndex, this.benignRegexes);
    }
    this.words = new WordLookups({
      signals: this.signalIndex,
      benign: this.benignIndex,
      harm: this.harm,
      weapon: this.weapon,
      targets: this.targets,
      determiners: this.determiners,
      planCues: this.planCues,
      anchors: this.anchors,
    });
    this.matcher = new TokenMatcher(this, this.patterns.length);
  }

  private addPattern(group: string, wp: WeightedPattern, compiler: ElementCompiler, index: PatternIndex, regexes: RegexRule[]): void {
    const p: PatternSource = wp.p;
    if (typeof p !== 'string') {
      regexes.push({ group, re: new RegExp(p.re, 'u'), weight: wp.w });
      return;
    }
    // A pattern with phrase groups is compiled once per phrase; they count as one rule (one family).
    const family = this.patterns.length;
    for (const expansion of expandPhraseGroups(p)) {
      const elements = compiler.compile(expansion);
      const anchor = anchorOf(elements);
      const compiled: CompiledPattern = { group, source: p, weight: wp.w, elements, anchor, id: this.patterns.length, family };
      this.patterns.push(compiled);
      for (const test of anchor ?? []) this.anchors.add(test, compiled.id);
      index.add(compiled);
    }
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
    const signals = matcher.run(this.signalIndex, 'signalBuckets');
    for (const r of this.signalRegexes) if (r.re.test(norm.text)) signals.push(regexMatch(r, norm.text));
    const violentWords = matcher.violentWords();
    const planCues = signals.length > 0 || violentWords.length > 0 ? this.findPlanCues(norm) : [];
    return { lang: this.lang, signals, benign: [], planCues, violentWords, tags: matcher.classTags() };
  }

  matchBenign(norm: NormalizedText, hints: TargetHints): RuleMatch[] {
    const benign = this.matcherFor(norm, hints).run(this.benignIndex, 'benignBuckets');
    for (const r of this.benignRegexes) if (r.re.test(norm.text)) benign.push(regexMatch(r, norm.text));
    return benign;
  }

  /**
   * Benign cues are looked up right after the signals of the same post: reusing that post's
   * matcher keeps the class positions it already worked out.
   */
  private matcherFor(norm: NormalizedText, hints: TargetHints): TokenMatcher {
    const matcher = this.matcher;
    if (!matcher.isFor(norm.tokens, norm.nameLike, norm.quoted, hints)) matcher.reset(norm.tokens, norm.nameLike, norm.quoted, hints);
    return matcher;
  }

  lemma(form: string): string {
    return this.lemmaOf.get(form) ?? form;
  }

  private findPlanCues(norm: NormalizedText): string[] {
    const found = new Set<string>();
    for (const tokens of [norm.literalTokens, norm.tokens]) {
      for (let i = 0; i < tokens.length; i++) {
        const ends = this.planCues.endsOf(this.words.get(tokens[i]!).planCues, tokens, i);
        if (ends.length > 0) found.add(tokens.slice(i, ends[0]).join(' '));
        if (startsWithDigit(tokens[i]!) && CLOCK_TIME.test(tokens[i]!)) found.add(tokens[i]!);
      }
    }
    return [...found];
  }
}

/** Clock times start with a digit: a character check spares the regex on every other word. */
function startsWithDigit(token: string): boolean {
  const c = token.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function regexMatch(r: RegexRule, text: string): RuleMatch {
  const m = r.re.exec(text);
  return { group: r.group, source: `re:${r.re.source}`, weight: r.weight, start: 0, end: 0, text: m?.[0] ?? '' };
}
