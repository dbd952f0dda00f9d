/**
 * The learned model: a logistic regression on hashed n-grams for violent vs benign, and a
 * one-vs-rest category head trained on violent posts. Weights are stored as base64 Float32 so
 * the committed file loads in milliseconds.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_COMBINER, type Combiner } from '../decide.js';
import { VIOLENT_CATEGORIES, type ViolentCategory } from '../types.js';
import { extractFeatures, namedWordFeatures, type FeatureVector } from './features.js';

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

export class LearnedModel {
  constructor(
    readonly dim: number,
    readonly categoryDim: number,
    readonly binary: LinearHead,
    readonly categories: Record<ViolentCategory, LinearHead>,
    readonly combiner: Combiner,
    readonly trainedOn: Record<string, number> = {},
  ) {}

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
    const fv = this.features(tokens, tags, quoted);
    const pViolent = sigmoid(dot(this.binary, fv, this.dim));
    let category: ViolentCategory | null = null;
    let best = -Infinity;
    for (const c of VIOLENT_CATEGORIES) {
      const z = dot(this.categories[c], fv, this.categoryDim);
      if (z > best) {
        best = z;
        category = c;
      }
    }
    return { pViolent, category, topFeatures: explain ? this.topFeatures(tokens) : [] };
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
