import { describe, it, expect } from 'vitest';
import { parseWord, PhraseSet, PrefixIndex } from './phrase-set.js';

describe('PhraseSet', () => {
  it('matches single words, prefixes and multi-word entries, longest first', () => {
    const set = new PhraseSet(['gun', 'journalist*', 'firing squad', 'firing']);
    expect(set.matchAt(['gun'], 0)).toEqual([1]);
    expect(set.matchAt(['journalists'], 0)).toEqual([1]);
    expect(set.matchAt(['the', 'firing', 'squad'], 1)).toEqual([3, 2]);
    expect(set.matchAt(['fire'], 0)).toEqual([]);
  });

  it('tells whether anything matches without listing the ends', () => {
    const set = new PhraseSet(['firing squad', 'journalist*']);
    expect(set.matchesAt(['the', 'firing', 'squad'], 1)).toBe(true);
    expect(set.matchesAt(['firing', 'range'], 0)).toBe(false);
    expect(set.matchesAt(['journalists'], 0)).toBe(true);
    expect(set.matchesAt(['journalists'], 1)).toBe(false);
    expect(new PhraseSet().matchesAt(['gun'], 0)).toBe(false);
  });

  it('lower-cases entries like the normaliser does', () => {
    expect(new PhraseSet(['Firing Squad']).matchAt(['firing', 'squad'], 0)).toEqual([2]);
  });
});

describe('PrefixIndex', () => {
  it('lists its keys with their values, exact words before prefixes', () => {
    const index = new PrefixIndex<number>();
    for (const [w, v] of [['kill*', 1], ['kill', 2], ['ki*', 3], ['kill', 4]] as const) index.add(parseWord(w), v);
    expect(index.entries()).toEqual([
      [{ exact: 'kill', prefix: undefined }, [2, 4]],
      [{ exact: undefined, prefix: 'ki' }, [3]],
      [{ exact: undefined, prefix: 'kill' }, [1]],
    ]);
    const out: number[] = [];
    index.lookup('killing', out);
    expect(out).toEqual([3, 1]);
  });
});
