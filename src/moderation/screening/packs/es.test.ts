import { describe, expect, it } from 'vitest';
import { describePackCases } from '../../../../test/helpers/screening-pack-cases.js';
import { createScreener } from '../screener.js';

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
    ["threat", "veiled (coffin needed)", "vas a necesitar un ataúd muy pronto, @rafa_g"],
    ["threat", "veiled (children, pity)", "tus hijos son muy guapos @lu_p, sería una lástima"],
    ["threat", "sent home in a box", "te vamos a devolver a tu país en una caja"],
    ["threat", "veiled (crime pages)", "vas a salir en la sección de sucesos"],
    ["threat", "dead man", "eres hombre muerto @toni"],
    ["threat", "rioplatense kill (hacer boleta)", "te hago boleta si volvés al barrio @gil"],
    ["plan", "no escort + time + waiting", "el juez sale a las 14h sin escolta, el jueves lo esperamos"],
    ["threat", "veiled (passed by your street)", "hoy pasé por tu calle @nuria_v, bonito portal"],
    ["threat", "veiled (give me a reason)", "dame una razón para no ir a tu casa esta noche"],
    ["incitement", "make blood flow", "compañeros, las pintadas no bastan, hay que hacer sangre"],
    ["death_wish", "pity the attack failed", "qué pena que el atentado fallara contra ese ministro"],
    ["plan", "target schedule + van", "el objetivo sale a las 7 del gimnasio, tú trae la furgo"],
    ["threat", "rioplatense beating (cagar a trompadas)", "@tincho_88 te voy a cagar a trompadas, no te hagas el vivo"],
    ["threat", "rioplatense shooting (te cago a tiros)", "paso por vos esta noche y te cago a tiros, gil"],
    ["threat", "coming for you (no pick-up place)", "voy a por ti @dani_lm, ya sé dónde vives"],
    ["death_wish", "death wish that mentions a phone", "ojalá se muera con el móvil en la mano ese concejal"],
    ["threat", "burst your head (not a credit card)", "te voy a reventar la cabeza cuando salgas, @nico_pz"],
    ["incitement", "execute traitors (not a set piece)", "hay que ejecutar a los traidores en la plaza del pueblo"],
    ["threat", "won't walk out of here", "como vuelvas a pisar mi calle de aquí no sales andando, @ruben_k"],
    ["threat", "won't leave on your own feet", "@mauri_p no vas a salir por tu propio pie de esa cancha"],
    ["incitement", "drive a group out with stones", "hay que sacar a los gitanos del barrio a pedradas"],
    ["incitement", "receive officials with gunfire", "habría que recibir a los diputados a tiros cuando lleguen"],
    ["plan", "ambush after the schedule", "la jueza sale a las 3 del juzgado, ahí la acorralamos entre todos"],
    ["threat", "kill your dog, then you", "voy a matar a tu perro y después a ti, @lali_g"],
    ["threat", "wait with friends and bats", "te espero a la salida con mis amigos y los bates, @ivan_s"],
    ["threat", "wait for you with a knife (hurry-up words do not excuse)", "te espero en el portal con la navaja, @pablo_q, no tardes"],
    ["threat", "beat you up outside the pool hall", "te voy a partir la madre a la salida del billar, @chuy_r"],
    ["threat", "shoot a judge (not the lottery)", "a ese juez le pego un tiro a la salida del juzgado"],
    ["death_wish", "deserves to be killed, nobody will miss him", "ese hijo de puta merece que lo maten, nadie lo va a extrañar"],
    ["death_wish", "nobody will mourn him, deserves to be killed", "nadie va a llorar a ese concejal, merece que lo maten"],
    ["death_wish", "to the gallows with the judges", "a la horca los jueces que soltaron al asesino"],
    ["death_wish", "a bullet for each deputy", "una bala para cada diputado de ese partido"],
    ["threat", "a present made of lead", "sé dónde vives, @carla_mv, y te llevo un regalito de plomo"],
    ["threat", "know where you live, tonight I kill you", "sé dónde vives y esta noche te mato, @quique_r"],
    ["threat", "burst his head open with a car jack", "como vuelva a aparcar en mi plaza le reviento la cabeza con el gato del coche"],
    ["threat", "open your head with a stone", "@germi_ll te abro la cabeza con una piedra la próxima vez"],
    ["threat", "demand or you lose your family", "retira la denuncia o te quedas sin familia, tú eliges"],
    ["threat", "delete it or lose your teeth", "borra ese hilo o os quedáis sin dientes, payasos"],
    ["threat", "children's school, right?", "qué niños tan guapos tienes, @ana_fr. Van al cole del Pilar, ¿verdad?"],
    ["threat", "pick-up then shooting (paso por vos … te cago a tiros)", "Mañana paso por vos a las 9 y te cago a tiros."],
    ["threat", "pick-up then shooting, plural (paso por ustedes … los cago a tiros)", "Esta noche paso por ustedes y los cago a tiros, giles."],
    ["threat", "won't walk out of here (no vas a salir de aquí caminando)", "no vas a salir de aquí caminando, @ruben_k"],
    ["incitement", "drive a group out \"a tiro limpio\"", "a esos okupas hay que sacarlos a tiro limpio"],
    ["death_wish", "nobody will miss him, deserves to die (nadie earlier in the post)", "nadie lo va a extrañar, ese juez merece morir"],
    ["threat", "unbearable neighbour, not the sitcom title", "Aquí no hay quien viva con este vecino, lo voy a matar"],
    ["plan", "school attack naming a grade", "el lunes entramos al colegio con las pistolas, primero vamos a por los de tercero"],
    ["incitement", "go out to kill (people, not a match)", "hay que salir a matar a los del gobierno, uno por uno"],
    ["threat", "burn the ex (not her photos)", "voy a quemar a mi ex y a sus fotos, que se prepare"],
    ["threat", "drown someone (not in work)", "te voy a ahogar en el río, @pau_r"],
    ["threat", "birthday pretext with knife and address", "te mato si no vienes a mi cumple, sé dónde vives y llevo la navaja, @ines_k"]
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
    ["computing (kill a branch)", "voy a matar esa rama, ya está mergeada"],
    ["computing (fire an event)", "hay que disparar un evento cuando el usuario hace clic"],
    ["everyday (visit at work)", "ya sé dónde trabajas, paso a saludarte el lunes"],
    ["idiom (burst from eating)", "voy a reventar de tanto comer"],
    ["news (sentenced for threats)", "\"Te voy a quemar la casa\": condenado el vecino por amenazas"],
    ["news (plot foiled)", "La Guardia Civil frustra un plan para atentar contra un alcalde"],
    ["computing (clear the cache)", "hay que cargarse la caché antes del deploy"],
    ["cooking (kill before boiling)", "al bogavante hay que matarlo justo antes de cocerlo"],
    ["idiom (kill time, matar el rato)", "nos quedamos matando el rato en la plaza hasta las 10"],
    ["idiom (kill time before a flight)", "fuimos al centro comercial a matar el rato antes del vuelo"],
    ["idiom (max out the card)", "este finde reviento la visa en las rebajas, no me juzguéis"],
    ["idiom (max out the card, plan)", "vamos a reventar la tarjeta en Ikea mañana por la tarde"],
    ["everyday (device should die)", "ojalá se muera ya mi portátil y me compro otro"],
    ["everyday (printer should die)", "que se muera la impresora de una vez, no imprime nada"],
    ["everyday (airport pick-up)", "el viernes voy a por ti a la terminal 4, avísame cuando aterrices"],
    ["everyday (station pick-up)", "mamá, vamos a por vosotros a la estación de Chamartín a las 6"],
    ["sports (execute set pieces)", "el equipo tiene que ejecutar mejor las jugadas de estrategia"],
    ["sports (execute the counter)", "hay que ejecutar rápido el contragolpe, el rival deja espacios"],
    ["gaming (enemy base)", "esta noche vamos a reventar la base enemiga, conectaos todos"],
    ["gaming (brawl)", "mañana os voy a destrozar en el brawl, preparaos"],
    ["everyday (voseo pick-up)", "paso por vos a las 10 y vamos al recital"],
    ["everyday (pick-up, ustedes)", "pasamos por ustedes a las 7, tengan todo listo"],
    ["gaming (rioplatense, FIFA)", "te voy a cagar a goles en el FIFA esta noche, boludo"],
    ["sports (rioplatense, five-a-side)", "anoche los cagamos a palos en el fulbito, 8 a 2"],
    ["everyday (wait with the tickets)", "te espero en la taquilla del teatro con las entradas, no tardes"],
    ["everyday (wait with the kids)", "os esperamos en el parque con los niños a partir de las 6"],
    ["everyday (kill you, but love you)", "te mato por comerte mi chocolate, pero te quiero"],
    ["everyday (would strangle, but love)", "te estrangularía por roncar tanto, pero te amo"],
    ["everyday (kill the cat)", "voy a matar al gato, me ha tirado la planta otra vez"],
    ["everyday (kill the puppy)", "te juro que mato al perrito, se comió el control remoto"],
    ["fiction (sitcom title Aquí no hay quien viva)", "En Aquí no hay quien viva todos amenazan con matar al presidente de la comunidad"],
    ["counter-speech (threats are not tolerated here)", "aquí no se toleran las amenazas de muerte contra nadie, reportad esas cuentas"],
    ["everyday (hurry, the shop closes)", "@nuria_p te espero en la esquina, date prisa que cierran el súper"],
    ["everyday (waiting with the car)", "te espero abajo con el coche, no tardes que hay atasco"],
    ["sports (pool hall)", "te voy a machacar en el billar el sábado, prepara la cartera"],
    ["gaming (dominoes)", "os vamos a destrozar en el dominó esta noche, abuelos"],
    ["idiom (matarile to homework)", "esta tarde le doy matarile a los deberes y me voy a la playa"],
    ["idiom (matarile to leftovers)", "vamos a dar matarile a las sobras del cumple"],
    ["idiom (a shot at the lottery)", "todos los años le pego un tiro a la primitiva, algún día tocará"],
    ["sports (penalty shoot-out)", "ese delantero los fusiló en la tanda, qué sangre fría"],
    ["counter-speech (if your joke is)", "si tu broma es desearle la muerte a alguien, tienes un problema"],
    ["counter-speech (nobody deserves to die)", "nadie merece morir así, ni siquiera el peor de los ministros"],
    ["everyday (know where you live, bring the parcel)", "ya sé dónde vives, mañana te subo el paquete que dejaron en mi casa"],
    ["everyday (know where grandma lives, bring the cake)", "sé dónde vive tu abuela, el domingo le llevo el bizcocho"],
    ["everyday (pick-up time, know where you live)", "el viernes te recojo a las 7, ya sé dónde vives"],
    ["everyday (flowers for the teacher, she deserves it)", "mañana le llevo a la profe unas flores, se lo merece"],
    ["idiom (racking my brain)", "me reviento la cabeza pensando en el examen y nada"],
    ["everyday (hurry or no tickets)", "date prisa o te quedas sin entradas para el concierto"],
    ["everyday (music school, right?)", "mi sobrino va a la escuela de música los martes, ¿verdad que toca bien?"],
    ["everyday (wrap up or lose your voice)", "o te abrigas o te quedas sin voz para la boda"],
    ["everyday (a stone's throw from the office)", "Para el piso hay que buscar algo a tiro de piedra de la oficina."],
    ["everyday (a bar a stone's throw from the stadium)", "Hay que encontrar un bar a tiro de piedra del estadio para la previa."],
    ["everyday (no walking in the cold, a lift instead)", "No vas a salir andando con este frío, te llevo en coche."],
    ["everyday (no walking in the rain, a pick-up instead)", "No salís caminando con esta lluvia, te paso a buscar en el auto."],
    ["counter-speech (no politician deserves to die)", "Ningún político se merece morir así, por mucho que lo odiemos"],
    ["fiction (an episode of Aquí no hay quien viva)", "Ayer vi un capítulo de Aquí no hay quien viva donde Emilio amenaza con matar a todos los vecinos"],
    ["sports (lower division, not a school grade)", "los de tercera división nos metieron 4 a 0, qué paliza"],
    ["food (kill thirst)", "con este calor hay que matar el hambre y la sed antes del partido"],
    ["football (go out to kill the match)", "River tiene que salir a matar el clásico desde el minuto uno"],
    ["football (fill the stadium)", "el domingo hay que reventar la bombonera, todos de azul"],
    ["gym (burn calories)", "mañana vamos a quemar grasas en la clase de spinning"],
    ["dance floor", "esta noche vamos a quemar la pista con las chicas"],
    ["ex photos", "esta noche voy a quemar todas las fotos de mi ex en la chimenea"],
    ["workload", "este mes me voy a ahogar en exámenes"],
    ["gaming (Free Fire)", "esta noche vamos a reventar en free fire, conectaos"],
    ["friends (conditional joke, birthday)", "tía, te mato si no vienes a mi cumple el sábado"]
  ],
  checkCategory: true,
  checkLang: true,
});

/**
 * Spanish benign cues must not excuse threats when the author declared Spanish: Polish "jaja"
 * (eggs, balls) and laughter "xd", English "kill", Polish "stop", Italian "sabato" (Saturday).
 */
describe('es pack cues in other languages', async () => {
  const screener = await createScreener();
  const threats: ReadonlyArray<readonly [cue: string, text: string]> = [
    ['jaja', 'zabiję cię, jaja ci urwę, czekaj'],
    ['xd', 'xd zabije cie jutro pod blokiem'],
    ['kill', 'I will kill you tonight @mike, you know where'],
    ['stop', 'stop gadania, zabije go jutro'],
    ['sabato', 'sabato sera ti ammazzo, bastardo'],
  ];
  for (const [cue, text] of threats) {
    it(`no Spanish benign cue above 0.2 on "${cue}" in: ${text}`, () => {
      const a = screener.analyze(text, { lang: 'es' });
      const own = a.matches.find((m) => m.lang === 'es');
      const onCue = (own?.benign ?? []).filter((b) => b.text === cue);
      expect(onCue.every((b) => b.weight <= 0.2)).toBe(true);
      expect(screener.screen(text, { lang: 'es' }).decision).not.toBe('allow');
    });
  }
  const benign: ReadonlyArray<string> = [
    'kill -9 al proceso colgado y listo, lo maté',
    'jajaja te voy a matar de la risa con este meme',
    'ya mataron al jefe final del juego xd',
    'stop a la violencia machista, ni una menos',
  ];
  for (const text of benign) {
    it(`still allows: ${text}`, () => {
      expect(screener.screen(text, { lang: 'es' }).decision).toBe('allow');
    });
  }
});
