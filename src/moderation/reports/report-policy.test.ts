import { describe, expect, it } from 'vitest';
import { computePriority, isViolentCategory, laneFor } from './report-policy.js';

describe('report policy', () => {
  it('sends violent categories and held posts to the fast lane', () => {
    expect(laneFor('threat')).toBe('violent');
    expect(laneFor('death_wish')).toBe('violent');
    expect(laneFor('spam')).toBe('general');
    expect(laneFor('other', true)).toBe('violent');
    expect(isViolentCategory('plan')).toBe(true);
    expect(isViolentCategory('legal')).toBe(false);
  });

  it('ranks by severity, then reach, then independent reporters', () => {
    const base = { authorFollowers: 10, reporterCount: 1 };
    expect(computePriority({ ...base, category: 'threat' })).toBeGreaterThan(computePriority({ ...base, category: 'spam' }));
    expect(computePriority({ ...base, category: 'threat', authorFollowers: 100_000 })).toBeGreaterThan(
      computePriority({ ...base, category: 'threat' }),
    );
    expect(computePriority({ ...base, category: 'other', reporterCount: 5 })).toBeGreaterThan(
      computePriority({ ...base, category: 'other' }),
    );
    // A flood of reporters on a spam report never outranks a threat.
    expect(computePriority({ category: 'spam', authorFollowers: 10, reporterCount: 500 })).toBeLessThan(
      computePriority({ ...base, category: 'threat' }),
    );
  });
});
