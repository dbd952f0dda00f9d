import { describePackCases } from '../../../../test/helpers/screening-pack-cases.js';

/** English: every violent category, obfuscated forms and benign look-alikes (sentences written for this test, not taken from the dataset). */
describePackCases('en', {
  violent: [
    ['threat', 'direct', 'I will shoot you in the face @marco_t'],
    ['incitement', 'direct', 'Someone needs to hang every one of those corrupt judges'],
    ['death_wish', 'direct', 'I hope that senator dies screaming'],
    ['plan', 'direct', 'Saturday 10pm we meet behind the depot, bring the petrol cans and the rifles, we torch the mosque after midnight'],
    ['glorification', 'direct', 'The Christchurch shooter is a hero and we need more like him'],
    ['threat', 'leetspeak', 'i w1ll k1ll y0u @marco_t'],
    ['threat', 'spaced letters', 'I will s h o o t you @marco_t'],
    ['threat', 'emoji weapon', "I'm going to 🔪 you tonight @marco_t"],
  ],
  benign: [
    ['news quote', 'Prosecutors said the man wrote "I will kill the mayor" in a letter; he was charged with making threats.'],
    ['counter-speech', 'Telling a reporter she "deserves a bullet" is a death threat, not an opinion. Reported.'],
    ['idiom', 'I could murder a curry right now'],
    ['idiom', 'She absolutely killed it on stage last night'],
    ['idiom', "Shoot me a DM when you get home and I'll send over the photos"],
    ['idiom', 'Gonna take a stab at the crossword later'],
    ['sports', 'Our defence got absolutely slaughtered at Anfield, three goals conceded before halftime'],
    ['cooking', 'Cream the butter and sugar, beat in the eggs one at a time, then bake for 40 minutes'],
    ['computing', 'The deploy froze again so I killed all the stale worker processes'],
  ],
  checkCategory: true,
  checkLang: true,
});
