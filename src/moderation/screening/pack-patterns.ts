/**
 * The pattern half of a compiled pack: its signals and benign cues compiled, indexed by where
 * they can start and by their anchors, and the matcher that walks a post with them.
 *
 * A pack's word lists (harm verbs, weapons, targets) are cheap to build and every post needs them
 * through the shared vocabulary; its patterns are tens of thousands of objects. A `CompiledPack`
 * therefore builds this half on the first post its language is screened in (see pack-matcher.ts).
 */
import type { PatternSource, RulePack, WeightedPattern } from './pack-schema.js';
import { anchorOf, ElementCompiler, type CompiledPattern } from './pattern-elements.js';
import { PatternIndex } from './pattern-index.js';
import { expandPhraseGroups } from './phrase-groups.js';
import { PrefixIndex, type PhraseSet } from './phrase-set.js';
import { literalGate, RegexGates } from './regex-gate.js';
import { TokenMatcher } from './token-matcher.js';
import { BENIGN_CUE_KINDS, VIOLENT_CATEGORIES } from './types.js';
import { WordLookups } from './word-lookups.js';

export interface RegexRule {
  group: string;
  re: RegExp;
  weight: number;
  /** Strings one of which every match contains (see regex-gate.ts); null: always tested. */
  gate: readonly string[] | null;
}

/** The word lists of a pack that patterns refer to through `{harm}`, `{target}` and the rest. */
export interface PackWordLists {
  readonly harm: PhraseSet;
  readonly weapon: PhraseSet;
  readonly targets: PhraseSet;
  readonly determiners: PhraseSet;
  readonly postDeterminers: ReadonlySet<string>;
  readonly planCues: PhraseSet;
  readonly harmlessPhrases: PhraseSet;
  lemma(form: string): string;
}

export class PackPatterns {
  readonly signalIndex = new PatternIndex();
  readonly benignIndex = new PatternIndex();
  readonly signalRegexes: RegexRule[] = [];
  readonly benignRegexes: RegexRule[] = [];
  /** The gates of `signalRegexes` and of `benignRegexes`, each list's checked in one pass over a post. */
  readonly signalGates: RegexGates;
  readonly benignGates: RegexGates;
  /** Every token pattern (signals, then benign cues), at the position of its id. */
  readonly patterns: CompiledPattern[] = [];
  /** What the pack's indexes hold for each word met so far. */
  readonly words: WordLookups;
  readonly matcher: TokenMatcher;
  /** Patterns (signals and benign cues) by the words of their anchors. */
  private readonly anchors = new PrefixIndex<number>();

  constructor(pack: RulePack, lists: PackWordLists, compiler: ElementCompiler) {
    for (const category of VIOLENT_CATEGORIES) {
      for (const wp of pack.signals[category] ?? []) this.add(category, wp, compiler, this.signalIndex, this.signalRegexes);
    }
    for (const kind of BENIGN_CUE_KINDS) {
      for (const wp of pack.benign[kind] ?? []) this.add(kind, wp, compiler, this.benignIndex, this.benignRegexes);
    }
    this.signalGates = new RegexGates(this.signalRegexes.map((r) => r.gate));
    this.benignGates = new RegexGates(this.benignRegexes.map((r) => r.gate));
    this.words = new WordLookups({ ...lists, signals: this.signalIndex, benign: this.benignIndex, anchors: this.anchors });
    const words = this.words;
    this.matcher = new TokenMatcher(
      { harm: lists.harm, weapon: lists.weapon, harmlessPhrases: lists.harmlessPhrases, targets: lists.targets, determiners: lists.determiners, postDeterminers: lists.postDeterminers, words, lemma: (form) => lists.lemma(form) },
      this.patterns.length,
    );
  }

  private add(group: string, wp: WeightedPattern, compiler: ElementCompiler, index: PatternIndex, regexes: RegexRule[]): void {
    const p: PatternSource = wp.p;
    if (typeof p !== 'string') {
      regexes.push({ group, re: new RegExp(p.re, 'u'), weight: wp.w, gate: literalGate(p.re) });
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
}
