import { describePackCases } from '../../../../test/helpers/screening-pack-cases.js';

/**
 * Norwegian (bokmål) pack: each violent category is flagged, disguised forms are flagged, and
 * benign look-alikes pass. The sentences are written for this test (not taken from the dataset)
 * and are ones the rules catch on their own, so the test holds after the model is retrained.
 */
describePackCases('nb', {
  violent: [
    ['threat', 'direct', 'Jeg skal skyte deg når du kommer ut av butikken @per_h'],
    ['incitement', 'direct', 'Noen burde knivstikke den korrupte dommeren'],
    ['death_wish', 'direct', 'Håper ordføreren dør i en bilulykke'],
    ['plan', 'direct', 'Vi møtes ved rådhuset fredag kl 22, alle tar med kniv og hansker'],
    ['glorification', 'direct', 'Skytteren var en helt, flere burde følge hans eksempel'],
    [null, 'leetspeak', 'j3g sk4l dr3p3 d3g @kari_n'],
    [null, 'spaced letters', 'j e g  s k a l  d r e p e  d e g'],
    [null, 'emoji weapon', '🔫 til alle politikerne på Stortinget'],
    ['threat', 'walk-out threat', 'Dere kommer ikke til å gå på egne bein ut av hallen på lørdag'],
    ['threat', 'ultimatum', 'Fjerner du ikke bildet før kvelden, så vet du hva som skjer med deg'],
    ['threat', 'isolation threat', 'Du bor så øde til. Ingen kommer til å høre deg skrike'],
    [null, 'leetspeak with digit for å', 'vi k0mm3r t1l 4 sk yt3 d3g @jan_e'],
    ['death_wish', 'gloating death wish', 'Hadde feiret med champagne om den dommeren døde i natt'],
    ['death_wish', 'the day he finally dies', 'Jeg teller ned til den dagen han endelig dør'],
    ['plan', 'weapons under jackets', 'Vi møter med balltrær under jakkene og venter på signal'],
    ['plan', 'obtained weapon and vantage point', 'Har fått tak i en rifle, står på taket overfor scenen under talen'],
    ['glorification', 'my hero', 'Han som skjøt de ansatte på kontoret er min helt'],
    ['glorification', 'finally someone', 'Endelig en som tok affære og brente ned mottaket'],
  ],
  benign: [
    ['news quote', 'Ifølge tiltalen skal mannen ha truet med å drepe naboen, melder NTB'],
    ['counter-speech', 'Vi står sammen mot hat og trusler. Vold er aldri svaret'],
    ['idiom', 'Denne varmen tar livet av meg'],
    ['sports', 'Vi slaktet dem i andre omgang, 5-0 på hjemmebane'],
    ['cooking', 'Stek løken i smør og skjær kjøttet i terninger'],
    ['computing', 'Husk å drepe prosessen før du restarter serveren'],
    ['idiom', 'Må drepe litt tid på flyplassen før boarding'],
    ['idiom', 'Hun har brent alle broer bak seg i det firmaet'],
    ['idiom', 'Jeg døde litt innvendig av den presentasjonen'],
    ['everyday', 'Jeg henter deg til trening kl 17 i morgen, vær klar'],
    ['everyday', 'Vet hvor du bor, så jeg sender blomster i morgen'],
    ['hunting', 'Vi drar på elgjakt i morgen tidlig, ta med børsa og termos'],
    ['lawful march', 'Vi marsjerer fredelig fra Youngstorget til Stortinget lørdag kl 13'],
    ['gaming', 'Du er så død når vi spiller FIFA i kveld'],
    ['cooking', 'Brenn sukkeret i en kjele til det blir gyllent'],
    ['computing', 'Vi skyter ut neste versjon av appen på fredag kl 09'],
    ['sports record', 'Warholm er en legende, noen må slå rekorden hans en dag'],
  ],
  declareLang: true,
});
