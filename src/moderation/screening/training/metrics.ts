/** Evaluation metrics of the screening engine, per language: flagging precision/recall, hold precision, errors by kind. */
import type { Decision } from '../types.js';
import type { Example } from './dataset.js';

export interface Outcome {
  example: Example;
  decision: Decision;
  category: string | null;
}

export interface LanguageReport {
  lang: string;
  total: number;
  violent: number;
  benign: number;
  flagged: number;
  held: number;
  /** Of violent posts, the share flagged (review or hold). */
  recall: number;
  /** Of flagged posts, the share truly violent. */
  precision: number;
  /** Of held posts, the share truly violent (1 when nothing is held). */
  holdPrecision: number;
  /** Of flagged violent posts, the share with the right category. */
  categoryAccuracy: number;
  /** Missed violent posts per category: [missed, total]. */
  missedByCategory: Record<string, [number, number]>;
  /** Flagged benign posts per kind: [flagged, total]. */
  flaggedByBenignKind: Record<string, [number, number]>;
  /** Missed violent posts per kind (direct, obfuscated): [missed, total]. */
  missedByViolentKind: Record<string, [number, number]>;
}

export function report(lang: string, outcomes: readonly Outcome[]): LanguageReport {
  let violent = 0, flagged = 0, held = 0, tp = 0, heldTrue = 0, catRight = 0;
  const missedByCategory: Record<string, [number, number]> = {};
  const flaggedByBenignKind: Record<string, [number, number]> = {};
  const missedByViolentKind: Record<string, [number, number]> = {};
  for (const o of outcomes) {
    const isViolent = o.example.label === 'violent';
    const isFlagged = o.decision !== 'allow';
    if (isViolent) violent++;
    if (isFlagged) flagged++;
    if (o.decision === 'hold') {
      held++;
      if (isViolent) heldTrue++;
    }
    if (isViolent && isFlagged) {
      tp++;
      if (o.category === o.example.category) catRight++;
    }
    if (isViolent) {
      bump(missedByCategory, o.example.category ?? 'unknown', !isFlagged);
      bump(missedByViolentKind, o.example.kind, !isFlagged);
    } else bump(flaggedByBenignKind, o.example.kind, isFlagged);
  }
  return {
    lang,
    total: outcomes.length,
    violent,
    benign: outcomes.length - violent,
    flagged,
    held,
    recall: ratio(tp, violent, 1),
    precision: ratio(tp, flagged, 1),
    holdPrecision: ratio(heldTrue, held, 1),
    categoryAccuracy: ratio(catRight, tp, 1),
    missedByCategory,
    flaggedByBenignKind,
    missedByViolentKind,
  };
}

function bump(table: Record<string, [number, number]>, key: string, hit: boolean): void {
  const row = (table[key] ??= [0, 0]);
  if (hit) row[0]++;
  row[1]++;
}

function ratio(a: number, b: number, empty: number): number {
  return b === 0 ? empty : Math.round((a / b) * 1000) / 1000;
}

export function formatTable(reports: readonly LanguageReport[]): string {
  const head = ['lang', 'posts', 'violent', 'flagged', 'recall', 'precision', 'held', 'hold prec', 'cat acc'];
  const rows = reports.map((r) => [r.lang, r.total, r.violent, r.flagged, r.recall, r.precision, r.held, r.holdPrecision, r.categoryAccuracy].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}
