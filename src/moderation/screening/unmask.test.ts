import { describe, it, expect } from 'vitest';
import { isMaskedWord, MaskedWordReader } from './unmask.js';

const reader = new MaskedWordReader(['kill', 'murder', 'membunuh', 'tød', 'zabiję', 'firing squad', 'kills', 'shoot', 'shot', 'shut']);

describe('MaskedWordReader', () => {
  it('reads a masked word back as the only harm or weapon word it can spell', () => {
    expect(reader.read('k*ll')).toBe('kill');
    expect(reader.read('m*rd*r')).toBe('murder');
    expect(reader.read('memb*nuh')).toBe('membunuh');
    expect(reader.read('k#lls')).toBe('kills');
    expect(reader.read('*ill')).toBe('kill');
  });

  it('fills a mask with letters of any script, not only ASCII', () => {
    expect(reader.read('t*d')).toBe('tød');
    expect(reader.read('zab*ję')).toBe('zabiję');
  });

  it('reads nothing when several words fit or none does', () => {
    expect(reader.read('sh*t')).toBeNull();
    expect(reader.read('f*ck')).toBeNull();
    expect(reader.read('sh**t')).toBe('shoot');
  });

  it('reads nothing for words that are not masked', () => {
    expect(reader.read('kill')).toBeNull();
    expect(reader.read('**')).toBeNull();
    expect(reader.read('a***')).toBeNull();
  });
});

describe('isMaskedWord', () => {
  it('needs a mask, two letters and no more masks than letters', () => {
    expect(isMaskedWord('k*ll')).toBe(true);
    expect(isMaskedWord('k**')).toBe(false);
    expect(isMaskedWord('k*1l')).toBe(false);
    expect(isMaskedWord('kill')).toBe(false);
  });
});
