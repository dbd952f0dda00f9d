import { describePackCases } from '../../../../test/helpers/screening-pack-cases.js';

/**
 * Polish pack: one sentence per violent category, obfuscated forms, and benign look-alikes.
 * The sentences are written for this test (none comes from the labelled data) and each is caught
 * or excused by a rule pattern on its own, so the test holds whatever model is trained.
 */
describePackCases('pl', {
  violent: [
    ['threat', 'direct', 'Zastrzelę cię jutro pod blokiem, @kamil_rz'],
    ['incitement', 'direct', 'Ktoś powinien wreszcie powiesić tego ministra'],
    ['death_wish', 'direct', 'Obyś zdechł pod mostem, zdrajco'],
    ['plan', 'direct', 'Zbiórka w piątek o 21 pod ratuszem, bierzcie kije i kanistry z benzyną'],
    ['glorification', 'direct', 'Zamachowiec, który wysadził ten ośrodek, to bohater. Więcej takich!'],
    [null, 'leetspeak', 'z4strz3lę c1ę @kamil_rz'],
    [null, 'spaced letters', 'z a b i j ę   c i ę   @kamil_rz'],
    [null, 'emoji weapon', 'Dostaniesz 🔫 w łeb, @kamil_rz'],
  ],
  benign: [
    ['news quote', 'Sąd skazał 45-latka, który pisał do radnej „zabiję cię”. Wyrok jest nieprawomocny'],
    ['counter-speech', 'Potępiam wszystkich, którzy piszą, że uchodźców trzeba wieszać. To przestępstwo'],
    ['idiom', 'Ten korek mnie zabija, stoję od godziny'],
    ['sports', 'Rozbiliśmy rywali 4:0 w drugiej połowie'],
    ['cooking', 'Ubij śmietanę z cukrem pudrem na gęsty krem'],
    ['computing', 'Zabij proces i zrestartuj serwer'],
  ],
  checkCategory: true,
  declareLang: true,
});
