import { describe, it, expect } from 'vitest';
import { loadDatasets } from './dataset.js';
import { outOfFoldScreeners } from './out-of-fold.js';

describe('outOfFoldScreeners', () => {
  it('splits the train split into disjoint folds that cover it, leaving held-out posts out', async () => {
    const all = loadDatasets();
    const sample = [...all.filter((e) => e.split === 'train').slice(0, 30), ...all.filter((e) => e.split === 'heldout').slice(0, 5)];
    const seen: string[] = [];
    let folds = 0;
    for await (const fold of outOfFoldScreeners(sample, 3)) {
      folds++;
      expect(fold.examples.length).toBe(10);
      expect(typeof fold.screener.screen('hello').decision).toBe('string');
      seen.push(...fold.examples.map((e) => e.id));
    }
    expect(folds).toBe(3);
    expect(seen.sort()).toEqual(sample.filter((e) => e.split === 'train').map((e) => e.id).sort());
  });
});
