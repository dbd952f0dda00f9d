/**
 * The learned model: a logistic regression on hashed n-grams for violent vs benign, and a
 * one-vs-rest category head trained on violent posts. Weights are stored as base64 Float32 so
 * the committed file loads in milliseconds.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_COMBINER, type Combiner } from '../decide.js';
import { VIOLENT_CATEGORIES, type ViolentCategory } from '../types.js';
import { extractFeatures, extractInto, featureValue, namedWordFeatures, type FeatureVector } from './features.js';

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('./screening-model.json', import.meta.url));

export interface LinearHead {
  bias: number;
  weights: Float32Array;
}

export interface ModelPrediction {
  pViolent: number;
  /** Most likely violent category according to the category head, null without a model. */
  category: ViolentCategory | null;
  /** Word features that pushed most towards violent. */
  topFeatures: string[];
}

export interface ModelFile {
  version: 1;
  dim: number;
  categoryDim: number;
  binary: { bias: number; weights: string };
  categories: Record<ViolentCategory, { bias: number; weights: string }>;
  combiner: Combiner;
  trainedOn: Record<string, number>;
}

// `bestCategory` keeps one running sum per category in a local variable: five of them.
if (VIOLENT_CATEGORIES.length !== 5) throw new Error('LearnedModel.bestCategory expects five violent categories');

/** Feature indices of the post being predicted: read in place, never kept. */
const predictScratch = new Uint32Array(4096);

export class LearnedModel {
  /**
   * The category heads' weights side by side (bucket b of category c at b * 5 + c), so the five
   * weights a feature needs share a cache line instead of living in five arrays.
   */
  private readonly categoryWeights: Float32Array;
  private readonly categoryBiases: Float64Array;

  constructor(
    readonly dim: number,
    readonly categoryDim: number,
    readonly binary: LinearHead,
    readonly categories: Record<ViolentCategory, LinearHead>,
    readonly combiner: Combiner,
    readonly trainedOn: Record<string, number> = {},
  ) {
    this.categoryWeights = interleave(VIOLENT_CATEGORIES.map((c) => categories[c].weights), categoryDim);
    this.categoryBiases = Float64Array.from(VIOLENT_CATEGORIES.map((c) => categories[c].bias));
  }

  static load(path: string = DEFAULT_MODEL_PATH): LearnedModel {
    return LearnedModel.fromFile(JSON.parse(readFileSync(path, 'utf8')) as ModelFile);
  }

  static fromFile(file: ModelFile): LearnedModel {
    if (file.version !== 1) throw new Error(`unsupported screening model version ${String(file.version)}`);
    const head = (h: { bias: number; weights: string }): LinearHead => ({ bias: h.bias, weights: decodeWeights(h.weights) });
    const categories = Object.fromEntries(VIOLENT_CATEGORIES.map((c) => [c, head(file.categories[c])])) as Record<ViolentCategory, LinearHead>;
    return new LearnedModel(file.dim, file.categoryDim, head(file.binary), categories, file.combiner, file.trainedOn);
  }

  toFile(): ModelFile {
    const head = (h: LinearHead): { bias: number; weights: string } => ({ bias: h.bias, weights: encodeWeights(h.weights) });
    const categories = Object.fromEntries(VIOLENT_CATEGORIES.map((c) => [c, head(this.categories[c])])) as ModelFile['categories'];
    return { version: 1, dim: this.dim, categoryDim: this.categoryDim, binary: head(this.binary), categories, combiner: this.combiner, trainedOn: this.trainedOn };
  }

  features(tokens: readonly string[], tags?: readonly string[], quoted?: readonly boolean[]): FeatureVector {
    return extractFeatures(tokens, this.dim, tags, quoted);
  }

  /** @param tags rule-pack classes per token, @param quoted quotation per token (see `extractFeatures`) */
  predict(tokens: readonly string[], explain = true, tags?: readonly string[], quoted?: readonly boolean[]): ModelPrediction {
    const indices = predictScratch;
    const count = extractInto(indices, tokens, this.dim, tags, quoted);
    const value = featureValue(count);
    // Same sums in the same order as `dot`, so the probabilities are bit for bit those of `dot`.
    const binaryMask = this.dim - 1;
    const binary = this.binary.weights;
    let z = 0;
    for (let i = 0; i < count; i++) z += binary[indices[i]! & binaryMask]!;
    const pViolent = sigmoid(this.binary.bias + z * value);
    return { pViolent, category: this.bestCategory(indices, count, value), topFeatures: explain ? this.topFeatures(tokens) : [] };
  }

  /** The category head with the highest score (the first of equals, in VIOLENT_CATEGORIES order), as `dot` per head would find it. */
  private bestCategory(indices: Uint32Array, count: number, value: number): ViolentCategory | null {
    const mask = this.categoryDim - 1;
    const weights = this.categoryWeights;
    let z0 = 0, z1 = 0, z2 = 0, z3 = 0, z4 = 0;
    for (let i = 0; i < count; i++) {
      const at = (indices[i]! & mask) * 5;
      z0 += weights[at]!;
      z1 += weights[at + 1]!;
      z2 += weights[at + 2]!;
      z3 += weights[at + 3]!;
      z4 += weights[at + 4]!;
    }
    const sums = [z0, z1, z2, z3, z4];
    let category: ViolentCategory | null = null;
    let best = -Infinity;
    for (let c = 0; c < sums.length; c++) {
      const z = this.categoryBiases[c]! + sums[c]! * value;
      if (z > best) {
        best = z;
        category = VIOLENT_CATEGORIES[c]!;
      }
    }
    return category;
  }

  /** Word features that pushed most towards violent (for reasons; computed only when needed). */
  topFeatures(tokens: readonly string[]): string[] {
    const seen = new Set<string>();
    return namedWordFeatures(tokens, this.dim)
      .map((f) => ({ name: f.name, w: this.binary.weights[f.index] ?? 0 }))
      .filter((f) => f.w > 0 && !seen.has(f.name) && seen.add(f.name))
      .sort((a, b) => b.w - a.w)
      .slice(0, 3)
      .map((f) => f.name);
  }
}

/** A model that knows nothing: p(violent) = 0.5 carries no evidence (log-odds 0), so rules decide alone. */
export function neutralModel(): LearnedModel {
  const empty = (dim: number): LinearHead => ({ bias: 0, weights: new Float32Array(dim) });
  const categories = Object.fromEntries(VIOLENT_CATEGORIES.map((c) => [c, empty(1)])) as Record<ViolentCategory, LinearHead>;
  return new LearnedModel(1, 1, empty(1), categories, { ...DEFAULT_COMBINER });
}

export function dot(head: LinearHead, fv: FeatureVector, dim: number): number {
  const mask = dim - 1;
  let z = 0;
  for (let i = 0; i < fv.count; i++) z += head.weights[fv.indices[i]! & mask]!;
  return head.bias + z * fv.value;
}

/** Weight arrays of equal length `dim` as one array, weight b of array c at b * arrays.length + c. */
export function interleave(arrays: readonly Float32Array[], dim: number): Float32Array {
  const k = arrays.length;
  const out = new Float32Array(dim * k);
  for (let c = 0; c < k; c++) {
    const w = arrays[c]!;
    for (let b = 0; b < dim; b++) out[b * k + c] = w[b] ?? 0;
  }
  return out;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function encodeWeights(w: Float32Array): string {
  return Buffer.from(w.buffer, w.byteOffset, w.byteLength).toString('base64');
}

export function decodeWeights(s: string): Float32Array {
  const buf = Buffer.from(s, 'base64');
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Float32Array(copy.buffer);
}
