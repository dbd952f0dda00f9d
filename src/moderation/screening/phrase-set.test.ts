import { describe, it, expect } from 'vitest';
import { PhraseSet } from './phrase-set.js';

describe('PhraseSet', () => {
  it('matches single words, prefixes and multi-word entries, longest first', () => {
    const set = new PhraseSet(['gun', 'journalist*', 'firing squad', 'firing']);
    expect(set.matchAt(['gun'], 0)).toEqual([1]);
    expect(set.matchAt(['journalists'], 0)).toEqual([1]);
    expect(set.matchAt(['the', 'firing', 'squad'], 1)).toEqual([3, 2]);
    expect(set.matchAt(['fire'], 0)).toEqual([]);
  });

  it('lower-cases entries like the normaliser does', () => {
    expect(new PhraseSet(['Firing Squad']).matchAt(['firing', 'squad'], 0)).toEqual([2]);
  });
});
