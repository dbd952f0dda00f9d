import { describe, it, expect } from 'vitest';
import { isSingleCharacter, normalize } from './normalize.js';
import { MaskedWordReader } from './unmask.js';

const vocab = new Set(['kill', 'hang', 'shoot', 'die', 'you', 'stab', 'family']);

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

  it('keeps a one-letter word beside a spelled-out word when only the rest is a known word', () => {
    const words = new Set(['matar', 'kill']);
    expect(normalize('te voy a m a t a r', words).tokens).toEqual(['te', 'voy', 'a', 'matar']);
    expect(normalize('k i l l i', words).tokens).toEqual(['kill', 'i']);
    expect(normalize('k i l l', words).tokens).toEqual(['kill']);
    expect(normalize('a b c d', words).tokens).toEqual(['abcd']);
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
