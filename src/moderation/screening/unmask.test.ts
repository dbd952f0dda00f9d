import { describe, it, expect } from 'vitest';
import { isMaskedWord, unmaskWord } from './unmask.js';

const vocabulary = new Set(['kill', 'murder', 'membunuh', 'tød', 'zabiję', 'firing squad', 'kills']);

describe('unmaskWord', () => {
  it('reads a masked word back as the only vocabulary word it can spell', () => {
    expect(unmaskWord('k*ll', vocabulary)).toBe('kill');
    expect(unmaskWord('m*rd*r', vocabulary)).toBe('murder');
    expect(unmaskWord('memb*nuh', vocabulary)).toBe('membunuh');
    expect(unmaskWord('k#lls', vocabulary)).toBe('kills');
  });

  it('fills a mask with letters of any script, not only ASCII', () => {
    expect(unmaskWord('t*d', vocabulary)).toBe('tød');
    expect(unmaskWord('zabij*', vocabulary)).toBe('zabiję');
    expect(unmaskWord('zab*ję', vocabulary)).toBe('zabiję');
  });

  it('drops the masks when no vocabulary word fits, keeping one token', () => {
    expect(unmaskWord('f*ck', vocabulary)).toBe('fck');
    expect(unmaskWord('k*ll')).toBe('kll');
  });

  it('leaves words that are not masked alone', () => {
    expect(unmaskWord('kill', vocabulary)).toBe('kill');
    expect(unmaskWord('**', vocabulary)).toBe('**');
    expect(unmaskWord('a***', vocabulary)).toBe('a***');
  });
});

describe('isMaskedWord', () => {
  it('needs two letters and no more masks than letters', () => {
    expect(isMaskedWord('k*ll')).toBe(true);
    expect(isMaskedWord('k**')).toBe(false);
    expect(isMaskedWord('k*1l')).toBe(false);
    expect(isMaskedWord('kill')).toBe(false);
  });
});
