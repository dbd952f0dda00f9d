import { describe, it, expect } from 'vitest';
import { isSingleCharacter, normalize } from './normalize.js';
import { MaskedWordReader } from './unmask.js';

const vocab = new Set(['kill', 'hang', 'shoot', 'die', 'you', 'stab', 'family']);
/** Each token with the number of its clause: "report:0 it:0 and:1 whoever:1 …". */
const clauses = (text: string) => {
  const n = normalize(text, vocab);
  return n.tokens.map((t, i) => `${t}:${n.clause[i]}`).join(' ');
};

describe('normalize', () => {
  it('folds case and keeps the original', () => {
    const n = normalize('I Will KILL You', vocab);
    expect(n.tokens).toEqual(['i', 'will', 'kill', 'you']);
    expect(n.original).toBe('I Will KILL You');
  });

  it('undoes leetspeak using the vocabulary to choose between readings', () => {
    expect(normalize('k1ll y0u', vocab).tokens).toEqual(['kill', 'you']);
    expect(normalize('ki11 h4ng $hoot st@b', vocab).tokens).toEqual(['kill', 'hang', 'shoot', 'stab']);
    expect(normalize('fam1ly', vocab).tokens).toEqual(['family']);
  });

  it('keeps codes and names written as letters then digits (or digits then letters) unless they spell a pack word', () => {
    expect(normalize('the A12 and the B52, covid19 on 4chan', vocab).tokens).toEqual(['the', 'a12', 'and', 'the', 'b52', 'covid19', 'on', '4chan']);
    expect(normalize('kil1 him', vocab).tokens).toEqual(['kill', 'him']);
  });

  it('keeps numbers and times intact in both views', () => {
    const n = normalize('meet at 9pm on 2024-05-01 at 21:30', vocab);
    expect(n.tokens).toContain('9pm');
    expect(n.literalTokens).toContain('21:30');
    expect(n.tokens).toContain('2024');
  });

  it('joins spaced-out and dotted letters', () => {
    expect(normalize('k i l l the judge', vocab).tokens).toEqual(['kill', 'the', 'judge']);
    expect(normalize('h.a.n.g them', vocab).tokens).toEqual(['hang', 'them']);
    expect(normalize('s-h-o-o-t', vocab).tokens).toEqual(['shoot']);
    expect(normalize('i will k i l l   y o u', vocab).tokens).toEqual(['i', 'will', 'kill', 'you']);
  });

  it('joins syllables split by dots only when they spell a harm verb or weapon', () => {
    const words = new Set([...vocab, 'rozwale', 'zabije', 'min']);
    const harm = new MaskedWordReader(['rozwale', 'zabije', 'kill', 'min']);
    expect(normalize('roz.wa.le cie', words, harm).tokens).toEqual(['rozwale', 'cie']);
    expect(normalize('zabi·je go', words, harm).tokens).toEqual(['zabije', 'go']);
    expect(normalize('ki.ll them', words, harm).tokens).toEqual(['kill', 'them']);
    // Abbreviations ("m.in." is Polish for "among others"), domains and a missing space after a full stop hide nothing.
    expect(normalize('m.in. ceny', words, harm).tokens).toEqual(['m', 'in', 'ceny']);
    expect(normalize('see the docs on example.com', words, harm).tokens).toEqual(['see', 'the', 'docs', 'on', 'example', 'com']);
    expect(normalize('i said no.kill the lights', words, harm).tokens).toEqual(['i', 'said', 'no', 'kill', 'the', 'lights']);
    expect(normalize('@roz.wa.le hi', words, harm).tokens[0]).toBe('@roz.wa.le');
  });

  it('ends a spelled-out word at a double space, so a following one-letter word stays a word', () => {
    expect(normalize('jeg tar d e g  i kveld', vocab).tokens).toEqual(['jeg', 'tar', 'deg', 'i', 'kveld']);
    expect(normalize('i  z a b i j go', vocab).tokens).toEqual(['i', 'zabij', 'go']);
  });

  it('collapses stretched letters to a known word', () => {
    expect(normalize('kiiiiill yoooou', vocab).tokens).toEqual(['kill', 'you']);
    expect(normalize('diiieee', vocab).tokens).toEqual(['die']);
  });

  it('maps Cyrillic and Greek look-alikes to Latin letters', () => {
    expect(normalize('kіll yоu', vocab).tokens).toEqual(['kill', 'you']); // Cyrillic і and о
    expect(normalize('ΚΙLL', vocab).tokens).toEqual(['kill']); // Greek capitals
  });

  it('removes zero-width characters and folds full-width letters', () => {
    expect(normalize('ki\u200Bll', vocab).tokens).toEqual(['kill']);
    expect(normalize('ＫＩＬＬ', vocab).tokens).toEqual(['kill']);
  });

  it('turns weapon emoji into words', () => {
    expect(normalize('🔫 you', vocab).tokens).toEqual(['gun', 'you']);
    expect(normalize('🪢🔪💣🔥', vocab).tokens).toEqual(['noose', 'knife', 'bomb', 'fire']);
    expect(normalize('you are next 🪦 ⚰️⚰️', vocab).tokens).toEqual(['you', 'are', 'next', 'gravestone', 'coffin', 'coffin']);
    // The skull mostly means laughing ("I'm dead 💀"): it stands for nothing.
    expect(normalize('im dead 💀💀', vocab).tokens).toEqual(['im', 'dead']);
  });

  it('keeps mentions and marks capitalised words mid-sentence as name-like', () => {
    const n = normalize('tell @anna@example.social that Judge Halvorsen lies', vocab);
    expect(n.tokens).toContain('@anna@example.social');
    expect(n.nameLike[n.tokens.indexOf('halvorsen')]).toBe(true);
    expect(n.nameLike[0]).toBe(false);
  });

  it('keeps letters of other languages and apostrophes inside words', () => {
    expect(normalize("Jeg skal drepe deg, i'll søke på ł", vocab).tokens).toEqual(['jeg', 'skal', 'drepe', 'deg', "i'll", 'søke', 'på', 'ł']);
  });

  it('marks words inside quotation marks', () => {
    const n = normalize('He shouted “I will kill you” and ran; „Tötet sie“ stand da', vocab);
    expect(n.tokens.filter((_, i) => n.quoted[i])).toEqual(['i', 'will', 'kill', 'you', 'tötet', 'sie']);
    expect(normalize('he said "go now" then', vocab).quoted).toEqual([false, false, true, true, false]);
  });

  it('counts laughing emoji and written laughter as joke markers', () => {
    expect(normalize('je vais la buter 😂😂', vocab).jokeMarkers).toBe(2);
    expect(normalize('i will kill you', vocab).jokeMarkers).toBe(0);
    expect(normalize('gonna strangle my roommate lol jk', vocab).jokeMarkers).toBe(2);
    expect(normalize('hahaha wkwkwk kkkk mdr', vocab).jokeMarkers).toBe(4);
    expect(normalize('the halo jacket', vocab).jokeMarkers).toBe(0);
    expect(normalize('je vais te noyer hihi ahah jrigole 😭', vocab).jokeMarkers).toBe(4);
    expect(normalize('vou te matar rsrs huehue', vocab).jokeMarkers).toBe(2);
    // A wink closes veiled threats as often as jokes; "aha" is a realisation, not a laugh.
    expect(normalize('the streets are dark on your way home 😉 aha', vocab).jokeMarkers).toBe(0);
  });

  it('marks punctuation between words, but not quotation marks or apostrophes', () => {
    const pauses = (text: string) => {
      const n = normalize(text, vocab);
      return n.tokens.map((t, i) => (n.pauseBefore[i] ? '|' : '') + t).join(' ');
    };
    expect(pauses('bring a gun, range is close')).toBe('bring a gun |range is close');
    expect(pauses('gun. shop owners - run (now)')).toBe('gun |shop owners |run |now');
    expect(pauses('we need "gun control" now')).toBe('we need gun control now');
    expect(pauses("it's great! so")).toBe("it's great |so");
  });

  it('ends a sentence before or after quotation marks', () => {
    expect(clauses('I agree with her. "Hang them" was shouted')).toBe('i:0 agree:0 with:0 her:0 hang:1 them:1 was:1 shouted:1');
    expect(clauses('they chanted "hang them." Then they left')).toBe('they:0 chanted:0 hang:0 them:0 then:1 they:1 left:1');
    // "Then" starts a sentence there: no name.
    expect(normalize('they chanted "hang them." Then they left', vocab).nameLike[4]).toBe(false);
  });

  it('numbers clauses: a sentence break, or a conjunction before a free relative, opens one', () => {
    expect(clauses('report it, and whoever wrote it should hang')).toBe('report:0 it:0 and:1 whoever:1 wrote:1 it:1 should:1 hang:1');
    expect(clauses('report it. whoever wrote it should hang')).toBe('report:0 it:0 whoever:1 wrote:1 it:1 should:1 hang:1');
    expect(clauses('report it; the one who wrote it')).toBe('report:0 it:0 the:1 one:1 who:1 wrote:1 it:1');
    expect(clauses('melden, und wer das schreibt')).toBe('melden:0 und:1 wer:1 das:1 schreibt:1');
    expect(clauses('signalez, et celui qui a écrit ça')).toBe('signalez:0 et:1 celui:1 qui:1 a:1 écrit:1 ça:1');
    expect(clauses('zgłoście to, a kto to napisał')).toBe('zgłoście:0 to:0 a:1 kto:1 to:1 napisał:1');
    expect(clauses('meld det, og den som skrev det')).toBe('meld:0 det:0 og:1 den:1 som:1 skrev:1 det:1');
    // A free relative that is the object of the clause before, and a conjunction before anything
    // else, open nothing; nor does a full stop after a day of the month ("am 1. Mai").
    expect(new Set(normalize('report it for saying whoever wrote it should hang', vocab).clause)).toEqual(new Set([0]));
    expect(new Set(normalize('report it and delete it, and the posts too', vocab).clause)).toEqual(new Set([0]));
    expect(new Set(normalize('Die Demo am 1. Mai und am 17. Juni', vocab).clause)).toEqual(new Set([0]));
    expect(normalize('a\nb', vocab).clause).toEqual([0, 1]);
  });

  it('opens a clause at "but" after a comma or a dash, in every language, and nowhere else', () => {
    const clauses = (text: string) => normalize(text, vocab).clause;
    expect(clauses('nobody was hurt this time, but next time')).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
    expect(clauses('ninguém ficou ferido, mas na próxima')).toEqual([0, 0, 0, 1, 1, 1]);
    expect(clauses('niemand wurde verletzt – aber beim nächsten Mal')).toEqual([0, 0, 0, 1, 1, 1, 1]);
    for (const text of ['personne, mais la prochaine fois', 'nessuno, ma la prossima volta', 'nadie, pero la próxima', 'niemand, maar de volgende keer', 'ingen, men neste gang', 'nikt, ale następnym razem', 'tidak ada, tapi lain kali']) {
      expect(new Set(clauses(text)).size, text).toBe(2);
    }
    // Without a pause these words may be other words: Portuguese "mais" (more), English "men", Polish "ma" (has).
    for (const text of ['quero mais café', 'the men who came', 'ona ma psa', 'nobody was hurt but the car']) {
      expect(new Set(clauses(text)).size, text).toBe(1);
    }
  });

  it('keeps one clause where "men", "mais", "ma" after a comma are a list word, "more" or "my"', () => {
    const oneClause = (text: string) => new Set(normalize(text, vocab).clause).size === 1;
    expect(oneClause('condemned the post saying women, men and children should be shot')).toBe(true);
    expect(oneClause('ele escreveu isso, mais uma vez')).toBe(true);
    expect(oneClause("je l'ai dit, ma mère le sait")).toBe(true);
    // …while the same words before anything else turn the sentence.
    expect(oneClause('ingen ble skadet, men neste gang')).toBe(false);
    expect(oneClause('nessuno si è fatto male, ma la prossima volta')).toBe(false);
  });

  it('reads a German ordinal noun after a number as an ordinal only after an article or preposition, or at the start', () => {
    const oneClause = (text: string) => new Set(normalize(text, vocab).clause).size === 1;
    for (const text of ['Das war zum 3. Mal so', 'der 2. Platz geht an Köln', '1. FC Köln spielt', 'heute zum 3. mal', 'vi bor i 2. etasje']) {
      expect(oneClause(text), text).toBe(true);
    }
    // "Person", "Kind", "Tag" are everyday words elsewhere: after "at 10." a sentence starts.
    expect(oneClause('I reported it to the police at 10. Person who wrote this should be shot')).toBe(false);
  });

  it('reads a short number before a full stop as an ordinal only where one can stand', () => {
    const oneClause = (text: string) => new Set(normalize(text, vocab).clause).size === 1;
    // A month, a weekday or a noun that follows ordinals: one clause.
    for (const text of ['am 1. Mai demonstrieren wir', 'den 17. mai feirer vi', 'Widzimy się 1. maja', 'Das war zum 3. Mal so', 'der 2. Platz geht an Köln', 'Am 3. Oktober. ', 'Der 1. FC Köln spielt', 'Den 17. Mai feirer vi']) {
      expect(oneClause(text), text).toBe(true);
    }
    // A lower-case word follows ordinals in the languages that write them ("am 3. großen Tag").
    expect(oneClause('am 3. großen Tag')).toBe(true);
    // Any other capitalised word starts a sentence, in every language.
    expect(normalize('I left at 10. Whoever wrote this should be shot', vocab).clause).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    for (const text of ['Je suis parti à 10. Celui qui a écrit ça', 'Salí a las 10. Quien escribió esto', 'Ik ging om 10. Wie dit schreef', 'Saya pulang jam 10. Siapa pun yang menulis ini', 'Ich war um 10 Uhr da, Seite 12. Wir sehen uns']) {
      expect(oneClause(text), text).toBe(false);
    }
    // A free relative starts one even in lower case: no ordinal precedes it.
    for (const text of ['i left at 10. whoever wrote this', 'Ich war um 10. wer das schreibt', 'Jeg kom klokka 10. den som skrev dette', 'Byłem o 10. kto to napisał']) {
      expect(oneClause(text), text).toBe(false);
    }
  });

  it('ends a sentence at an exclamation mark glued to the word before it', () => {
    expect(normalize('These posts should be reported! Whoever wrote them should be shot', vocab).clause).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(normalize('Stop it!! Whoever wrote this', vocab).clause).toEqual([0, 0, 1, 1, 1]);
    // After it, a capital is the start of a sentence, not a name.
    expect(normalize('Genug! Wir kommen', vocab).nameLike).toEqual([false, false, false]);
    // An exclamation mark inside a word is leetspeak, not punctuation.
    expect(new Set(normalize('i will k!ll them', vocab).clause)).toEqual(new Set([0]));
  });

  it('pairs a conjunction only with a free relative of its own language', () => {
    // Dutch "en" and "of", Polish "a" and "i" are prepositions elsewhere: no clause opens.
    expect(new Set(normalize('Hay que denunciar el perfil en el que dicen que merecen un tiro', vocab).clause)).toEqual(new Set([0]));
    expect(new Set(normalize('Ho segnalato il post a chi dice che merita una pallottola', vocab).clause)).toEqual(new Set([0]));
    expect(new Set(normalize('Please report the accounts of those who say it', vocab).clause)).toEqual(new Set([0]));
    expect(new Set(normalize('Meld det i den som skrev det', vocab).clause)).toEqual(new Set([0]));
    // The same words as a pair of one language still open one.
    expect(normalize('meld het, of wie dit schrijft', vocab).clause).toEqual([0, 0, 1, 1, 1, 1]);
    expect(normalize('denúncialo, y el que lo escribió', vocab).clause).toEqual([0, 1, 1, 1, 1, 1]);
  });

  it('keeps a one-letter word beside a spelled-out word when only the rest is a known word', () => {
    const words = new Set(['matar', 'kill']);
    expect(normalize('te voy a m a t a r', words).tokens).toEqual(['te', 'voy', 'a', 'matar']);
    expect(normalize('k i l l i', words).tokens).toEqual(['kill', 'i']);
    expect(normalize('k i l l', words).tokens).toEqual(['kill']);
    expect(normalize('a b c d', words).tokens).toEqual(['abcd']);
  });

  it('tells one-letter words apart on both sides of a spelled-out word, and prefers a harm word', () => {
    const words = new Set(['kill', 'kills', 'zabiję', 'drepe', 'matar', 'dead', 'bunuh', 'di', 'idiot', 'morte', 'mort', 'quemar']);
    const harm = new MaskedWordReader(['kill', 'kills', 'zabiję', 'drepe', 'matar', 'bunuh', 'mort', 'quemar']);
    const read = (text: string) => normalize(text, words, harm).tokens;
    expect(read('i will k i l l you')).toEqual(['i', 'will', 'kill', 'you']);
    expect(read('a k i l l')).toEqual(['a', 'kill']);
    expect(read('i k i l l u')).toEqual(['i', 'kill', 'u']);
    expect(read('k i l l i')).toEqual(['kill', 'i']);
    // pl: "i", "a", "w", "z", "o" are words; two of them may stand before the spelled word.
    expect(read('a z a b i j ę w')).toEqual(['a', 'zabiję', 'w']);
    expect(read('i w z a b i j ę')).toEqual(['i', 'w', 'zabiję']);
    expect(read('o z a b i j ę')).toEqual(['o', 'zabiję']);
    // nb: "å" and "i".
    expect(read('å d r e p e i kveld')).toEqual(['å', 'drepe', 'i', 'kveld']);
    expect(read('u r d e a d')).toEqual(['u', 'r', 'dead']);
    expect(read('te voy a m a t a r')).toEqual(['te', 'voy', 'a', 'matar']);
    // A run known as a whole stays whole ("morte", not the French harm word "mort" and "e").
    expect(read('m o r t e  a o  g o v e r n a d o r')).toEqual(['morte', 'ao', 'governador']);
    // Another single letter is told apart only alone and only when the whole is no known word.
    expect(read('hay q q u e m a r')).toEqual(['hay', 'q', 'quemar']);
    // id: "di" has two letters and is no part of the run.
    expect(read('di b u n u h')).toEqual(['di', 'bunuh']);
    // Only one-letter words are told apart ("k i l l s" is "kills"), and a known whole stays whole.
    expect(read('k i l l s')).toEqual(['kills']);
    expect(read('i d i o t')).toEqual(['idiot']);
    expect(read('a b c d')).toEqual(['abcd']);
  });

  it('reads masked words back as the harm word they spell, and splits the others at their masks', () => {
    const masked = new MaskedWordReader(['kill', 'murder', 'membunuh', 'shot', 'shut']);
    expect(normalize('I will k*ll you and m*rd*r him', vocab, masked).tokens).toEqual(['i', 'will', 'kill', 'you', 'and', 'murder', 'him']);
    expect(normalize('aku akan memb*nuh kamu', vocab, masked).tokens).toEqual(['aku', 'akan', 'membunuh', 'kamu']);
    expect(normalize('this sh*t again', vocab, masked).tokens).toEqual(['this', 'sh', 't', 'again']);
    expect(normalize('i*will*kill*you @bob', vocab, masked).tokens).toEqual(['i', 'will', 'kill', 'you', '@bob']);
    expect(normalize('#kill#them#all', vocab, masked).tokens).toEqual(['kill', 'them', 'all']);
    // A hashtag is not a mask.
    expect(normalize('#kill the #process', vocab, masked).tokens).toEqual(['kill', 'the', 'process']);
  });

  it('marks words in single quotes as quoted, but not apostrophes', () => {
    expect(normalize("polisi bilang 'bunuh mereka' itu cuma provokasi", vocab).quoted).toEqual([false, false, true, true, false, false, false]);
    expect(normalize('he wrote ‘i will kill you’ and left', vocab).quoted).toEqual([false, false, true, true, true, true, false, false]);
    expect(normalize("don't say l'homme est là", vocab).quoted.every((q) => !q)).toBe(true);
    expect(normalize("the judges' car and 'cause i said so", vocab).quoted.every((q) => !q)).toBe(true);
    expect(normalize("'Cause we will kill the judge tonight. Ask the cops' union", vocab).quoted.every((q) => !q)).toBe(true);
    expect(normalize("tell 'em i will kill you, the brothers' word", vocab).quoted.every((q) => !q)).toBe(true);
    expect(normalize("he said 'we will\nkill them' today", vocab).quoted.every((q) => !q)).toBe(true);
  });

  it('does not treat trailing exclamation marks as leetspeak', () => {
    expect(normalize('kill!!!', vocab).tokens).toEqual(['kill']);
  });
});

describe('isSingleCharacter', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(isSingleCharacter('k')).toBe(true);
    expect(isSingleCharacter('😂')).toBe(true);
    expect(isSingleCharacter('𝐤')).toBe(true);
    expect(isSingleCharacter('ki')).toBe(false);
    expect(isSingleCharacter('')).toBe(false);
    expect(isSingleCharacter('\uD83D\uD83D')).toBe(false);
    expect(isSingleCharacter('k😂')).toBe(false);
  });

  it('marks quoted spelled-out words and names after line breaks and wide gaps', () => {
    expect(normalize('quotes “k i l l” and none', vocab).quoted).toEqual([false, true, false, false]);
    expect(normalize('Meet Anna\nTomorrow at  the gate', vocab).nameLike).toEqual([false, true, false, false, false, false]);
  });
});
