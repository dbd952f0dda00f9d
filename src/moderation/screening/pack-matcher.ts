/**
 * Compiles a rule pack once and matches its patterns against normalised tokens.
 *
 * The work is split by responsibility: pack-patterns.ts builds the pattern half of a pack on the
 * first post that needs it, pattern-elements.ts compiles patterns, pattern-index.ts
 * indexes them by where they can start, word-lookups.ts answers once per word what the pack's
 * indexes hold for it, and token-matcher.ts walks one post.
 */
import type { NormalizedText } from './normalize.js';
import type { RulePack } from './pack-schema.js';
import { PackPatterns, type PackWordLists, type RegexRule } from './pack-patterns.js';
import type { RegexGates } from './regex-gate.js';
import { ElementCompiler, type CompiledPattern } from './pattern-elements.js';
import { PhraseSet, normalizeEntry } from './phrase-set.js';
import type { PackMatches, RuleMatch, TargetHints } from './rule-match.js';
import type { TokenMatcher } from './token-matcher.js';
import { PLAY_KINDS } from './types.js';
import type { WordLookups } from './word-lookups.js';

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

/** How many words before a game or sports cue a negation still negates it ("isso não é um jogo"). */
const NEGATION_REACH = 3;

const CLOCK_TIME = /^(?:\d{1,2}[:.]\d{2}(?:am|pm|h)?|\d{1,2}(?:am|pm))$/u;

export class CompiledPack implements PackWordLists {
  readonly lang: string;
  readonly harm = new PhraseSet();
  readonly weapon = new PhraseSet();
  /** Phrases in which a weapon word or harm verb is neither ("gun control", "shooting star"). */
  readonly harmlessPhrases: PhraseSet;
  readonly targets = new PhraseSet();
  readonly determiners: PhraseSet;
  /** Words that may follow a target and belong to it (Indonesian "itu", "ini"). */
  readonly postDeterminers: ReadonlySet<string>;
  readonly planCues: PhraseSet;
  /** Every literal word the pack mentions: lets the normaliser pick among leetspeak readings. */
  readonly vocabulary = new Set<string>();
  /** Lemma of each harm form, for readable reasons. */
  private readonly lemmaOf = new Map<string, string>();
  /** Negation words, normalised: a play cue they precede does not count. */
  private readonly negations: ReadonlySet<string>;
  private readonly source: RulePack;
  private readonly compiler: ElementCompiler;
  /** Built on first use: see pack-patterns.ts. */
  private built: PackPatterns | null = null;

  constructor(pack: RulePack) {
    this.lang = pack.lang;
    this.source = pack;
    for (const [lemma, forms] of Object.entries(pack.harmVerbs)) {
      for (const form of [lemma, ...forms]) {
        this.harm.add(form);
        this.lemmaOf.set(normalizeEntry(form).join(' '), lemma);
      }
    }
    for (const w of pack.weapons) this.weapon.add(w);
    this.harmlessPhrases = new PhraseSet(pack.harmlessPhrases ?? []);
    for (const list of Object.values(pack.targets)) for (const t of list ?? []) this.targets.add(t);
    this.negations = new Set((pack.negations ?? []).map((w) => w.trim().toLowerCase()));
    this.determiners = new PhraseSet(pack.determiners ?? []);
    this.postDeterminers = new Set((pack.postDeterminers ?? []).flatMap((w) => normalizeEntry(w)));
    this.planCues = new PhraseSet(pack.planCues);
    for (const set of [this.harm, this.weapon, this.targets, this.planCues]) for (const w of set.words) this.vocabulary.add(w);
    // The vocabulary is shared by every pack's posts, so the words of the patterns are read now;
    // the patterns themselves are compiled when a post first needs them.
    this.compiler = new ElementCompiler(this.vocabulary, pack.wordLists);
    for (const group of [...Object.values(pack.signals), ...Object.values(pack.benign)]) {
      for (const { p } of group ?? []) if (typeof p === 'string') this.compiler.addWordsOf(p);
    }
  }

  /** The compiled patterns, built now if no post has needed them yet. */
  compiled(): PackPatterns {
    return (this.built ??= new PackPatterns(this.source, this, this.compiler));
  }

  /** Every token pattern (signals, then benign cues), at the position of its id. */
  get patterns(): readonly CompiledPattern[] {
    return this.compiled().patterns;
  }

  /** What the pack's indexes hold for each word met so far. */
  get words(): WordLookups {
    return this.compiled().words;
  }

  /** Signals, benign cues, plan cues and violent words of one post. */
  match(norm: NormalizedText, hints: TargetHints): PackMatches {
    const matches = this.matchSignals(norm, hints);
    matches.benign = this.matchBenign(norm, hints);
    return matches;
  }

  /** Everything but the benign cues, which only matter when something violent was found. */
  matchSignals(norm: NormalizedText, hints: TargetHints): PackMatches {
    const built = this.compiled();
    const matcher = this.matcherFor(built, norm, hints);
    const signals = matcher.run(built.signalIndex, 'signalBuckets');
    runRegexes(built.signalRegexes, built.signalGates, norm.text, signals);
    const violentWords = matcher.violentWords();
    const planCues = signals.length > 0 || violentWords.length > 0 ? this.findPlanCues(norm) : [];
    return { lang: this.lang, signals, benign: [], planCues, violentWords, tags: matcher.classTags() };
  }

  /** The benign cues that count: every cue found, less game and sports cues a negation precedes. */
  matchBenign(norm: NormalizedText, hints: TargetHints): RuleMatch[] {
    const benign = this.findBenignCues(norm, hints);
    return this.negations.size === 0 ? benign : benign.filter((m) => !this.isNegatedPlay(m, norm.tokens));
  }

  /** Every benign cue pattern that matches, as the indexes find them. */
  findBenignCues(norm: NormalizedText, hints: TargetHints): RuleMatch[] {
    const built = this.compiled();
    const benign = this.matcherFor(built, norm, hints).run(built.benignIndex, 'benignBuckets');
    runRegexes(built.benignRegexes, built.benignGates, norm.text, benign);
    return benign;
  }

  /** "This is not a game", "kein Spiel mehr": a negated game or sports cue says the post is serious. */
  private isNegatedPlay(m: RuleMatch, tokens: readonly string[]): boolean {
    if (!PLAY_KINDS.has(m.group) || m.end <= m.start) return false;
    for (let i = Math.max(0, m.start - NEGATION_REACH); i < m.start; i++) if (this.negations.has(tokens[i]!)) return true;
    return false;
  }

  /**
   * Benign cues are looked up right after the signals of the same post: reusing that post's
   * matcher keeps the class positions it already worked out.
   */
  private matcherFor(built: PackPatterns, norm: NormalizedText, hints: TargetHints): TokenMatcher {
    const matcher = built.matcher;
    if (!matcher.isFor(norm.tokens, norm.nameLike, norm.quoted, hints)) matcher.reset(norm.tokens, norm.nameLike, norm.quoted, hints, norm.pauseBefore);
    return matcher;
  }

  lemma(form: string): string {
    return this.lemmaOf.get(form) ?? form;
  }

  private findPlanCues(norm: NormalizedText): string[] {
    const found = new Set<string>();
    for (const tokens of [norm.literalTokens, norm.tokens]) {
      for (let i = 0; i < tokens.length; i++) {
        const ends = this.planCues.endsOf(this.compiled().words.get(tokens[i]!).planCues, tokens, i);
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

/** Tests, in order, the regexes whose gate `text` passes (one pass over it for all their gates), adding their matches to `out`. */
function runRegexes(regexes: readonly RegexRule[], gates: RegexGates, text: string, out: RuleMatch[]): void {
  if (regexes.length === 0) return;
  gates.check(text);
  for (let i = 0; i < regexes.length; i++) {
    const r = regexes[i]!;
    if (!gates.passes(i)) continue;
    // One exec, not a test and then an exec for the matched text: the regex runs once per post.
    const m = r.re.exec(text);
    if (m) out.push({ group: r.group, source: `re:${r.re.source}`, weight: r.weight, start: 0, end: 0, text: m[0] });
  }
}
