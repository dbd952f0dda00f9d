/**
 * Deterministic logistic regression by AdaGrad SGD over hashed sparse features. When every sample
 * carries a key (a hash of its post id), epoch e visits samples in an order derived from the keys
 * and `seed + e` alone; otherwise the order comes from a seeded shuffle. Either way the same data
 * always yields the same weights.
 */
import type { FeatureVector } from '../model/features.js';
import type { LinearHead } from '../model/learned-model.js';

export interface Sample {
  features: FeatureVector;
  /** 1 for the positive class, 0 otherwise. */
  y: number;
  /**
   * A number fixed to the post (a hash of its id). When every sample has one, each epoch visits
   * samples in an order derived from the keys alone, so adding or removing a post only adds or
   * removes its own updates instead of reshuffling every other post's position.
   */
  key?: number;
}

export interface TrainOptions {
  dim: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: Omit<TrainOptions, 'dim'> = { epochs: 20, learningRate: 0.4, l2: 1e-5, seed: 20240601 };

/** mulberry32: a small seeded PRNG, so shuffles are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function trainLogistic(samples: readonly Sample[], options: TrainOptions): LinearHead {
  const { dim, epochs, learningRate, l2 } = options;
  const mask = dim - 1;
  const w = new Float64Array(dim);
  const g2 = new Float64Array(dim).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  // Classes are weighted to balance, so a language with few violent posts is not ignored.
  const positives = samples.filter((s) => s.y === 1).length;
  const negatives = samples.length - positives;
  const classWeight = [negatives > 0 ? samples.length / (2 * negatives) : 1, positives > 0 ? samples.length / (2 * positives) : 1];
  const random = seededRandom(options.seed);
  const keyed = samples.length > 0 && samples.every((s) => s.key !== undefined);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const s of keyed ? keyedOrder(samples, options.seed + epoch) : shuffled(samples, random)) {
      const fv = s.features;
      let z = bias;
      for (let i = 0; i < fv.count; i++) z += w[fv.indices[i]! & mask]! * fv.value;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - s.y) * classWeight[s.y]!;
      for (let i = 0; i < fv.count; i++) {
        const k = fv.indices[i]! & mask;
        const g = err * fv.value + l2 * w[k]!;
        g2[k]! += g * g;
        w[k]! -= (learningRate * g) / Math.sqrt(g2[k]!);
      }
      biasG2 += err * err;
      bias -= (learningRate * err) / Math.sqrt(biasG2);
    }
  }
  return { bias, weights: Float32Array.from(w) };
}

/** Samples sorted by a hash of (key, round): a pseudo-random order in which each sample's place depends on its key only. */
export function keyedOrder(samples: readonly Sample[], round: number): Sample[] {
  const ranked = samples.map((s, i) => ({ s, i, rank: mixHash(s.key!, round) }));
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return ranked.map((r) => r.s);
}

/** A 32-bit integer mix (murmur3 finaliser) of two numbers. */
export function mixHash(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a string: a key fixed to a post's id. */
export function stringKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Full-batch gradient descent for a handful of dense features (the combiner); classes are
 * balanced, and `rowWeights` (default 1) can weigh rows further, e.g. to balance languages.
 */
export function trainDense(
  rows: readonly number[][],
  ys: readonly number[],
  iterations: number,
  learningRate: number,
  l2: number,
  rowWeights?: readonly number[],
): number[] {
  const n = rows[0]?.length ?? 0;
  const w = new Array<number>(n + 1).fill(0);
  const cw = balancedClassWeights(ys);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(n + 1).fill(0);
    rows.forEach((x, r) => {
      let z = w[0]!;
      for (let j = 0; j < n; j++) z += w[j + 1]! * x[j]!;
      const err = (1 / (1 + Math.exp(-z)) - ys[r]!) * cw[ys[r]!]! * (rowWeights?.[r] ?? 1);
      grad[0]! += err;
      for (let j = 0; j < n; j++) grad[j + 1]! += err * x[j]!;
    });
    for (let j = 0; j <= n; j++) w[j]! -= learningRate * (grad[j]! / rows.length + (j > 0 ? l2 * w[j]! : 0));
  }
  return w;
}

/** Log-odds: an offset this large would flag or clear every post of a language on its own. */
const OFFSET_LIMIT = 20;

/**
 * The offset `d` that best fits `ys` when added to fixed log-odds `z` (the logistic loss), with
 * classes balanced as in `trainDense`: the one-dimensional fit that lets a combiner fitted on one
 * group of rows be recalibrated on another group without refitting its weights. The loss is convex
 * in `d`, so its slope rises with `d` and bisection finds where it crosses 0; unlike Newton's
 * method it cannot overshoot when the log-odds are large and the curvature vanishes. The result
 * stays within ±OFFSET_LIMIT. 0 when the rows hold only one class (nothing to calibrate against).
 */
export function fitOffset(z: readonly number[], ys: readonly number[]): number {
  const positives = ys.filter((y) => y === 1).length;
  if (positives === 0 || positives === ys.length) return 0;
  const cw = balancedClassWeights(ys);
  const slope = (d: number): number => {
    let g = 0;
    z.forEach((zi, r) => {
      g += cw[ys[r]!]! * (1 / (1 + Math.exp(-(zi + d))) - ys[r]!);
    });
    return g;
  };
  let low = -OFFSET_LIMIT;
  let high = OFFSET_LIMIT;
  for (let it = 0; it < 60; it++) {
    const mid = (low + high) / 2;
    if (slope(mid) > 0) high = mid;
    else low = mid;
  }
  return (low + high) / 2;
}

/** Per class (index 0 and 1), the weight that makes both classes weigh half of the rows in total. */
function balancedClassWeights(ys: readonly number[]): [number, number] {
  const positives = ys.filter((y) => y === 1).length;
  return [ys.length / (2 * Math.max(1, ys.length - positives)), ys.length / (2 * Math.max(1, positives))];
}
