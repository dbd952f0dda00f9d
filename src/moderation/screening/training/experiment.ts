/**
 * `npx tsx src/moderation/screening/training/experiment.ts [--config '{"l2":1e-4}'] [--stability]`
 * Measures a training configuration without touching the held-out split's posts:
 * - cross-validation on the train split (engine figures per language, plus the model alone:
 *   log-loss and how many benign posts it scores ≥ 0.5), the main signal for choosing a config;
 * - with `--stability`, how many held-out verdicts change when a few random training rows are
 *   dropped and the model retrained (counts only: individual held-out posts are never shown);
 * - with `--seed-stability`, the same for retraining on the same rows with an SGD seed far from the
 *   default one (epoch e uses seed + e, so nearby seeds would share most epoch orders).
 */
import { pathToFileURL } from 'node:url';
import { createScreener } from '../screener.js';
import { loadDatasets, type Example } from './dataset.js';
import { DEFAULT_TRAIN_OPTIONS, seededRandom, shuffled } from './logistic.js';
import { formatTable, report, type Outcome } from './metrics.js';
import { outOfFoldScreeners } from './out-of-fold.js';
import { trainModel, type TrainConfig } from './train.js';

const FOLDS = 5;

interface ModelScore {
  y: number;
  p: number;
}

export function modelAloneSummary(lang: string, rows: readonly ModelScore[]): string {
  let loss = 0, benign = 0, benignHigh = 0, violent = 0, violentHigh = 0;
  for (const r of rows) {
    const p = Math.min(1 - 1e-6, Math.max(1e-6, r.p));
    loss -= r.y ? Math.log(p) : Math.log(1 - p);
    if (r.y) {
      violent++;
      if (r.p >= 0.5) violentHigh++;
    } else {
      benign++;
      if (r.p >= 0.5) benignHigh++;
    }
  }
  return `${lang.padEnd(4)} logloss ${(loss / Math.max(1, rows.length)).toFixed(3)}  violent≥0.5 ${violentHigh}/${violent}  benign≥0.5 ${benignHigh}/${benign}`;
}

async function crossValidation(examples: readonly Example[], config: Partial<TrainConfig>): Promise<void> {
  const outcomes: Outcome[] = [];
  const scores = new Map<string, ModelScore[]>();
  for await (const fold of outOfFoldScreeners(examples, FOLDS, config)) {
    for (const example of fold.examples) {
      const a = fold.screener.analyze(example.text);
      outcomes.push({ example, decision: a.verdict.decision, category: a.verdict.category });
      const list = scores.get(example.lang) ?? [];
      list.push({ y: example.label === 'violent' ? 1 : 0, p: a.model.pViolent });
      scores.set(example.lang, list);
    }
  }
  const langs = [...scores.keys()].sort();
  const reports = langs.map((l) => report(l, outcomes.filter((o) => o.example.lang === l)));
  console.log(formatTable([...reports, report('all', outcomes)]));
  console.log('model alone (out of fold):');
  for (const l of langs) console.log(modelAloneSummary(l, scores.get(l)!));
  console.log(modelAloneSummary('all', [...scores.values()].flat()));
}

/** Held-out decisions of a model trained on `data` with `config`. */
async function heldoutDecisions(examples: readonly Example[], data: readonly Example[], config: Partial<TrainConfig>): Promise<string[]> {
  const screener = await createScreener({ model: await trainModel(data, () => {}, config) });
  return examples.filter((e) => e.split === 'heldout').map((e) => screener.screen(e.text).decision);
}

/** "N flag flips, M verdict changes of K held-out posts" between two runs' decisions. */
export function describeChanges(base: readonly string[], other: readonly string[]): string {
  const changed = other.filter((d, i) => d !== base[i]).length;
  const flagFlips = other.filter((d, i) => (d === 'allow') !== (base[i] === 'allow')).length;
  return `${flagFlips} flag flips, ${changed} verdict changes of ${base.length} held-out posts`;
}

/** Held-out verdict changes after dropping `drop` random training rows, over several seeds. */
async function stability(examples: readonly Example[], config: Partial<TrainConfig>, drop: number, seeds: readonly number[]): Promise<void> {
  const base = await heldoutDecisions(examples, examples, config);
  const trainIds = examples.filter((e) => e.split === 'train').map((e) => e.id);
  for (const seed of seeds) {
    const dropped = new Set(shuffled(trainIds, seededRandom(seed)).slice(0, drop));
    const other = await heldoutDecisions(examples, examples.filter((e) => !dropped.has(e.id)), config);
    console.log(`seed ${seed}: dropped ${drop} training rows → ${describeChanges(base, other)}`);
  }
}

/** Held-out verdict changes between models trained on the same data with other SGD seeds. */
async function seedStability(examples: readonly Example[], config: Partial<TrainConfig>, seeds: readonly number[]): Promise<void> {
  const base = await heldoutDecisions(examples, examples, config);
  for (const seed of seeds) {
    const other = await heldoutDecisions(examples, examples, { ...config, seed });
    console.log(`SGD seed ${seed}: ${describeChanges(base, other)}`);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--config');
  const config = (at >= 0 ? JSON.parse(argv[at + 1] ?? '{}') : {}) as Partial<TrainConfig>;
  const examples = loadDatasets();
  console.log(`config ${JSON.stringify(config)}`);
  if (argv.includes('--stability')) await stability(examples, config, 4, [1, 2, 3, 4]);
  // Epoch e visits posts in keyedOrder(samples, seed + e), so seeds closer than the epoch count
  // share most of their epoch orders: compare with a seed far from the default one.
  else if (argv.includes('--seed-stability')) await seedStability(examples, config, [DEFAULT_TRAIN_OPTIONS.seed + 7919 * 1000]);
  else await crossValidation(examples, config);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
