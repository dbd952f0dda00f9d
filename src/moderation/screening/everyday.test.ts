import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { createScreener } from './index.js';
import { loadDatasets, type DatasetProblem } from './training/dataset.js';

/**
 * Most posts on a server are like datasets/screening-everyday: greetings to everyone, short
 * everyday posts. A false alarm rate the look-alike-heavy labelled data hardly shows would flood
 * the review queue there; before plain posts were trained on, about a third were flagged.
 */
const EVERYDAY_DIR = fileURLToPath(new URL('../../../datasets/screening-everyday/', import.meta.url));
const MAX_FALSE_ALARM_RATE = 0.15;

describe('everyday posts (datasets/screening-everyday, never trained on)', async () => {
  const screener = await createScreener();
  const problems: DatasetProblem[] = [];
  const posts = loadDatasets(EVERYDAY_DIR, problems);

  it('are a valid set in every language, all benign', () => {
    expect(problems).toEqual([]);
    expect(new Set(posts.map((p) => p.lang)).size).toBe(10);
    expect(posts.every((p) => p.label === 'benign')).toBe(true);
  });

  it(`are rarely flagged (under ${MAX_FALSE_ALARM_RATE * 100}%) and never held`, () => {
    const verdicts = posts.map((p) => ({ text: p.text, decision: screener.screen(p.text).decision }));
    expect(verdicts.filter((v) => v.decision === 'hold')).toEqual([]);
    const flagged = verdicts.filter((v) => v.decision !== 'allow');
    expect(flagged.length / posts.length, flagged.map((v) => v.text).join(' | ')).toBeLessThan(MAX_FALSE_ALARM_RATE);
  });
});
