import { describe, it, expect } from 'vitest';
import { LanguageDetector, type LanguagePredictor } from './detect-language.js';

const supported = new Set(['en', 'de', 'nb', 'fr', 'id', 'es', 'pt', 'it', 'nl', 'pl']);
const fake = (table: Record<string, Array<[string, number]>>): LanguagePredictor => ({
  predict: (text) => new Map((table[text] ?? []).map(([l, p]) => [`__label__${l}`, p])),
});

describe('LanguageDetector (fastText lid.176)', () => {
  const detector = LanguageDetector.load(supported);

  it('detects the supported languages', () => {
    expect(detector.detect('Ich werde dich morgen nach der Arbeit besuchen').lang).toBe('de');
    expect(detector.detect('Je vais passer chez toi demain après le travail').lang).toBe('fr');
    expect(detector.detect('Saya akan datang ke rumahmu besok setelah bekerja').lang).toBe('id');
  });

  it('maps Norwegian labels to nb', () => {
    expect(detector.detect('Jeg kommer hjem til deg i morgen etter jobben, det blir fint').candidates).toContain('nb');
  });

  it('returns und for text without letters', () => {
    expect(detector.detect('12:30 !!!').lang).toBe('und');
  });

  it('finds both languages of a mixed post', () => {
    const guess = detector.detect('Das ist wirklich eine sehr schlechte Idee von dir. This is a really bad idea and everyone knows it.');
    expect(guess.candidates).toEqual(expect.arrayContaining(['de', 'en']));
  });
});

describe('LanguageDetector fallbacks', () => {
  it('keeps several candidates when unsure, and adds the author hint', () => {
    const d = new LanguageDetector(fake({ 'hei du': [['da', 0.3], ['no', 0.25], ['en', 0.2], ['sv', 0.1]] }), supported);
    const guess = d.detect('hei du', 'pl');
    expect(guess.lang).toBe('nb');
    expect(guess.candidates).toEqual(['nb', 'en', 'pl']);
  });

  it('looks further down the list when a doubtful guess names a language without a pack', () => {
    const slang: Array<[string, number]> = [['cy', 0.7], ['oc', 0.1], ['ro', 0.05], ['tl', 0.04], ['jv', 0.03], ['id', 0.03], ['it', 0.02], ['ms', 0.01]];
    const predictor: LanguagePredictor = { predict: (_text, k) => new Map(slang.slice(0, k).map(([l, p]) => [`__label__${l}`, p])) };
    const guess = new LanguageDetector(predictor, supported).detect('gue abisin lo ntar malem');
    expect(guess.candidates).toEqual(['id', 'it']);
    expect(guess.lang).toBe('id');
    expect(guess.confidence).toBe(0.7);
  });

  it('reports an unsupported language but runs no pack for it', () => {
    const d = new LanguageDetector(fake({ 'привет мир': [['ru', 0.99]] }), supported);
    expect(d.detect('привет мир')).toMatchObject({ lang: 'ru', confidence: 0.99, candidates: [] });
  });
});
