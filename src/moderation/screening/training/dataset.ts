/** Reads the labelled screening data (`datasets/screening/<lang>.jsonl`, format in docs/screening.md). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VIOLENT_CATEGORIES, type ViolentCategory } from '../types.js';

export const DEFAULT_DATASET_DIR = fileURLToPath(new URL('../../../../datasets/screening/', import.meta.url));

/** `train` fits the model and is what packs are written from; `heldout` is never trained or tuned on. */
export type Split = 'train' | 'heldout';
export const SPLITS: readonly Split[] = ['train', 'heldout'];

export interface Example {
  id: string;
  lang: string;
  text: string;
  label: 'violent' | 'benign';
  category: ViolentCategory | null;
  kind: string;
  split: Split;
}

export interface DatasetProblem {
  file: string;
  line: number;
  message: string;
}

/** Parses one JSONL file; malformed lines are reported, not fatal, so one bad line does not block training. */
export function parseDataset(lang: string, content: string, file: string, problems: DatasetProblem[]): Example[] {
  const out: Example[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const row = JSON.parse(line) as Record<string, unknown>;
      const label = row.label;
      const category = row.category ?? null;
      if (typeof row.text !== 'string' || typeof row.id !== 'string') throw new Error('id and text must be strings');
      if (label !== 'violent' && label !== 'benign') throw new Error('label must be violent or benign');
      if (label === 'violent' && !VIOLENT_CATEGORIES.includes(category as ViolentCategory)) throw new Error(`bad category ${String(category)}`);
      if (!SPLITS.includes(row.split as Split)) throw new Error(`split must be one of ${SPLITS.join(', ')}`);
      out.push({
        id: row.id,
        lang,
        text: row.text,
        label,
        category: label === 'violent' ? (category as ViolentCategory) : null,
        kind: typeof row.kind === 'string' ? row.kind : 'unknown',
        split: row.split as Split,
      });
    } catch (e) {
      problems.push({ file, line: i + 1, message: (e as Error).message });
    }
  });
  return out;
}

/** Every language's examples, in a fixed order (files sorted by name, lines in file order). */
export function loadDatasets(dir: string = DEFAULT_DATASET_DIR, problems: DatasetProblem[] = []): Example[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => /^[a-z]{2}\.jsonl$/u.test(f)).sort();
  return files.flatMap((f) => parseDataset(f.slice(0, 2), readFileSync(join(dir, f), 'utf8'), join(dir, f), problems));
}
