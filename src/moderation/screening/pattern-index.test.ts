import { describe, it, expect } from 'vitest';
import { loadPacks } from './load-packs.js';
import { normalize } from './normalize.js';
import { anyWordMatches, type CompiledPattern } from './pattern-elements.js';
import { loadDatasets } from './training/dataset.js';

/**
 * What a plain scan keeps: patterns whose second element is no plain word, or a word that accepts
 * `next`; and patterns whose first element mixes words and classes (`{harm}|libas`), which may
 * start with a word whose next token is elsewhere, so they are always tried.
 */
function plainScan(patterns: readonly CompiledPattern[], next: string | undefined): string[] {
  return patterns
    .filter(({ elements: [first, second] }) => first?.kind === 'mixed' || second?.kind !== 'word' || (next !== undefined && anyWordMatches(second.alternatives, next)))
    .map((p) => p.source);
}

const packs = [...loadPacks().values()];
const words = [...new Set(loadDatasets().filter((_, i) => i % 100 === 0).flatMap((e) => normalize(e.text).tokens)), undefined];

describe('PatternIndex class buckets', () => {
  it('give the patterns a plain scan of the second word keeps, in pack order, for real packs and words', () => {
    for (const pack of packs) {
      for (const kind of ['signalIndex', 'benignIndex'] as const) {
        const index = pack.compiled()[kind];
        for (const [name, patterns] of [['harm', index.classFirst.harm], ['weapon', index.classFirst.weapon], ['target', index.targetFirst]] as const) {
          if (patterns.length < 2) continue;
          const bucket = index.classBucket(name);
          for (const next of words) {
            const out: CompiledPattern[] = [];
            bucket.candidates(next, out);
            expect(out.map((p) => p.source)).toEqual(plainScan(patterns, next));
          }
          const all: CompiledPattern[] = [];
          bucket.all(all);
          expect(all).toEqual(patterns);
        }
      }
    }
  });
});
