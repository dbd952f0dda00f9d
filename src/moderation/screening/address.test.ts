import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { createScreener } from './index.js';
import { loadDatasets, type DatasetProblem } from './training/dataset.js';

/**
 * Posts written to someone ("get well soon @maya", "cadê vc?") are everyday traffic, yet nearly
 * every threat in the training data is addressed to someone too: a model that reads "you" as
 * violence floods the review queue. datasets/screening-address is never trained on; before posts
 * like it were, 42 % of its benign posts were flagged.
 */
const ADDRESS_DIR = fileURLToPath(new URL('../../../datasets/screening-address/', import.meta.url));
const MAX_FALSE_ALARM_RATE = 0.2;
const MIN_RECALL = 0.9;

describe('posts that address someone (datasets/screening-address, never trained on)', async () => {
  const screener = await createScreener();
  const problems: DatasetProblem[] = [];
  const posts = loadDatasets(ADDRESS_DIR, problems);
  const flagged = (text: string) => screener.screen(text).decision !== 'allow';

  it('are a valid set in every language, with threats among them', () => {
    expect(problems).toEqual([]);
    expect(new Set(posts.map((p) => p.lang)).size).toBe(10);
    expect(posts.filter((p) => p.label === 'violent').length).toBeGreaterThan(50);
  });

  it(`keep the threats among them flagged (recall at least ${MIN_RECALL})`, () => {
    const violent = posts.filter((p) => p.label === 'violent');
    const missed = violent.filter((p) => !flagged(p.text));
    expect(1 - missed.length / violent.length, missed.map((p) => p.text).join(' | ')).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it(`flag under ${MAX_FALSE_ALARM_RATE * 100}% of the benign ones and hold none`, () => {
    const benign = posts.filter((p) => p.label === 'benign');
    expect(benign.filter((p) => screener.screen(p.text).decision === 'hold').map((p) => p.text)).toEqual([]);
    const alarms = benign.filter((p) => flagged(p.text));
    expect(alarms.length / benign.length, alarms.map((p) => p.text).join(' | ')).toBeLessThan(MAX_FALSE_ALARM_RATE);
  });
});
