import { describe, it, expect } from 'vitest';
import { createScreener } from '../screener.js';

/** German: every violent category, obfuscated forms and benign look-alikes (sentences written for this test, not taken from the dataset). */
describe('de pack', async () => {
  const screener = await createScreener();

  const violent: Array<[category: string, form: string, text: string]> = [
    ['threat', 'direct', 'Ich werde dich abstechen, @jan_k, verlass dich drauf'],
    ['threat', 'separable verb', 'Wenn du noch einmal lügst, knall ich dich ab, @jan_k'],
    ['incitement', 'direct', 'Man sollte diese korrupten Richter endlich aufhängen'],
    ['death_wish', 'direct', 'Hoffentlich verreckt dieser Minister ganz langsam'],
    ['plan', 'direct', 'Treffpunkt Samstag 22 Uhr am Hintereingang, jeder bringt Benzin und Messer mit, dann fackeln wir das Heim ab'],
    ['glorification', 'direct', 'Der Attentäter von Hanau war ein Held, Ehre dem Schützen'],
    ['threat', 'leetspeak', '1ch w3rd3 d1ch t0t3n @jan_k'],
    ['threat', 'spaced letters', 'i c h  w e r d e  d i c h  t ö t e n  @jan_k'],
    ['threat', 'emoji weapon', 'Ich hab eine 🔫 für dich, @jan_k, wir sehen uns heute Abend'],
  ];
  for (const [category, form, text] of violent) {
    it(`flags ${category} (${form}): ${text}`, () => {
      const verdict = screener.screen(text);
      expect(verdict.decision).not.toBe('allow');
      expect(verdict.category).toBe(category);
    });
  }

  const benign: Array<[kind: string, text: string]> = [
    ['news quote', 'Laut Anklage soll der Mann seinem Nachbarn geschrieben haben, er werde ihn „abstechen“.'],
    ['counter-speech', 'Ich verurteile jeden Aufruf, Politiker aufzuhängen, aufs Schärfste.'],
    ['idiom', 'Ich hab mich bei der Komödie gestern Abend totgelacht'],
    ['sports', 'Wir haben die Gäste in der zweiten Halbzeit abgeschossen, 4:0 zu Hause!'],
    ['cooking', 'Den Hummer vor dem Kochen betäuben und töten, dann sofort in den Topf'],
    ['computing', 'Der Prozess hängt schon wieder, ich muss ihn mit kill -9 abschießen'],
  ];
  for (const [kind, text] of benign) {
    it(`allows ${kind}: ${text}`, () => {
      expect(screener.screen(text).decision).toBe('allow');
    });
  }
});
