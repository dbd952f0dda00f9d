import { describePackCases } from '../../../../test/helpers/screening-pack-cases.js';

/** Spanish: every violent category, obfuscated forms and benign look-alikes (sentences written for this test, not taken from the dataset). */
describePackCases('es', {
  violent: [
    ["threat", "direct", "Te voy a reventar a tiros @carlos, ya sabes dónde te espero"],
    ["incitement", "direct", "Hay que colgar a todos los jueces corruptos de la plaza"],
    ["death_wish", "direct", "Ojalá ese ministro se muera de cáncer"],
    ["plan", "direct", "Quedamos el sábado a las 20h frente al ayuntamiento, traed palos y gasolina"],
    ["glorification", "direct", "El que disparó al presidente es un héroe nacional"],
    ["threat", "leetspeak", "te v0y a m4tar @carlos"],
    ["threat", "spaced letters", "te voy a m a t a r @carlos"],
    ["threat", "emoji weapon", "te voy a 🔫 esta noche @carlos"],
    ["threat", "implicit (schedule known)", "Sabemos a qué hora sales del trabajo, @marta_lr. Piénsalo bien"],
    ["threat", "conditional", "Si vuelves a escribir sobre mí te parto la cara, @luis_q"],
    ["threat", "implicit (family)", "Qué pena sería que a tus hijos les pasara algo a la salida del cole"],
    ["threat", "implicit (found in a ditch)", "Un día de estos te encuentran en una cuneta, @rafa_mm"],
    ["plan", "time + place + weapon", "El jueves a las 23h en el portal del concejal, cada uno con su navaja"],
    ["plan", "who is coming + weapon", "Quién se apunta el viernes? Llevamos los bates a la sede del partido"],
    ["incitement", "hunting call + time + sticks", "mañana salimos a cazar moros por el centro, nos vemos a las 9 con los palos"],
  ],
  benign: [
    ["news quote", "\"Te vamos a matar\", decía la amenaza que recibió la periodista, según la policía"],
    ["counter-speech", "Amenazar de muerte a un periodista es intolerable, todo mi apoyo"],
    ["idiom", "Me muero de ganas de verte"],
    ["sports", "Los destrozamos 3-0, qué partidazo"],
    ["computing", "Hay que matar el proceso y reiniciar el servidor"],
    ["cooking", "Corta la cebolla en dados y sofríela"],
    ["idiom (studying hard)", "Me voy a matar a estudiar este finde"],
    ["everyday (pick-up)", "paso por ti a las 8, no llegues tarde"],
    ["sports (kill the match)", "hay que matar el partido antes del descanso"],
    ["everyday (bring the charger)", "traete el cargador mañana a las 9"],
  ],
  checkCategory: true,
  checkLang: true,
});
