import { describePackCases } from '../../../../test/helpers/screening-pack-cases.js';

/** German: every violent category, obfuscated forms and benign look-alikes (sentences written for this test, not taken from the dataset). */
describePackCases('de', {
  violent: [
    ['threat', 'direct', 'Ich werde dich abstechen, @jan_k, verlass dich drauf'],
    ['threat', 'separable verb', 'Wenn du noch einmal lügst, knall ich dich ab, @jan_k'],
    ['incitement', 'direct', 'Man sollte diese korrupten Richter endlich aufhängen'],
    ['death_wish', 'direct', 'Hoffentlich verreckt dieser Minister ganz langsam'],
    ['plan', 'direct', 'Treffpunkt Samstag 22 Uhr am Hintereingang, jeder bringt Benzin und Messer mit, dann fackeln wir das Heim ab'],
    ['glorification', 'direct', 'Der Attentäter von Hanau war ein Held, Ehre dem Schützen'],
    ['threat', 'leetspeak', '1ch w3rd3 d1ch t0t3n @jan_k'],
    ['threat', 'spaced letters', 'i c h  w e r d e  d i c h  t ö t e n  @jan_k'],
    ['threat', 'emoji weapon', 'Ich hab eine 🔫 für dich, @jan_k, wir sehen uns heute Abend'],
  ],
  benign: [
    ['news quote', 'Laut Anklage soll der Mann seinem Nachbarn geschrieben haben, er werde ihn „abstechen“.'],
    ['counter-speech', 'Ich verurteile jeden Aufruf, Politiker aufzuhängen, aufs Schärfste.'],
    ['idiom', 'Ich hab mich bei der Komödie gestern Abend totgelacht'],
    ['sports', 'Wir haben die Gäste in der zweiten Halbzeit abgeschossen, 4:0 zu Hause!'],
    ['cooking', 'Den Hummer vor dem Kochen betäuben und töten, dann sofort in den Topf'],
    ['computing', 'Der Prozess hängt schon wieder, ich muss ihn mit kill -9 abschießen'],
  ],
  checkCategory: true,
});
