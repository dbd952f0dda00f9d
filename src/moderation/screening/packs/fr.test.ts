import { describePackCases } from '../../../../test/helpers/screening-pack-cases.js';

/** French: every violent category, obfuscated forms and benign look-alikes (sentences written for this test, not taken from the dataset). */
describePackCases('fr', {
  violent: [
    ["threat", "direct", "Je vais te buter @karim, tu vas voir"],
    ["incitement", "direct", "Il faut pendre tous ces juges corrompus"],
    ["death_wish", "direct", "J'espère que ce ministre crève dans d'atroces souffrances"],
    ["plan", "direct", "Rendez-vous samedi 14h devant la préfecture, ramenez des barres de fer et des cocktails molotov"],
    ["glorification", "direct", "Honneur au tireur de Christchurch, un vrai héros"],
    ["threat", "leetspeak", "je v4is te tu3r @karim"],
    ["threat", "dotted letters", "je vais te t.u.e.r @karim"],
    ["threat", "emoji weapon", "je vais te 🔪 ce soir @karim"],
    ["threat", "implicit (schedule known)", "On sait à quelle heure tu sors du boulot, @marta_l. Réfléchis bien"],
    ["threat", "conditional", "Si je te recroise devant chez moi je te bute, @luigi_q"],
    ["threat", "implicit (children)", "Ce serait dommage qu'il arrive quelque chose à tes gosses à la sortie de l'école"],
    ["threat", "implicit (found in a ditch)", "Un de ces jours on te retrouve dans un fossé, @rino_b"],
    ["plan", "time + place + weapon", "Jeudi 23h en bas de chez le conseiller, chacun avec sa batte"],
    ["plan", "who is coming + weapon", "Qui est chaud vendredi ? On ramène les battes au local du parti"],
  ],
  benign: [
    ["news quote", "« On va te pendre », avait-il écrit au maire, selon le parquet"],
    ["counter-speech", "Menacer de mort un élu est inacceptable, je soutiens la maire"],
    ["idiom", "Ce gâteau est à tomber, une tuerie"],
    ["sports", "On les a massacrés 4-0 hier soir, quel match"],
    ["computing", "Il faut tuer le processus avant de relancer le serveur"],
    ["idiom (studying hard)", "Je vais me tuer à réviser ce weekend, lundi j'ai l'exam"],
  ],
  checkCategory: true,
  checkLang: true,
});
