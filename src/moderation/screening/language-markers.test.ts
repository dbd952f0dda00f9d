import { describe, it, expect } from 'vitest';
import { createScreener } from './index.js';
import { LanguageDetector, type LanguageGuess, type LanguagePredictor } from './detect-language.js';
import { markedLanguages, markerCounts, overruleByMarkers } from './language-markers.js';

const markers = new Map([
  ['gue', 'id'], ['lo', 'id'], ['banget', 'id'],
  ['vc', 'pt'], ['pra', 'pt'],
  ['gonna', 'en'], ['you', 'en'],
]);
const guess = (lang: string, confidence: number, candidates = [lang]): LanguageGuess => ({ lang, confidence, candidates, scores: new Map([[lang, confidence], ['id', 0.1]]) });
const counts = (text: string) => markerCounts(text.split(' '), markers);

describe('marker words', () => {
  it('counts each distinct marker word once per language', () => {
    expect(counts('gue gue lo vc kata')).toEqual(new Map([['id', 2], ['pt', 1]]));
    expect(counts('nothing here')).toEqual(new Map());
  });

  it('names languages with two distinct markers, most marked first', () => {
    expect(markedLanguages(counts('vc pra gue lo banget'))).toEqual(['id', 'pt']);
    expect(markedLanguages(counts('gue gue vc'))).toEqual([]);
  });

  it('overrules an unsure guess with the language the post holds more markers of', () => {
    const { language, displaced } = overruleByMarkers(guess('es', 0.5, ['es', 'it']), counts('gue bunuh lo'));
    expect(language.lang).toBe('id');
    expect(language.candidates).toEqual(['id', 'it']);
    expect(language.confidence).toBe(0.1);
    expect(displaced).toBe('es');
  });

  it('leaves a sure guess, a guess with as many markers, a single marker and English markers alone', () => {
    expect(overruleByMarkers(guess('fr', 0.94), counts('gue hancur banget')).displaced).toBeUndefined();
    expect(overruleByMarkers(guess('pt', 0.5), counts('gue lo vc pra')).displaced).toBeUndefined();
    expect(overruleByMarkers(guess('es', 0.5), counts('gue bunuh')).displaced).toBeUndefined();
    // "i'm gonna kill you, du kleine Ratte": English words in a German post do not make it English.
    expect(overruleByMarkers(guess('de', 0.3), counts('gonna kill you du')).language.lang).toBe('de');
  });
});

describe('screener with marker words', async () => {
  const real = await createScreener();
  /** A language identifier that always answers `lang` with probability `p`. */
  const sayingAlways = async (lang: string, p: number) => {
    const predictor: LanguagePredictor = { predict: () => [[`__label__${lang}`, p]] };
    return createScreener({ languageDetector: new LanguageDetector(predictor, new Set(real.languages)) });
  };

  it('reports the marked language of Jakarta slang that fastText misreads, and flags the threat', () => {
    const analysis = real.analyze('gue bunuuuh lo anjing, liat aja');
    expect(analysis.language.lang).toBe('id');
    expect(analysis.matches.map((m) => m.lang)).toContain('id');
    expect(analysis.verdict.decision).not.toBe('allow');
  });

  it('still runs a marked pack under a sure guess, keeping the guess', async () => {
    const analysis = (await sayingAlways('es', 0.95)).analyze('gue bakal bunuh lo beneran');
    expect(analysis.language.lang).toBe('es');
    expect(analysis.matches.map((m) => m.lang)).toEqual(expect.arrayContaining(['es', 'id']));
  });

  it("does not let the benign cues of an overruled guess excuse the post, though its pack still runs", async () => {
    const text = 'gue bakal bunuh lo beneran, bukan di modo hardcore';
    const sure = (await sayingAlways('es', 0.95)).analyze(text);
    expect(sure.matches.find((m) => m.lang === 'es')!.benign.map((b) => b.group)).toContain('gaming');
    const unsure = (await sayingAlways('es', 0.5)).analyze(text);
    expect(unsure.language.lang).toBe('id');
    expect(unsure.matches.find((m) => m.lang === 'es')!.benign).toEqual([]);
  });
});
