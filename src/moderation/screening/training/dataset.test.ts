import { describe, it, expect } from 'vitest';
import { loadDatasets, parseDataset, type DatasetProblem } from './dataset.js';

describe('parseDataset', () => {
  it('parses rows and reports malformed lines without stopping', () => {
    const problems: DatasetProblem[] = [];
    const rows = parseDataset(
      'en',
      [
        '{"id":"en-1","text":"i will hurt you","label":"violent","category":"threat","kind":"direct","split":"train"}',
        '{"id":"en-2","text":"nice cake","label":"benign","category":null,"kind":"cooking","split":"heldout"}',
        'not json',
        '{"id":"en-3","text":"x","label":"violent","category":"rant","kind":"direct","split":"train"}',
        '',
      ].join('\n'),
      'en.jsonl',
      problems,
    );
    expect(rows.map((r) => r.id)).toEqual(['en-1', 'en-2']);
    expect(rows[0]).toMatchObject({ lang: 'en', category: 'threat', split: 'train' });
    expect(problems.map((p) => p.line)).toEqual([3, 4]);
  });
});

describe('loadDatasets', () => {
  it('returns nothing for a missing directory', () => {
    expect(loadDatasets('/nonexistent/screening')).toEqual([]);
  });
});
