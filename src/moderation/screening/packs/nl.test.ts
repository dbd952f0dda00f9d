import { describePackCases } from '../../../../test/helpers/screening-pack-cases.js';

/** Dutch: every violent category, obfuscated forms and benign look-alikes (sentences written for this test, not taken from the dataset). */
describePackCases('nl', {
  violent: [
    ['threat', 'direct', '@pieter_b ik ga je vermoorden, reken maar'],
    ['threat', 'separable verb', 'Ik maak die wethouder af als hij dat plan doorzet'],
    ['incitement', 'direct', 'Iemand moet die rechter neerschieten'],
    ['death_wish', 'direct', 'Ik hoop dat die minister langzaam crepeert'],
    ['plan', 'direct', 'Morgen 22:00 verzamelen bij het stadhuis, iedereen neemt een mes mee voor die burgemeester'],
    ['glorification', 'direct', 'Die schutter is een held, doe het hem na'],
    ['threat', 'leetspeak', 'ik ga je v3rm00rden @pieter_b'],
    ['threat', 'spaced letters', 'ik ga je v e r m o o r d e n @pieter_b'],
    ['threat', 'emoji weapon', 'ik steek je vanavond 🔪🔪 @pieter_b'],
    ['threat', 'Flemish', 'ge zijt gezien manneke, wacht maar'],
    ['threat', 'veiled: not grow old', 'jij gaat niet oud worden als je zo blijft praten'],
    ['threat', 'veiled: hospital', 'je ligt volgende week in het ziekenhuis, let maar op'],
    ['threat', 'formal', 'U zult de gevolgen persoonlijk ondervinden, meneer de wethouder'],
    ['incitement', 'not through the ballot', 'Dat tuig moet opgeruimd worden en niet via de stembus'],
    ['glorification', 'shooter as hero', 'die schutter van gisteren is gewoon een legende'],
  ],
  benign: [
    ['news quote', 'Volgens de rechtbank schreef de man "ik ga je vermoorden" aan de burgemeester'],
    ['counter-speech', 'Dreigen om een wethouder te vermoorden is nooit oké, alle steun voor haar'],
    ['idiom', 'Ik lach me dood om die video'],
    ['sports', 'We hebben ze in de tweede helft afgeslacht, 5-0'],
    ['computing', 'Kill -9 op dat proces en de server draait weer'],
    ['cooking', 'Uien fijnsnijden en de kip in stukken hakken'],
    ['everyday', 'ben je dood moe na die dienst? ga maar lekker slapen'],
    ['everyday', 'ik weet waar je woont dus ik breng je sleutels morgen terug'],
    ['idiom', 'ik erger me dood aan die reclames'],
    ['idiom', 'die cabaretier heeft het publiek gewoon afgemaakt, iedereen lag dubbel'],
  ],
});
