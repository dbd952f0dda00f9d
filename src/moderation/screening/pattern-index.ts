/**
 * Where the patterns of one group (signals or benign cues) of a pack can start. Patterns are
 * indexed by what their first element can match (a word, a word prefix, or the first word of a
 * class entry), so at each token only the patterns that can start there are tried. Patterns
 * starting with `{target}` or `_` are tried where a target or any word starts.
 */
import type { ClassName, CompiledPattern } from './pattern-elements.js';
import { PrefixIndex, wordMatches, type WordTest } from './phrase-set.js';

export class PatternIndex {
  /** Patterns by what their first word can be, as added. */
  private readonly firstWords = new PrefixIndex<CompiledPattern>();
  /** The same lists, each sub-indexed by second word (built on first use, after compilation). */
  private buckets: PrefixIndex<WordBucket> | null = null;
  readonly classFirst: Record<'harm' | 'weapon', CompiledPattern[]> = { harm: [], weapon: [] };
  readonly targetFirst: CompiledPattern[] = [];
  readonly anyFirst: CompiledPattern[] = [];
  /** The class-first lists, each sub-indexed by second word (built on first use, after compilation). */
  private classBuckets: Record<ClassName, WordBucket> | null = null;

  /** Files a pattern under what its first element can match. */
  add(pattern: CompiledPattern): void {
    const first = pattern.elements[0]!;
    if (first.kind === 'word' || first.kind === 'mixed') for (const alt of first.alternatives) this.addByWord(alt, pattern);
    const firstClasses = first.kind === 'mixed' ? first.classes : first.kind === 'class' ? [first.name!] : [];
    for (const c of firstClasses) {
      if (c === 'target') this.targetFirst.push(pattern);
      else this.classFirst[c].push(pattern);
    }
    if (first.kind === 'any' || first.kind === 'gap') this.anyFirst.push(pattern);
  }

  addByWord(test: WordTest, pattern: CompiledPattern): void {
    this.firstWords.add(test, pattern);
    this.buckets = null;
  }

  /** The buckets of patterns whose first word accepts `token`, appended to `out` in the order they were added. */
  bucketsFor(token: string, out: WordBucket[]): void {
    this.buckets ??= this.buildBuckets();
    this.buckets.lookup(token, out);
  }

  /**
   * Patterns starting with class `name`, indexed by their second word: where the class ends at
   * one place, only those whose second word is the token there (or that have none) can match.
   */
  classBucket(name: ClassName): WordBucket {
    this.classBuckets ??= {
      harm: new WordBucket(this.classFirst.harm),
      weapon: new WordBucket(this.classFirst.weapon),
      target: new WordBucket(this.targetFirst),
    };
    return this.classBuckets[name];
  }

  private buildBuckets(): PrefixIndex<WordBucket> {
    const buckets = new PrefixIndex<WordBucket>();
    for (const [test, patterns] of this.firstWords.entries()) buckets.add(test, new WordBucket(patterns));
    return buckets;
  }
}

/**
 * Patterns that share a first word (or a first class), indexed by their second word. The caller
 * passes the token that follows the first element's match; a pattern whose first element is a
 * word with class alternatives (`rope|{weapon}`) may go on elsewhere, so it is always a candidate.
 */
export class WordBucket {
  /** Patterns whose second element is not a plain word (a class, a gap, the end): always candidates. */
  private readonly always: readonly CompiledPattern[];
  /** Per exact next word, the candidates in their original order (when no second word is a prefix). */
  private readonly byNextWord = new Map<string, readonly CompiledPattern[]>();
  /** Second-word tests per pattern position; null when no pattern of the bucket has a plain second word. */
  private readonly seconds: ReadonlyArray<readonly WordTest[] | null> | null;
  private readonly hasPrefixSecond: boolean;

  constructor(private readonly patterns: readonly CompiledPattern[]) {
    // A lone pattern gains nothing from an index of its second word: it is simply tried.
    const seconds = patterns.map(({ elements: [first, second] }) =>
      patterns.length > 1 && (first?.kind === 'word' || first?.kind === 'class') && second?.kind === 'word' ? second.alternatives : null,
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

  /** Every pattern of the bucket, in their original order. */
  all(out: CompiledPattern[]): void {
    pushAll(this.patterns, out);
  }

  /** The patterns that may match when `next` follows the first word, in their original order. */
  candidates(next: string | undefined, out: CompiledPattern[]): void {
    if (this.seconds === null || next === undefined) return pushAll(this.always, out);
    if (!this.hasPrefixSecond) return pushAll(this.byNextWord.get(next) ?? this.always, out);
    // Some second word is a prefix: filter as we go (no list is built for this post).
    for (let position = 0; position < this.patterns.length; position++) {
      const tests = this.seconds[position];
      if (tests === null || tests === undefined || tests.some((t) => wordMatches(t, next))) out.push(this.patterns[position]!);
    }
  }
}

function pushAll<T>(from: readonly T[], out: T[]): void {
  for (const x of from) out.push(x);
}
