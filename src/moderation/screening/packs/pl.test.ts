import { describe, it, expect } from 'vitest';
import { createScreener } from '../screener.js';

/**
 * Polish pack: one sentence per violent category, obfuscated forms, and benign look-alikes.
 * The sentences are written for this test (none comes from the labelled data) and each is caught
 * or excused by a rule pattern on its own, so the test holds whatever model is trained.
 */
const VIOLENT: Array<[string, string]> = [
  ['threat', 'Zastrzelę cię jutro pod blokiem, @kamil_rz'],
  ['incitement', 'Ktoś powinien wreszcie powiesić tego ministra'],
  ['death_wish', 'Obyś zdechł pod mostem, zdrajco'],
  ['plan', 'Zbiórka w piątek o 21 pod ratuszem, bierzcie kije i kanistry z benzyną'],
  ['glorification', 'Zamachowiec, który wysadził ten ośrodek, to bohater. Więcej takich!'],
];

const OBFUSCATED: Array<[string, string]> = [
  ['leetspeak', 'z4strz3lę c1ę @kamil_rz'],
  ['spaced letters', 'z a b i j ę   c i ę   @kamil_rz'],
  ['emoji weapon', 'Dostaniesz 🔫 w łeb, @kamil_rz'],
];

const BENIGN: Array<[string, string]> = [
  ['news quote', 'Sąd skazał 45-latka, który pisał do radnej „zabiję cię”. Wyrok jest nieprawomocny'],
  ['counter-speech', 'Potępiam wszystkich, którzy piszą, że uchodźców trzeba wieszać. To przestępstwo'],
  ['idiom', 'Ten korek mnie zabija, stoję od godziny'],
  ['sports', 'Rozbiliśmy rywali 4:0 w drugiej połowie'],
  ['cooking', 'Ubij śmietanę z cukrem pudrem na gęsty krem'],
  ['computing', 'Zabij proces i zrestartuj serwer'],
];

describe('Polish screening pack', async () => {
  const screener = await createScreener();

  for (const [category, text] of VIOLENT) {
    it(`flags ${category}: "${text}"`, () => {
      const verdict = screener.screen(text, { lang: 'pl' });
      expect(verdict.decision).not.toBe('allow');
      expect(verdict.category).toBe(category);
    });
  }

  for (const [kind, text] of OBFUSCATED) {
    it(`flags an obfuscated threat (${kind}): "${text}"`, () => {
      expect(screener.screen(text, { lang: 'pl' }).decision).not.toBe('allow');
    });
  }

  for (const [kind, text] of BENIGN) {
    it(`allows a benign look-alike (${kind}): "${text}"`, () => {
      expect(screener.screen(text, { lang: 'pl' }).decision).toBe('allow');
    });
  }
});
