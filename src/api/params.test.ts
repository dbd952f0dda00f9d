import { describe, expect, it } from 'vitest';
import { expandBracketKeys } from './params.js';

describe('expandBracketKeys', () => {
  it('turns Rails-style keys into arrays and objects', () => {
    expect(
      expandBracketKeys({
        'media_ids[]': ['1', '2'],
        'fields_attributes[1][name]': 'b',
        'fields_attributes[0][name]': 'a',
        'fields_attributes[0][value]': 'x',
        'source[privacy]': 'private',
        plain: 'v',
      }),
    ).toEqual({
      media_ids: ['1', '2'],
      fields_attributes: [{ name: 'a', value: 'x' }, { name: 'b' }],
      source: { privacy: 'private' },
      plain: 'v',
    });
  });

  it('collects a repeated single bracket key into an array', () => {
    expect(expandBracketKeys({ 'types[]': 'mention' })).toEqual({ types: ['mention'] });
  });

  it('leaves uploaded files untouched', () => {
    const file = Buffer.from([1, 2, 3]);
    const out = expandBracketKeys({ avatar: file, 'source[note]': 'hi' }) as Record<string, unknown>;
    expect(out.avatar).toBe(file);
  });
});
