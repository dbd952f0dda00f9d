/**
 * `npm run screening:train [-- --model path] [--data dir] [--config json] [--calibration dir]`: trains the learned model on the
 * `train` split of every `datasets/screening/*.jsonl` (or `dir/*.jsonl`) and writes
 * `model/screening-model.json` (or `path`).
 *
 * 1. Rule evidence is computed for every post with the rule packs alone.
 * 2. The violent/benign logistic model is trained K times on K-1 folds; its out-of-fold
 *    predictions are honest estimates of how it behaves on unseen posts.
 * 3. The combiner (how model, rules and benign cues add up) is fitted on those out-of-fold
 *    predictions; the shipped violent/benign head is the average of the K fold heads (see
 *    `averageHeads`), so it behaves like the heads whose predictions the combiner was fitted on.
 * 4. Each language gets an offset to the bias from the model's calibration there (`languageBias`).
 * Everything is seeded and ordered, so retraining on the same data reproduces the file exactly.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { combinedLogit, combinedScore, combinerFeatures, DEFAULT_THRESHOLDS, type Combiner } from '../decide.js';
import { extractFeatures } from '../model/features.js';
import { DEFAULT_MODEL_PATH, dot, LearnedModel, sigmoid, type LinearHead } from '../model/learned-model.js';
import { PackError } from '../load-packs.js';
import { createScreener, type Screener } from '../screener.js';
import { VIOLENT_CATEGORIES, type ViolentCategory } from '../types.js';
import { loadDatasets, type DatasetProblem, type Example } from './dataset.js';
import { DEFAULT_TRAIN_OPTIONS, fitOffset, stringKey, trainDense, trainLogistic, type Sample } from './logistic.js';
import type { RuleEvidence } from '../rule-evidence.js';

export const MODEL_DIM = 1 << 18;
export const CATEGORY_DIM = 1 << 15;

/** Choices of how the model and combiner are trained (experiments vary them; defaults are what ships). */
export interface TrainConfig {
  /** L2 penalty of the violent/benign head. */
  l2: number;
  epochs: number;
  /** The shipped binary head: trained on all rows ('full') or the average of the K fold heads ('folds'). */
  bagging: 'full' | 'folds';
  /**
   * Languages whose out-of-fold rows fit the combiner; empty: every language with a pack, each
   * weighted equally. Measured: all ten languages raised cross-validated precision (0.933 → 0.973)
   * but cut recall (0.989 → 0.972) and, on held-out posts, recall far more (pl 0.81 → 0.68, nb
   * 0.87 → 0.76): in-sample packs look near-perfect everywhere, so the model was trusted too little.
   */
  combinerLanguages: readonly string[];
  /**
   * Folds and SGD order from a hash of each post's id instead of its position, so removing a
   * post does not move every later post to another fold and another place in the order.
   */
  stableOrder: boolean;
  /** Folds of the out-of-fold predictions (and heads averaged when bagging 'folds'). */
  folds: number;
  /** Hash buckets of the violent/benign head (a power of two). */
  dim: number;
  /** Seed of the SGD order (an arbitrary choice: a stable model barely depends on it). */
  seed: number;
  /**
   * Give each language its own offset to the combiner's bias, from how the model's out-of-fold
   * probabilities are calibrated in that language against the reference languages (see
   * `fitLanguageBiases`).
   */
  languageBias: boolean;
  /**
   * SGD runs per fold, each with its own seed (far apart: epoch e of seed s visits in the order of
   * s + e), whose heads are averaged: the seed alone moves about 21 held-out flag decisions, and
   * averaging runs damps that. 1: one run per fold, as shipped.
   */
  seedsPerFold: number;
}

export const DEFAULT_TRAIN_CONFIG: Readonly<TrainConfig> = Object.freeze({
  l2: DEFAULT_TRAIN_OPTIONS.l2,
  epochs: DEFAULT_TRAIN_OPTIONS.epochs,
  bagging: 'folds',
  combinerLanguages: ['en'],
  stableOrder: true,
  folds: 5,
  dim: MODEL_DIM,
  seed: DEFAULT_TRAIN_OPTIONS.seed,
  languageBias: true,
  seedsPerFold: 1,
});
/** Distance between the seeds of the SGD runs averaged per fold (see `seedsPerFold`). */
const SEED_STRIDE = 1_000_003;
/** A language needs this many out-of-fold rows for its own bias; fewer would fit noise. */
const LANGUAGE_BIAS_MIN_ROWS = 500;
/** Precision the model must reach on its own (out of fold) to flag what rules and combiner missed. */
const MODEL_ALONE_PRECISION = 0.9;
const MODEL_ALONE_MIN_HITS = 5;

interface Prepared {
  example: Example;
  tokens: string[];
  tags: string[];
  quoted: boolean[];
  evidence: RuleEvidence;
  sample: Sample;
}

/** Rejects choices that would train a broken model instead of failing loudly. */
export function validateTrainConfig(config: TrainConfig): void {
  // With one fold every post is its own fold's held-out part: no head is trained on anything.
  if (!Number.isInteger(config.folds) || config.folds < 2) {
    throw new Error(`training config: folds must be an integer of at least 2 (got ${config.folds})`);
  }
  // Feature hashing keeps `index & (dim - 1)`, which covers every bucket only for a power of two.
  if (!Number.isInteger(config.dim) || config.dim < 1 || config.dim > 2 ** 30 || (config.dim & (config.dim - 1)) !== 0) {
    throw new Error(`training config: dim must be a power of two (got ${config.dim})`);
  }
  if (!Number.isInteger(config.seedsPerFold) || config.seedsPerFold < 1) {
    throw new Error(`training config: seedsPerFold must be an integer of at least 1 (got ${config.seedsPerFold})`);
  }
}

/**
 * The first example of each text (case and spacing aside): the data files are append-only, and a
 * post written twice by accident would otherwise weigh twice.
 */
export function onePerText(examples: readonly Example[]): Example[] {
  const seen = new Set<string>();
  return examples.filter((e) => {
    const key = `${e.lang}\u0000${e.text.trim().replace(/\s+/gu, ' ').toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `calibration`: labelled posts neither the model nor the rule packs were written from. When
 * given, the combiner is fitted on them, every language weighing the same, instead of on the
 * reference language's out-of-fold training rows (an experiment; see docs/screening.md).
 */
export async function trainModel(
  examples: readonly Example[],
  log: (line: string) => void = () => {},
  overrides: Partial<TrainConfig> = {},
  calibration: readonly Example[] = [],
): Promise<LearnedModel> {
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...overrides };
  validateTrainConfig(config);
  const train = onePerText(examples.filter((e) => e.split === 'train'));
  if (train.length === 0) throw new Error('no training examples found');
  // No `onPackError`: a pack that fails validation stops training rather than being left out of
  // a model that would then look as if it had been trained with it.
  const rulesOnly = await createScreener({ model: null });
  // Posts are analysed from their text alone, as `parley moderation classify` and the evaluation see them.
  const prepared: Prepared[] = train.map((example) => {
    const a = rulesOnly.analyze(example.text);
    return {
      example,
      tokens: a.norm.tokens,
      tags: a.tags,
      quoted: a.norm.quoted,
      evidence: a.evidence,
      sample: {
        features: extractFeatures(a.norm.tokens, config.dim, a.tags, a.norm.quoted),
        y: example.label === 'violent' ? 1 : 0,
        ...(config.stableOrder ? { key: stringKey(example.id) } : {}),
      },
    };
  });
  const foldOf = (p: Prepared, i: number): number => (config.stableOrder ? p.sample.key! % config.folds : i % config.folds);
  const options = { ...DEFAULT_TRAIN_OPTIONS, dim: config.dim, l2: config.l2, epochs: config.epochs, seed: config.seed };

  // Out-of-fold predictions: with stableOrder (the default) a post's fold follows a hash of its
  // id, so removing a post moves no other post; otherwise folds go by position. Both are
  // deterministic and mix languages.
  const oof = new Array<number>(prepared.length).fill(0.5);
  const foldHeads: LinearHead[] = [];
  for (let fold = 0; fold < config.folds; fold++) {
    const samples = prepared.filter((p, i) => foldOf(p, i) !== fold).map((p) => p.sample);
    const runs = Array.from({ length: config.seedsPerFold }, (_, k) => trainLogistic(samples, { ...options, seed: options.seed + k * SEED_STRIDE }));
    const head = runs.length === 1 ? runs[0]! : averageHeads(runs);
    foldHeads.push(head);
    prepared.forEach((p, i) => {
      if (foldOf(p, i) === fold) oof[i] = sigmoid(dot(head, p.sample.features, config.dim));
    });
    log(`fold ${fold + 1}/${config.folds} trained`);
  }
  const binary = config.bagging === 'folds' ? averageHeads(foldHeads) : trainLogistic(prepared.map((p) => p.sample), options);
  const calibrated = calibration.length > 0;
  const oofRows = (): CombinerRow[] =>
    prepared.map((p, i) => ({ lang: p.example.lang, features: combinerFeatures(p.evidence, oof[i]!), y: p.sample.y }));
  const weights = calibrated
    ? fitCombiner(calibrationRows(rulesOnly, binary, calibration, config.dim), [])
    : fitCombiner(combinerRowsOf(oofRows(), rulesOnly.languages), config.combinerLanguages);
  if (calibrated) log(`combiner fitted on ${calibration.length} calibration posts`);
  // Calibration rows span every language, so the offsets are measured against all of them.
  const biasReference = calibrated ? [] : config.combinerLanguages;
  const fitted: Combiner = config.languageBias ? { ...weights, languageBias: fitLanguageBiases(prepared, oof, weights, biasReference) } : weights;
  const missed = prepared
    .map((p, i) => ({ y: p.sample.y, p: oof[i]!, score: combinedScore(combinerFeatures(p.evidence, oof[i]!), fitted, p.example.lang) }))
    .filter((r) => r.score < DEFAULT_THRESHOLDS.review);
  const combiner: Combiner = { ...fitted, modelReview: round(modelAloneThreshold(missed, MODEL_ALONE_PRECISION)) };
  log(`combiner ${JSON.stringify(combiner)}`);
  const violent = prepared.filter((p) => p.example.label === 'violent');
  const categories = Object.fromEntries(
    VIOLENT_CATEGORIES.map((c): [ViolentCategory, LinearHead] => [
      c,
      trainLogistic(
        violent.map((p) => ({ ...p.sample, features: extractFeatures(p.tokens, CATEGORY_DIM, p.tags, p.quoted), y: p.example.category === c ? 1 : 0 })),
        { ...options, dim: CATEGORY_DIM },
      ),
    ]),
  ) as Record<ViolentCategory, LinearHead>;

  const trainedOn: Record<string, number> = {};
  for (const p of prepared) trainedOn[p.example.lang] = (trainedOn[p.example.lang] ?? 0) + 1;
  return new LearnedModel(config.dim, CATEGORY_DIM, binary, categories, combiner, trainedOn);
}

interface CombinerRow {
  lang: string;
  features: number[];
  y: number;
}

/**
 * Out-of-fold training rows the combiner may be fitted on: languages with a pack, or every row
 * when no language has one (tests with invented languages).
 */
function combinerRowsOf(rows: readonly CombinerRow[], packLanguages: readonly string[]): CombinerRow[] {
  const withPack = rows.filter((r) => packLanguages.includes(r.lang));
  return withPack.length > 0 ? withPack : [...rows];
}

/**
 * Combiner rows of posts no model head was trained on, scored by the shipped head: the model
 * term is as honest as the out-of-fold one, and the rule terms are honest too, because packs are
 * not written from these posts.
 */
function calibrationRows(rulesOnly: Screener, head: LinearHead, calibration: readonly Example[], dim: number): CombinerRow[] {
  return calibration.map((example) => {
    const a = rulesOnly.analyze(example.text);
    const p = sigmoid(dot(head, extractFeatures(a.norm.tokens, dim, a.tags, a.norm.quoted), dim));
    return { lang: example.lang, features: combinerFeatures(a.evidence, p), y: example.label === 'violent' ? 1 : 0 };
  });
}

/**
 * The combiner learns how far to trust rules. On training posts, packs tuned on a language's
 * posts look near-perfect, so there it is fitted on the languages listed in `languages` (all
 * rows when empty or when none is in the list), each language weighing the same in total so
 * large languages do not set the balance. On calibration posts (`languages` empty) packs are
 * measured as they do on posts they were not written from. (Fitting it on half of the
 * independent probe set was tried: with 350 posts, 40 % of them violent, the bar for model-only
 * flags fell until ordinary posts like "I will report you" were flagged, so the probe stays a
 * judge only.)
 */
function fitCombiner(candidates: readonly CombinerRow[], languages: readonly string[]): Combiner {
  const reference = candidates.filter((r) => languages.includes(r.lang));
  const fitOn = reference.length > 0 ? reference : candidates;
  const perLanguage = new Map<string, number>();
  for (const r of fitOn) perLanguage.set(r.lang, (perLanguage.get(r.lang) ?? 0) + 1);
  const weights = fitOn.map((r) => fitOn.length / (perLanguage.size * perLanguage.get(r.lang)!));
  const [bias = 0, model = 0, rule = 0, benign = 0, ruleTimesBenign = 0] = trainDense(
    fitOn.map((r) => r.features),
    fitOn.map((r) => r.y),
    3000,
    0.5,
    1e-3,
    weights,
  );
  return { bias: round(bias), model: round(model), rule: round(rule), benign: round(benign), ruleTimesBenign: round(ruleTimesBenign) };
}

/**
 * Per language, how much less (or more) often the model's out-of-fold probability means violence
 * than in the reference languages the combiner's weights were fitted on: the offset that best fits
 * the language's rows of `bias + model·logit(p)`, minus the same offset for the reference rows.
 * Rule terms are left out on purpose: packs are written from these very posts, so with them the
 * offsets measured how well each pack fits its own training posts (−0.24 to −0.74 log-odds, which
 * on the independent probe set cost recall in four languages), not how the model is calibrated.
 * Languages with fewer than LANGUAGE_BIAS_MIN_ROWS rows get none.
 */
function fitLanguageBiases(prepared: readonly Prepared[], oof: readonly number[], combiner: Combiner, reference: readonly string[]): Record<string, number> {
  const modelOnly = { ...combiner, rule: 0, benign: 0, ruleTimesBenign: 0 };
  const rowsOf = (keep: (lang: string) => boolean): { z: number[]; ys: number[] } => {
    const rows = { z: [] as number[], ys: [] as number[] };
    prepared.forEach((p, i) => {
      if (!keep(p.example.lang)) return;
      rows.z.push(combinedLogit(combinerFeatures(p.evidence, oof[i]!), modelOnly));
      rows.ys.push(p.sample.y);
    });
    return rows;
  };
  // An empty list means the weights were fitted on every language: all rows are the reference.
  const base = rowsOf((lang) => reference.length === 0 || reference.includes(lang));
  const baseOffset = base.ys.length >= LANGUAGE_BIAS_MIN_ROWS ? fitOffset(base.z, base.ys) : 0;
  const biases: Record<string, number> = {};
  for (const lang of [...new Set(prepared.map((p) => p.example.lang))].sort()) {
    const rows = rowsOf((l) => l === lang);
    if (rows.ys.length >= LANGUAGE_BIAS_MIN_ROWS) biases[lang] = round(fitOffset(rows.z, rows.ys) - baseOffset);
  }
  return biases;
}

/**
 * The mean of several heads. Heads trained on different subsets disagree most on features only a
 * few posts carry; averaging their weights (equal to averaging their log-odds, at the inference
 * cost of one head) damps what rests on a couple of posts.
 */
export function averageHeads(heads: readonly LinearHead[]): LinearHead {
  const dim = heads[0]?.weights.length ?? 0;
  const sum = new Float64Array(dim);
  let bias = 0;
  for (const h of heads) {
    bias += h.bias;
    for (let k = 0; k < dim; k++) sum[k]! += h.weights[k]!;
  }
  const n = Math.max(1, heads.length);
  return { bias: bias / n, weights: Float32Array.from(sum, (w) => w / n) };
}

/**
 * Lowest model probability at which posts the combined score let through are still at least
 * `precision` violent (out-of-fold, so honest); 1 when no threshold reaches it.
 */
export function modelAloneThreshold(rows: ReadonlyArray<{ y: number; p: number }>, precision: number): number {
  const sorted = [...rows].sort((a, b) => b.p - a.p);
  let tp = 0;
  let best = 1;
  sorted.forEach((r, i) => {
    tp += r.y;
    if (tp >= MODEL_ALONE_MIN_HITS && tp / (i + 1) >= precision) best = r.p;
  });
  return best;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

async function main(): Promise<void> {
  const value = (flag: string): string | undefined => {
    const at = process.argv.indexOf(flag);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const problems: DatasetProblem[] = [];
  // `--data <dir>` trains on another directory of the same format (e.g. a copy with rows removed, to measure stability).
  const examples = loadDatasets(value('--data'), problems);
  const started = Date.now();
  // `--config '{"l2":1e-4}'` overrides training choices for an experiment (the defaults are what ships).
  const overrides = JSON.parse(value('--config') ?? '{}') as Partial<TrainConfig>;
  // `--calibration <dir>` fits the combiner on that directory's posts instead of on out-of-fold
  // training rows: an experiment (see docs/screening.md, "Decide"), not what ships.
  const calibrationDir = value('--calibration');
  const calibration = calibrationDir === undefined ? [] : loadDatasets(calibrationDir, problems);
  if (calibrationDir !== undefined && calibration.length === 0) {
    throw new Error(`--calibration ${calibrationDir}: no labelled posts found there (expected <lang>.jsonl files)`);
  }
  for (const p of problems) console.error(`skipped ${p.file}:${p.line}: ${p.message}`);
  const model = await trainModel(examples, (line) => console.log(line), overrides, calibration);
  // `--model <path>` writes elsewhere (experiments), leaving the committed model untouched.
  const out = value('--model') ?? DEFAULT_MODEL_PATH;
  writeFileSync(out, JSON.stringify(model.toFile()) + '\n');
  console.log(`trained on ${JSON.stringify(model.trainedOn)} in ${Date.now() - started} ms → ${out}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e instanceof PackError ? `${e.message}\nFix the rule pack named above, then run this again.` : e);
    process.exitCode = 1;
  });
}
