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
    ['threat', 'veiled: sooner or later', 'Prędzej czy później cię dopadnę, @olek_wr'],
    ['threat', 'veiled: grave', 'Wykopałem ci już grób w lesie'],
    ['threat', 'veiled: bulletproof vest', 'Niech sobie kupi kamizelkę kuloodporną, przyda się'],
    ['threat', 'object before verb', 'Tej pani sędzi to ja łeb ukręcę'],
    ['plan', 'entering armed at a time', 'Wchodzimy z klamką o 22, celujcie w głowy'],
    ['incitement', 'vehicle ramming', 'Ktoś powinien wjechać autem w ten marsz'],
    ['threat', 'conditional mood', 'Rozwaliłbym mu łeb gdybym tylko mógł'],
    ['threat', 'conditional mood, no diacritics', 'udusilabym te babe golymi rekami'],
    ['incitement', 'like a dog', 'Zastrzelić jak psa tego sędziego'],
    ['incitement', 'to the last one', 'Należy tę hołotę wytłuc co do nogi'],
    ['death_wish', 'let him die off', 'Niech zdycha ten pies w celi'],
    ['threat', 'veiled: better not leave home', 'Lepiej żebyś nie wychodził dziś z domu'],
    ['threat', 'veiled: hire a bodyguard', 'Panie burmistrzu, radzę zatrudnić ochroniarza'],
    ['death_wish', 'wishing a painful death', 'Życzę ci powolnej i bolesnej śmierci, gnido'],
    ['plan', 'leaving a charge, detonating', 'Zostawię torbę z ładunkiem przy wejściu i zdetonuję o 12'],
    ['glorification', 'the attack was the best day', 'Ten zamach to był najpiękniejszy dzień w roku'],
  ],
  benign: [
    ['news quote', 'Sąd skazał 45-latka, który pisał do radnej „zabiję cię”. Wyrok jest nieprawomocny'],
    ['counter-speech', 'Potępiam wszystkich, którzy piszą, że uchodźców trzeba wieszać. To przestępstwo'],
    ['idiom', 'Ten korek mnie zabija, stoję od godziny'],
    ['sports', 'Rozbiliśmy rywali 4:0 w drugiej połowie'],
    ['cooking', 'Ubij śmietanę z cukrem pudrem na gęsty krem'],
    ['computing', 'Zabij proces i zrestartuj serwer'],
    ['history', 'Dziadek opowiadał, jak Niemcy rozstrzeliwali ludzi pod murem'],
    ['cooking', 'Pokrój chleb nożem do chleba, nie tym do mięsa'],
    ['everyday', 'W sobotę wpadam do was z ciastem'],
    ['news quote', 'Skazany za wpis „powiesić posła” – pół roku w zawieszeniu'],
    ['sports', 'Rozgromimy ich na boisku w niedzielę'],
    ['counter-speech', 'Słowa mają konsekwencje: dziś „zabić ich”, jutro ktoś weźmie nóż'],
    ['idiom', 'Zabiłabym za kawę teraz'],
    ['lawful criticism', 'Niech ta partia zdycha w sondażach, oby nie przekroczyła progu'],
    ['everyday', 'Czekamy pod kinem już 15 minut, gdzie jesteś?'],
    ['everyday', 'W piątek o 20 u Kaśki, każdy przynosi coś do jedzenia'],
    ['gaming', 'Mój czarodziej spalił całą karczmę kulą ognia'],
    ['idiom', 'Ten taksówkarz chyba chce nas wszystkich pozabijać, jak on jedzie'],
    ['computing', 'Ten proces trzeba zabić i puścić jeszcze raz'],
    ['lawful criticism', 'Obalić rząd? Tak, przez wotum nieufności'],
  ],
  checkCategory: true,
  declareLang: true,
});
