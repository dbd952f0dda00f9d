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
  ],
  benign: [
    ['news quote', 'Ifølge tiltalen skal mannen ha truet med å drepe naboen, melder NTB'],
    ['counter-speech', 'Vi står sammen mot hat og trusler. Vold er aldri svaret'],
    ['idiom', 'Denne varmen tar livet av meg'],
    ['sports', 'Vi slaktet dem i andre omgang, 5-0 på hjemmebane'],
    ['cooking', 'Stek løken i smør og skjær kjøttet i terninger'],
    ['computing', 'Husk å drepe prosessen før du restarter serveren'],
  ],
  declareLang: true,
});
