import { describe, it, expect } from 'vitest';
import type { Example } from './dataset.js';
import { formatTable, report, type Outcome } from './metrics.js';

const ex = (label: 'violent' | 'benign', kind: string, category: Example['category'] = null): Example => ({
  id: 'x', lang: 'en', text: '', label, category, kind, split: 'heldout',
});

describe('report', () => {
  it('computes flagging precision and recall, hold precision and error tables', () => {
    const outcomes: Outcome[] = [
      { example: ex('violent', 'direct', 'threat'), decision: 'hold', category: 'threat' },
      { example: ex('violent', 'obfuscated', 'incitement'), decision: 'review', category: 'threat' },
      { example: ex('violent', 'direct', 'plan'), decision: 'allow', category: null },
      { example: ex('benign', 'news'), decision: 'hold', category: 'threat' },
      { example: ex('benign', 'idiom'), decision: 'allow', category: null },
    ];
    const r = report('en', outcomes);
    expect(r).toMatchObject({ total: 5, violent: 3, flagged: 3, held: 2, recall: 0.667, precision: 0.667, holdPrecision: 0.5, categoryAccuracy: 0.5 });
    expect(r.missedByCategory.plan).toEqual([1, 1]);
    expect(r.flaggedByBenignKind.news).toEqual([1, 1]);
    expect(r.missedByViolentKind.obfuscated).toEqual([0, 1]);
    const [head, row] = formatTable([r]).split('\n');
    expect(head!.split(/\s{2,}/u)).toEqual(['lang', 'posts', 'violent', 'flagged', 'recall', 'precision', 'held', 'hold prec', 'cat acc']);
    expect(row!.trim().split(/\s+/u)).toEqual(['en', '5', '3', '3', '0.667', '0.667', '2', '0.5', '0.5']);
  });
});
