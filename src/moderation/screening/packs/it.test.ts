import { describePackCases } from '../../../../test/helpers/screening-pack-cases.js';

/** Italian: every violent category, obfuscated forms and benign look-alikes (sentences written for this test, not taken from the dataset). */
describePackCases('it', {
  violent: [
    ["threat", "direct", "Ti ammazzo con le mie mani @luca, sai dove trovarmi"],
    ["incitement", "direct", "Bisogna impiccare tutti questi giudici corrotti"],
    ["death_wish", "direct", "Spero che quel ministro crepi presto"],
    ["plan", "direct", "Domani alle 21 davanti al tribunale, portate le pistole"],
    ["glorification", "direct", "Chi ha sparato a quel giudice è un eroe"],
    ["threat", "leetspeak", "ti 4mm4zz0 @luca"],
    ["threat", "spaced letters", "ti a m m a z z o @luca"],
    ["threat", "emoji weapon", "stasera ti 🔪 @luca"],
    ["threat", "implicit (schedule known)", "Sappiamo a che ora esci dall'ufficio, @marta_l. Pensaci bene"],
    ["threat", "conditional", "Se ti rivedo sotto casa mia ti ammazzo, @luigi_q"],
    ["threat", "implicit (children)", "Sarebbe un peccato se ai tuoi figli succedesse qualcosa all'uscita di scuola"],
    ["threat", "implicit (found in a ditch)", "Uno di questi giorni ti trovano in un fosso, @rino_b"],
    ["plan", "time + place + weapon", "Giovedì alle 23 sotto casa del consigliere, ognuno con la sua spranga"],
    ["plan", "who is coming + weapon", "Chi viene venerdì? Portiamo le mazze alla sede del partito"],
    ["death_wish", "gallows for a group", "la forca per tutti i ministri, subito"],
    ["death_wish", "to the wall", "al muro tutti i giudici"],
  ],
  benign: [
    ["news quote", "\"Ti ammazzo\", aveva scritto al sindaco, secondo la procura"],
    ["counter-speech", "Minacciare di morte una giornalista è vergognoso, solidarietà"],
    ["idiom", "Mi fai morire dal ridere"],
    ["sports", "Li abbiamo massacrati 4-0, che partita"],
    ["computing", "Devi uccidere il processo e riavviare il server"],
    ["cooking", "Tritate la cipolla e fatela soffriggere"],
    ["idiom (studying hard)", "Mi ammazzo di studio questo weekend, lunedì ho l'esame"],
    ["idiom (kisses)", "ti ammazzerei di baci"],
    ["everyday (pick-up)", "domani alle 7 ti vengo a prendere, fatti trovare pronta"],
    ["idiom (laughing)", "ci siamo ammazzati dalle risate"],
  ],
  checkCategory: true,
  checkLang: true,
});
