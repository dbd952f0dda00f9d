import { describe, it, expect } from 'vitest';
import { extractFeatures } from '../model/features.js';
import { dot, sigmoid } from '../model/learned-model.js';
import { seededRandom, shuffled, trainDense, trainLogistic } from './logistic.js';

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
});
