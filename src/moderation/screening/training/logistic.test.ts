import { describe, it, expect } from 'vitest';
import { extractFeatures } from '../model/features.js';
import { dot, sigmoid } from '../model/learned-model.js';
import { fitOffset, keyedOrder, seededRandom, shuffled, stringKey, trainDense, trainLogistic } from './logistic.js';

const dim = 4096;
const data = [
  ['i', 'will', 'hurt', 'you'], ['we', 'will', 'hurt', 'them'], ['hurt', 'him', 'now'],
  ['nice', 'weather', 'today'], ['lovely', 'cake', 'recipe'], ['nice', 'game', 'today'],
].map((tokens, i) => ({ features: extractFeatures(tokens, dim), y: i < 3 ? 1 : 0 }));
const options = { dim, epochs: 10, learningRate: 0.5, l2: 1e-5, seed: 7 };

describe('seeded shuffling', () => {
  it('is reproducible for a seed', () => {
    expect(shuffled([1, 2, 3, 4, 5], seededRandom(1))).toEqual(shuffled([1, 2, 3, 4, 5], seededRandom(1)));
  });
});

describe('keyedOrder', () => {
  const keyed = data.map((s, i) => ({ ...s, key: stringKey(`post-${i}`) }));

  it('keeps the relative order of the other samples when one is removed', () => {
    const full = keyedOrder(keyed, 3);
    const without = keyedOrder(keyed.filter((_, i) => i !== 2), 3);
    expect(without).toEqual(full.filter((s) => s !== keyed[2]));
  });

  it('differs between rounds and is reproducible within one', () => {
    expect(keyedOrder(keyed, 1)).toEqual(keyedOrder(keyed, 1));
    expect(keyedOrder(keyed, 1)).not.toEqual(keyedOrder(keyed, 2));
  });

  it('is used by trainLogistic when every sample has a key, reproducibly', () => {
    const a = trainLogistic(keyed, options);
    const b = trainLogistic([...keyed].reverse(), options);
    // The input order no longer matters: the keys alone decide the visiting order.
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
  });
});

describe('trainLogistic', () => {
  it('learns a separable problem', () => {
    const head = trainLogistic(data, options);
    expect(sigmoid(dot(head, extractFeatures(['they', 'will', 'hurt', 'you'], dim), dim))).toBeGreaterThan(0.5);
    expect(sigmoid(dot(head, extractFeatures(['nice', 'cake'], dim), dim))).toBeLessThan(0.5);
  });

  it('reproduces identical weights from the same data', () => {
    const a = trainLogistic(data, options);
    const b = trainLogistic(data, options);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(a.bias).toBe(b.bias);
  });
});

describe('trainDense', () => {
  it('finds a positive weight for a predictive feature', () => {
    const w = trainDense([[0], [0.1], [0.9], [1]], [0, 0, 1, 1], 500, 1, 0);
    expect(w[1]).toBeGreaterThan(1);
  });

  it('weighs rows by rowWeights', () => {
    // The same feature value is positive twice and negative once; weighting the negative row up flips the bias.
    const rows = [[1], [1], [1]];
    const ys = [1, 1, 0];
    const plain = trainDense(rows, ys, 500, 1, 0);
    const weighted = trainDense(rows, ys, 500, 1, 0, [1, 1, 8]);
    expect(plain[0]! + plain[1]!).toBeGreaterThan(weighted[0]! + weighted[1]!);
  });
});

describe('fitOffset', () => {
  const z = [-2, -1, -0.5, 0.5, 1, 2];
  const ys = [0, 0, 1, 0, 1, 1];

  it('is 0 for log-odds that already fit (a symmetric case) and undoes a shift of them', () => {
    expect(fitOffset(z, ys)).toBeCloseTo(0, 6);
    expect(fitOffset(z.map((x) => x + 1.5), ys)).toBeCloseTo(-1.5, 6);
  });

  it('weighs both classes equally, whatever their counts', () => {
    // Constant log-odds: the balanced fit puts the score at 0.5, so the offset cancels them.
    expect(fitOffset([2, 2, 2, 2], [1, 0, 0, 0])).toBeCloseTo(-2, 6);
  });

  it('finds the offset when the log-odds are saturated (where a plain Newton step overshoots)', () => {
    const d = fitOffset([12, 11, 10, -9], [1, 0, 0, 0]);
    expect(d).toBeLessThan(-5);
    expect(d).toBeGreaterThan(-20);
    // At the fitted offset the balanced scores of the two classes meet: the positive's own score
    // stands above the negatives' mean score.
    const q = (z: number): number => 1 / (1 + Math.exp(-(z + d)));
    expect(q(12)).toBeGreaterThan((q(11) + q(10) + q(-9)) / 3);
  });

  it('is 0 when the rows hold one class only', () => {
    expect(fitOffset([0.3, 1], [1, 1])).toBe(0);
    expect(fitOffset([], [])).toBe(0);
  });
});
