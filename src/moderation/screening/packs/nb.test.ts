import { describe, it, expect } from 'vitest';
import { createScreener } from '../screener.js';

/**
 * Norwegian (bokmål) pack: each violent category is flagged, disguised forms are flagged, and
 * benign look-alikes pass. The sentences are written for this test (not taken from the dataset)
 * and are ones the rules catch on their own, so the test holds after the model is retrained.
 */
const VIOLENT: Array<[category: string, text: string]> = [
  ['threat', 'Jeg skal skyte deg når du kommer ut av butikken @per_h'],
  ['incitement', 'Noen burde knivstikke den korrupte dommeren'],
  ['death_wish', 'Håper ordføreren dør i en bilulykke'],
  ['plan', 'Vi møtes ved rådhuset fredag kl 22, alle tar med kniv og hansker'],
  ['glorification', 'Skytteren var en helt, flere burde følge hans eksempel'],
];

const OBFUSCATED: Array<[kind: string, text: string]> = [
  ['leetspeak', 'j3g sk4l dr3p3 d3g @kari_n'],
  ['spaced letters', 'j e g  s k a l  d r e p e  d e g'],
  ['emoji weapon', '🔫 til alle politikerne på Stortinget'],
];

const BENIGN: Array<[kind: string, text: string]> = [
  ['news quote', 'Ifølge tiltalen skal mannen ha truet med å drepe naboen, melder NTB'],
  ['counter-speech', 'Vi står sammen mot hat og trusler. Vold er aldri svaret'],
  ['idiom', 'Denne varmen tar livet av meg'],
  ['sports', 'Vi slaktet dem i andre omgang, 5-0 på hjemmebane'],
  ['cooking', 'Stek løken i smør og skjær kjøttet i terninger'],
  ['computing', 'Husk å drepe prosessen før du restarter serveren'],
];

describe('nb pack', async () => {
  const screener = await createScreener();

  for (const [category, text] of VIOLENT) {
    it(`flags ${category}: "${text}"`, () => {
      expect(screener.screen(text, { lang: 'nb' }).decision).not.toBe('allow');
    });
  }

  for (const [kind, text] of OBFUSCATED) {
    it(`flags ${kind}: "${text}"`, () => {
      expect(screener.screen(text, { lang: 'nb' }).decision).not.toBe('allow');
    });
  }

  for (const [kind, text] of BENIGN) {
    it(`allows ${kind}: "${text}"`, () => {
      expect(screener.screen(text, { lang: 'nb' }).decision).toBe('allow');
    });
  }
});
