import { describe, it, expect } from 'vitest';
import { loadPacks } from './load-packs.js';
import { loadDatasets } from './training/dataset.js';
import { normalize } from './normalize.js';
import { NOTHING } from './word-lookups.js';

const packs = [...loadPacks().values()];
// A few hundred real posts: their words are looked up both ways.
const posts = loadDatasets()
  .filter((_, i) => i % 40 === 0)
  .map((e) => normalize(e.text).tokens);

describe('WordLookups', () => {
  it('gives, for every word, the same phrase-set matches as looking the word up directly', () => {
    for (const pack of packs) {
      for (const tokens of posts) {
        for (let i = 0; i < tokens.length; i++) {
          const word = pack.words.get(tokens[i]!);
          for (const set of ['harm', 'weapon', 'targets', 'determiners', 'planCues'] as const) {
            expect(pack[set].endsOf(word[set], tokens, i)).toEqual(pack[set].matchAt(tokens, i));
          }
        }
      }
    }
  });

  it('answers the same object for a word seen again, and one shared answer for words in no list', () => {
    const pack = packs.find((p) => p.lang === 'en')!;
    expect(pack.words.get('kill')).toBe(pack.words.get('kill'));
    expect(pack.words.get('kill').harm.length).toBeGreaterThan(0);
    expect(pack.words.get('zqxwv')).toBe(NOTHING);
  });

  it('starts its table again past the bound, and still answers every word as before', () => {
    const pack = packs.find((p) => p.lang === 'en')!;
    const before = pack.words.get('kill');
    // A flood of distinct random-looking words (more than the 50,000 kept) empties the table once.
    for (let i = 0; i < 50_001; i++) pack.words.get(`zz${i.toString(36)}`);
    const after = pack.words.get('kill');
    expect(after).not.toBe(before);
    expect(after).toEqual(before);
    expect(pack.words.get('zz0')).toBe(NOTHING);
  });
});
