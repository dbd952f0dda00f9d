import { describe, expect, it } from 'vitest';
import { quantile } from './compute-lane-metrics.js';

describe('quantile', () => {
  it('uses the nearest rank', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([10], 0.9)).toBe(10);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});
