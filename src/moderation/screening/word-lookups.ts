/**
 * Everything a pack's indexes hold for one word, looked up once per word and pack.
 *
 * Matching a post asks each token of the pack's pattern indexes (signals, benign cues) and
 * phrase sets (harm verbs, weapons, harmless phrases, targets, determiners, plan cues): eight map
 * lookups and trie walks per token, most of them answering "nothing". Posts are made of the same few
 * thousand words, so the answers are kept per word: a token costs one map lookup once its word
 * has been seen. The answers depend on the pack alone (never on the post), so keeping them
 * cannot change a match.
 */
import type { PatternIndex, WordBucket } from './pattern-index.js';
import type { PhraseSet, PrefixIndex, WordTest } from './phrase-set.js';

export interface WordLookup {
  /** Buckets of signal / benign patterns whose first word accepts the word. */
  readonly signalBuckets: readonly WordBucket[];
  readonly benignBuckets: readonly WordBucket[];
  /** Entries of each phrase set whose first word accepts the word (see PhraseSet.endsOf). */
  readonly harm: readonly WordTest[][];
  readonly weapon: readonly WordTest[][];
  readonly harmlessPhrases: readonly WordTest[][];
  readonly targets: readonly WordTest[][];
  readonly determiners: readonly WordTest[][];
  readonly planCues: readonly WordTest[][];
  /** Ids of the patterns whose anchor accepts the word (see CompiledPattern.anchor). */
  readonly anchored: readonly number[];
}

export interface PackIndexes {
  readonly signals: PatternIndex;
  readonly benign: PatternIndex;
  readonly harm: PhraseSet;
  readonly weapon: PhraseSet;
  readonly harmlessPhrases: PhraseSet;
  readonly targets: PhraseSet;
  readonly determiners: PhraseSet;
  readonly planCues: PhraseSet;
  readonly anchors: PrefixIndex<number>;
}

/**
 * Bound on the words kept per pack. Everyday vocabulary fits many times over; past the bound
 * (a flood of random strings) the table starts again empty rather than growing without end.
 */
const MAX_WORDS = 50_000;

/** Most words of a post are in no list of the pack: they share one answer (also the answer past the last token). */
export const NOTHING: WordLookup = Object.freeze({
  signalBuckets: [],
  benignBuckets: [],
  harm: [],
  weapon: [],
  harmlessPhrases: [],
  targets: [],
  determiners: [],
  planCues: [],
  anchored: [],
});

export class WordLookups {
  private readonly byWord = new Map<string, WordLookup>();

  constructor(private readonly indexes: PackIndexes) {}

  get(word: string): WordLookup {
    let found = this.byWord.get(word);
    if (found === undefined) {
      if (this.byWord.size >= MAX_WORDS) this.byWord.clear();
      found = this.lookUp(word);
      this.byWord.set(word, found);
    }
    return found;
  }

  private lookUp(word: string): WordLookup {
    const ix = this.indexes;
    const signalBuckets: WordBucket[] = [];
    const benignBuckets: WordBucket[] = [];
    const anchored: number[] = [];
    ix.anchors.lookup(word, anchored);
    ix.signals.bucketsFor(word, signalBuckets);
    ix.benign.bucketsFor(word, benignBuckets);
    const entry: WordLookup = {
      signalBuckets,
      benignBuckets,
      harm: ix.harm.entriesStartingWith(word),
      weapon: ix.weapon.entriesStartingWith(word),
      harmlessPhrases: ix.harmlessPhrases.entriesStartingWith(word),
      targets: ix.targets.entriesStartingWith(word),
      determiners: ix.determiners.entriesStartingWith(word),
      planCues: ix.planCues.entriesStartingWith(word),
      anchored,
    };
    const empty = signalBuckets.length + benignBuckets.length + entry.harm.length + entry.weapon.length + entry.harmlessPhrases.length
      + entry.targets.length + entry.determiners.length + entry.planCues.length + anchored.length === 0;
    return empty ? NOTHING : entry;
  }
}
