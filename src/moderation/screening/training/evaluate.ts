/**
 * `npm run screening:eval [-- --split train|heldout] [--cv] [--lang xx] [--errors] [--json-only] [--model path]
 *   [--data dir]`
 * Screens every example of the chosen split (held out by default) and prints per-language
 * precision/recall of flagging, hold precision and error rates, then a JSON summary.
 */
import { pathToFileURL } from 'node:url';
import { PackError } from '../load-packs.js';
import { createScreener, type Screener } from '../screener.js';
import { loadDatasets, SPLITS, type DatasetProblem, type Example, type Split } from './dataset.js';
import { formatTable, report, type LanguageReport, type Outcome } from './metrics.js';
import { outOfFoldScreeners } from './out-of-fold.js';
import type { TrainConfig } from './train.js';

export interface EvaluationOptions {
  split: Split;
  lang?: string;
}

export interface Evaluation {
  split: Split;
  languages: LanguageReport[];
  overall: LanguageReport;
  errors: Array<{ id: string; text: string; label: string; decision: string; score: number; reasons: string[] }>;
  outcomes: Outcome[];
}

const CV_FOLDS = 5;

export function evaluate(screener: Screener, examples: readonly Example[], options: EvaluationOptions): Evaluation {
  const chosen = examples.filter((e) => e.split === options.split && (!options.lang || e.lang === options.lang));
  const byLang = new Map<string, Outcome[]>();
  const errors: Evaluation['errors'] = [];
  for (const example of chosen) {
    // No language hint: judged the way `parley moderation classify` sees posts, text alone.
    const verdict = screener.screen(example.text);
    const outcome: Outcome = { example, decision: verdict.decision, category: verdict.category };
    const list = byLang.get(example.lang) ?? [];
    list.push(outcome);
    byLang.set(example.lang, list);
    const wrong = (example.label === 'violent') !== (verdict.decision !== 'allow') || (verdict.decision === 'hold' && example.label === 'benign');
    if (wrong) errors.push({ id: example.id, text: example.text, label: example.label, decision: verdict.decision, score: verdict.score, reasons: verdict.reasons });
  }
  const languages = [...byLang.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([lang, outcomes]) => report(lang, outcomes));
  const outcomes = [...byLang.values()].flat();
  const overall = report('all', outcomes);
  return { split: options.split, languages, overall, errors, outcomes };
}

/**
 * Cross-validation on the train split: each fold is screened by a model trained without it, so
 * rules and thresholds can be tuned on honest numbers without ever touching the held-out split.
 */
export async function crossValidate(examples: readonly Example[], folds: number, lang?: string, config: Partial<TrainConfig> = {}): Promise<Evaluation> {
  const parts: Evaluation[] = [];
  for await (const fold of outOfFoldScreeners(examples, folds, config)) {
    parts.push(evaluate(fold.screener, fold.examples, { split: 'train', ...(lang ? { lang } : {}) }));
  }
  return mergeEvaluations(parts);
}

function mergeEvaluations(parts: readonly Evaluation[]): Evaluation {
  // Re-deriving reports from the per-fold numbers would lose detail; recompute from outcomes instead.
  const outcomes = parts.flatMap((p) => p.outcomes);
  const byLang = new Map<string, Outcome[]>();
  for (const o of outcomes) byLang.set(o.example.lang, [...(byLang.get(o.example.lang) ?? []), o]);
  return {
    split: 'train',
    languages: [...byLang.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([l, os]) => report(l, os)),
    overall: report('all', outcomes),
    errors: parts.flatMap((p) => p.errors),
    outcomes,
  };
}

function parseArgs(argv: readonly string[]): EvaluationOptions & { showErrors: boolean; jsonOnly: boolean; cv: boolean; model?: string; data?: string } {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const split = (value('--split') ?? 'heldout') as Split;
  if (!SPLITS.includes(split)) throw new Error(`--split must be one of ${SPLITS.join(', ')}`);
  const lang = value('--lang');
  const cv = argv.includes('--cv');
  if (cv && split !== 'train') throw new Error('--cv evaluates the train split: use --split train --cv');
  const model = value('--model');
  const data = value('--data');
  if (cv && data) throw new Error('--cv trains on datasets/screening; --data only evaluates another directory');
  return { split, ...(lang ? { lang } : {}), ...(model ? { model } : {}), ...(data ? { data } : {}), showErrors: argv.includes('--errors'), jsonOnly: argv.includes('--json-only'), cv };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const problems: DatasetProblem[] = [];
  // `--data <dir>` evaluates another directory of the same format (a probe set written apart from the packs).
  const examples = loadDatasets(args.data, problems);
  for (const p of problems) console.error(`skipped ${p.file}:${p.line}: ${p.message}`);
  // A pack that fails validation stops the evaluation: figures without it would be meaningless.
  const screener = await createScreener(args.model ? { model: args.model } : {});
  const result = args.cv ? await crossValidate(examples, CV_FOLDS, args.lang) : evaluate(screener, examples, args);
  if (!args.jsonOnly) {
    console.log(`split: ${result.split}\n`);
    console.log(formatTable([...result.languages, result.overall]));
    console.log('');
    if (args.showErrors) {
      for (const e of result.errors) console.log(`${e.id} [${e.label} → ${e.decision} ${e.score}] ${e.text}\n    ${e.reasons.join(' | ')}`);
      console.log('');
    }
  }
  const summary = { split: result.split, overall: result.overall, languages: result.languages };
  console.log(JSON.stringify(summary, null, args.jsonOnly ? 2 : undefined));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e instanceof PackError ? `${e.message}\nFix the rule pack named above, then run this again.` : e);
    process.exitCode = 1;
  });
}
