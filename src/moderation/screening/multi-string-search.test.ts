import { describe, expect, it } from 'vitest';
import { MultiStringSearch } from './multi-string-search.js';

/** The sets `search` finds in `text`, by index. */
function foundIn(search: MultiStringSearch, count: number, text: string): number[] {
  search.scan(text);
  return [...Array(count).keys()].filter((i) => search.found(i));
}

/** What `includes` says: the sets with a string in `text`. */
function expected(sets: readonly (readonly string[])[], text: string): number[] {
  return [...sets.keys()].filter((i) => sets[i]!.some((s) => text.includes(s)));
}

describe('MultiStringSearch', () => {
  it('finds strings that overlap, nest and end inside one another', () => {
    // The classic case: "he" ends inside "she", "hers" starts inside "ushers".
    const sets = [['he'], ['she'], ['his'], ['hers'], ['xyz']];
    const search = new MultiStringSearch(sets);
    expect(foundIn(search, sets.length, 'ushers')).toEqual([0, 1, 3]);
    expect(foundIn(search, sets.length, 'this')).toEqual([2]);
    expect(foundIn(search, sets.length, 'hxyzs')).toEqual([4]);
    expect(foundIn(search, sets.length, '')).toEqual([]);
  });

  it('finds a set through any one of its strings', () => {
    const sets = [['opisan', 'opowiedzian'], ['przez', 'oczami'], ['zabij']];
    const search = new MultiStringSearch(sets);
    expect(foundIn(search, sets.length, 'opowiedziana oczami świadka')).toEqual([0, 1]);
    expect(foundIn(search, sets.length, 'zabić go')).toEqual([]);
    expect(foundIn(search, sets.length, 'zabij go')).toEqual([2]);
  });

  it('forgets the previous scan', () => {
    const search = new MultiStringSearch([['kill'], ['shoot']]);
    expect(foundIn(search, 2, 'kill them')).toEqual([0]);
    expect(foundIn(search, 2, 'shoot them')).toEqual([1]);
    expect(foundIn(search, 2, 'nothing here')).toEqual([]);
  });

  it('finds nothing before the first scan, and never a set without strings', () => {
    const search = new MultiStringSearch([['kill'], []]);
    expect(search.found(0)).toBe(false);
    expect(foundIn(search, 2, 'kill')).toEqual([0]);
  });

  it('counts the empty string as found in every text, as includes does', () => {
    const search = new MultiStringSearch([[''], ['kill']]);
    expect(foundIn(search, 2, '')).toEqual([0]);
    expect(foundIn(search, 2, 'kill')).toEqual([0, 1]);
  });

  it('reads diacritics and astral characters by code unit', () => {
    const sets = [['mów'], ['🔪🔪'], ['größe']];
    const search = new MultiStringSearch(sets);
    expect(foundIn(search, sets.length, 'nie mów nic 🔪🔪🔪')).toEqual([0, 1]);
    expect(foundIn(search, sets.length, 'mow 🔪 x 🔪 größe')).toEqual([2]);
    // Half of a surrogate pair matches half of the same pair, as with includes.
    const half = new MultiStringSearch([['\ud83d']]);
    expect(foundIn(half, 1, 'a 🔪')).toEqual([0]);
  });

  it('agrees with includes on random strings and texts', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = 'abcą ';
    const word = (max: number): string => Array.from({ length: 1 + random(max) }, () => alphabet[random(alphabet.length)]).join('');
    for (let round = 0; round < 50; round++) {
      const sets = Array.from({ length: 1 + random(12) }, () => Array.from({ length: random(4) }, () => word(4)));
      const search = new MultiStringSearch(sets);
      for (let t = 0; t < 40; t++) {
        const text = word(30);
        expect(foundIn(search, sets.length, text)).toEqual(expected(sets, text));
      }
    }
  });
});
