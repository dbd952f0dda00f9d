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

  it('expands query objects whatever their prototype', () => {
    const query = Object.assign(Object.create({ inherited: true }) as object, { 'types[]': ['mention', 'follow'] });
    expect(expandBracketKeys(query)).toEqual({ types: ['mention', 'follow'] });
  });

  it('drops keys that would reach Object.prototype', () => {
    const out = expandBracketKeys({ '__proto__[polluted]': 'yes', 'constructor[prototype][polluted]': 'yes', 'a[__proto__][polluted]': 'yes', ok: '1' });
    expect(out).toEqual({ ok: '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const parsed = expandBracketKeys(JSON.parse('{"__proto__": {"polluted": "yes"}, "ok": "1"}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves uploaded files untouched', () => {
    const file = Buffer.from([1, 2, 3]);
    const out = expandBracketKeys({ avatar: file, 'source[note]': 'hi' }) as Record<string, unknown>;
    expect(out.avatar).toBe(file);
  });
});
