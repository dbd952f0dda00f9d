import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PACKS_DIR, packFiles, readPack } from '../load-packs.js';
import { CompiledPack } from '../pack-matcher.js';
import { createScreener } from '../screener.js';
import { normalize } from '../normalize.js';

/** Canonical sentences per language: a pack must catch the violent ones and let the benign ones pass. */
const CANONICAL: Record<string, { violent: string[]; benign: string[] }> = {
  en: {
    violent: ['I will kill you tonight @jonas', 'someone should hang that judge', 'the senator deserves a bullet'],
    benign: ['my feet are killing me', 'this minister must resign', 'kill the process and restart it'],
  },
  de: {
    violent: ['Ich werde dich umbringen @jonas', 'Jemand sollte den Richter aufhängen'],
    benign: ['Der Minister muss zurücktreten', 'Zwiebeln fein hacken und anbraten'],
  },
  fr: {
    violent: ['Je vais te tuer @marc', "Quelqu'un devrait pendre ce juge"],
    benign: ['Ce ministre doit démissionner', 'Hacher finement les oignons'],
  },
  nb: {
    violent: ['Jeg skal drepe deg @ola', 'Noen burde henge den dommeren'],
    benign: ['Statsråden må gå av', 'Vi knuste dem i andre omgang'],
  },
  es: {
    violent: ['Te voy a matar @carlos', 'Alguien debería colgar a ese juez'],
    benign: ['Ese ministro debe dimitir', 'Me muero de risa con este vídeo'],
  },
  pt: {
    violent: ['Vou te matar @joao', 'Alguém devia enforcar esse juiz'],
    benign: ['O ministro tem de se demitir', 'Estou morto de cansaço hoje'],
  },
  it: {
    violent: ['Ti ammazzo @luca', 'Qualcuno dovrebbe impiccare quel giudice'],
    benign: ['Il ministro deve dimettersi', 'Mi fanno morire dal ridere'],
  },
  nl: {
    violent: ['Ik ga je vermoorden @jan', 'Iemand zou die rechter moeten ophangen'],
    benign: ['De minister moet aftreden', 'Ik lig dood van het lachen'],
  },
  pl: {
    violent: ['Zabiję cię @marek', 'Ktoś powinien powiesić tego sędziego'],
    benign: ['Minister musi podać się do dymisji', 'Umieram ze śmiechu'],
  },
  id: {
    violent: ['Aku akan membunuh kamu @budi', 'Seseorang harus menggantung hakim itu'],
    benign: ['Menteri itu harus mundur', 'Aku mati ketawa baca ini'],
  },
};

describe('rule packs', () => {
  for (const file of packFiles()) {
    const lang = file.slice(-7, -5);
    it(`${lang}.json passes the schema and compiles`, () => {
      const pack = readPack(file);
      expect(pack.lang).toBe(lang);
      expect(() => new CompiledPack(pack)).not.toThrow();
    });
  }

  // The normaliser splits "pied-de-biche" and "3-0" into words and trims "'em" to "em": a pattern
  // word like these can never meet a post, and its rule silently never fires.
  for (const file of packFiles()) {
    const lang = file.slice(-7, -5);
    it(`${lang}.json names only words a normalised post can hold`, () => {
      const pack = readPack(file);
      const unreadable = new Set<string>();
      for (const pattern of new CompiledPack(pack).patterns) {
        for (const element of pattern.elements) {
          for (const a of element.alternatives) {
            const word = a.exact ?? a.prefix;
            if (word !== undefined && !isOneWord(word)) unreadable.add(`"${word}" in ${pattern.source}`);
          }
        }
      }
      for (const cue of pack.planCues) {
        for (const word of cue.split(/\s+/u)) if (!isOneWord(word.replace(/\*$/u, ''))) unreadable.add(`"${word}" in plan cue ${cue}`);
      }
      expect([...unreadable]).toEqual([]);
    });
  }

  it('the English reference pack exists', () => {
    expect(existsSync(join(DEFAULT_PACKS_DIR, 'en.json'))).toBe(true);
  });
});

describe('canonical sentences per language', async () => {
  const screener = await createScreener();
  for (const [lang, { violent, benign }] of Object.entries(CANONICAL)) {
    if (!screener.languages.includes(lang)) continue;
    for (const text of violent) {
      it(`${lang}: flags "${text}"`, () => {
        expect(screener.screen(text, { lang }).decision).not.toBe('allow');
      });
    }
    for (const text of benign) {
      it(`${lang}: allows "${text}"`, () => {
        expect(screener.screen(text, { lang }).decision).toBe('allow');
      });
    }
  }
});

/** Whether a post can hold `word` as one normalised word (the form patterns are written in). */
function isOneWord(word: string): boolean {
  const read = normalize(word).literalTokens;
  return read.length === 1 && read[0] === word.normalize('NFKC').toLowerCase();
}
