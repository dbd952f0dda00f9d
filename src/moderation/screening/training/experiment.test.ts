import { describe, it, expect } from 'vitest';
import { describeChanges, modelAloneSummary } from './experiment.js';

describe('modelAloneSummary', () => {
  it('reports log-loss and how many posts of each class the model alone scores at least 0.5', () => {
    const line = modelAloneSummary('en', [{ y: 1, p: 0.9 }, { y: 1, p: 0.4 }, { y: 0, p: 0.6 }, { y: 0, p: 0.1 }]);
    const loss = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.4) + Math.log(0.9)) / 4;
    expect(line).toContain(`logloss ${loss.toFixed(3)}`);
    expect(line).toContain('violent≥0.5 1/2');
    expect(line).toContain('benign≥0.5 1/2');
  });
});

describe('describeChanges', () => {
  it('counts verdict changes and, apart, changes between allowed and flagged', () => {
    expect(describeChanges(['allow', 'review', 'hold', 'allow'], ['allow', 'hold', 'allow', 'review'])).toBe(
      '2 flag flips, 3 verdict changes of 4 held-out posts',
    );
  });
});
