import { describe, it, expect } from 'vitest';
import { createScreener } from './index.js';
import { detectionText } from './screener.js';

describe('screener (English, end to end)', async () => {
  const screener = await createScreener();
  const flagged = (text: string, context = {}) => screener.screen(text, context).decision !== 'allow';

  it('flags direct threats, calls to action, death wishes and plans', () => {
    expect(screener.screen('@anna I will kill you tomorrow')).toMatchObject({ category: 'threat', lang: 'en' });
    expect(flagged('@anna I will kill you tomorrow')).toBe(true);
    expect(flagged('someone should hang that corrupt judge')).toBe(true);
    expect(screener.screen('someone should hang that corrupt judge').category).toBe('incitement');
    expect(screener.screen('the senator deserves a bullet').category).toBe('death_wish');
    expect(flagged('meet at the north entrance at 9pm and bring your rifles')).toBe(true);
  });

  it('gives in a batch (screenMany) exactly the verdicts it gives post by post, each with its own context', () => {
    const posts = [
      { text: '@anna I will kill you tomorrow' },
      { text: 'Ich bring dich um, du Verräter', context: { lang: 'de' } },
      { text: 'lovely weather in the park today', context: { thresholds: { review: 0.001 } } },
      { text: 'lovely weather in the park today', context: { thresholds: { review: 0.999, hold: 1 } } },
      { text: 'anna, I will find you', context: { mentions: ['anna'] } },
      { text: 'the ballot was a joke', context: { instanceRules: [{ id: 'r1', lang: null, kind: 'word' as const, pattern: 'ballot', action: 'review' as const }] } },
      { text: 'te voy a matar, sé dónde vives' },
      { text: 'my feet are killing me' },
    ];
    const one = posts.map((p) => screener.screen(p.text, p.context));
    expect(screener.screenMany(posts)).toEqual(one);
    expect(screener.screenMany([...posts].reverse())).toEqual([...one].reverse());
    // The contexts were used: the same post is flagged under a low review threshold only.
    expect([one[2]!.decision, one[3]!.decision]).toEqual(['review', 'allow']);
  });

  it('does not read a condemnation right after the quotation as naming its source', () => {
    // "disgusting" beside the closing mark condemns the quotation; the later "I agree" is about something else.
    expect(screener.analyze('Someone wrote "we will hang them all" — disgusting. I agree with @mara_k.').evidence.endorsed).toBeNull();
    expect(screener.analyze('"We will hang them all" is disgusting. I agree with you.').evidence.endorsed).toBeNull();
    // Naming the source is still no condemnation.
    expect(screener.analyze('"We will hang them all" he wrote, and I agree').evidence.endorsed).not.toBeNull();
  });

  it('reads a word that other languages write as laughter as an ordinary word in its own language', () => {
    const joke = (text: string) => screener.screen(text).reasons.some((r) => r.startsWith('benign cue (joke)'));
    // "jaja" laughs in Spanish; in Polish it is a word ("urwę ci jaja": I'll rip your balls off).
    expect(screener.screen('Urwę ci jaja jak cię dorwę, zobaczysz @marek').lang).toBe('pl');
    expect(joke('Urwę ci jaja jak cię dorwę, zobaczysz @marek')).toBe(false);
    expect(joke('te voy a matar jaja @juan')).toBe(true);
  });

  it('flags obfuscated threats', () => {
    expect(flagged('i will k1ll you @lena')).toBe(true);
    expect(flagged('im gonna s h o o t that judge')).toBe(true);
    expect(flagged('someone should h.a.n.g the mayor')).toBe(true);
    expect(flagged('you deserve a 🔫 @mark')).toBe(true);
  });

  it('allows idioms, sports, gaming, cooking, computing and lawful criticism', () => {
    for (const text of [
      'my feet are killing me after that hike',
      'we slaughtered them in the second half',
      'sniped him across the map, respawn in 5',
      'kill the process and restart the server',
      'beat the eggs and chop the onions',
      'this minister must resign, vote them out at the next election',
      'she murdered that karaoke song lol',
    ]) expect(flagged(text), text).toBe(false);
  });

  it('does not let benign cues whitewash a direct threat at a mention', () => {
    expect(flagged('I said it before and I said it again: I will kill you @anna')).toBe(true);
  });

  it('gives readable reasons', () => {
    const v = screener.screen('@anna I will kill you');
    expect(v.reasons[0]).toMatch(/^first-person threat: "i will kill you" \+ harm verb "kill" \+ target "you"/u);
    expect(v.reasons.some((r) => r.startsWith('model: p(violent)='))).toBe(true);
  });

  it('applies per-call thresholds and instance rules', () => {
    const text = 'the judge deserves a beating';
    const { score, decision } = screener.screen(text);
    expect(decision).not.toBe('allow');
    // Thresholds above the post's score let it through; at its score it is flagged.
    expect(screener.screen(text, { thresholds: { review: Math.min(1, score + 0.01), hold: 1 } }).decision).toBe('allow');
    expect(screener.screen(text, { thresholds: { review: score, hold: 1 } }).decision).toBe('review');
    const v = screener.screen('lovely weather for a picnic', {
      instanceRules: [{ id: 'picnic', lang: null, kind: 'word', pattern: 'picnic', action: 'warn' }],
    });
    expect(v.decision).toBe('allow');
    expect(v.contentWarning).toMatch(/picnic/);
  });

  it('treats mentioned accounts and known names as targets', () => {
    const v = screener.screen('i will kill bob', { mentions: ['bob'] });
    expect(v.reasons[0]).toMatch(/target "bob"/u);
  });

  it('is deterministic', () => {
    const text = 'we are coming for you @senator, bring the rope';
    expect(screener.screen(text)).toEqual(screener.screen(text));
  });

  it('applies English benign cues only where English was detected', () => {
    const english = screener.analyze('the defendant said he would kill the judge, the jury heard', { lang: 'en' });
    expect(english.matches.find((m) => m.lang === 'en')?.benign.length).toBeGreaterThan(0);
    const german = screener.analyze('Die Jury ist mir egal, ich bringe dich um, du wirst schon sehen @anna', { lang: 'de' });
    expect(german.language.candidates).not.toContain('en');
    expect(german.matches.find((m) => m.lang === 'en')?.benign ?? []).toEqual([]);
  });

  it("keeps a direct threat at a mention in the pack's own second person from being whitewashed", () => {
    const a = screener.analyze('@ola jeg skal drepe deg, sa han i filmen', { lang: 'nb' });
    expect(a.evidence.directThreatAtMention).toBe(true);
    expect(a.verdict.decision).not.toBe('allow');
  });

  it('does not let a benign cue excuse a violent clause of its own after it, in any language', () => {
    const cases: Array<[lang: string, own: string, reported: string]> = [
      ['en', 'These posts should be reported and deleted, and whoever wrote them should be shot', 'These posts should be reported and deleted for saying they should be shot'],
      ['en', 'These posts should be reported and deleted. Whoever wrote them should be shot.', 'These posts should be reported and deleted for saying whoever wrote them should be shot'],
      ['fr', 'Je signale ces messages, et celui qui les a écrits mérite une balle.', 'Je signale ces commentaires pour avoir dit que les juges méritent une balle.'],
      ['fr', 'Je signale ces commentaires. Celui qui les a écrits mérite une balle.', 'Je signale ces commentaires pour avoir dit que les juges méritent une balle.'],
      ['es', 'Hay que denunciar este perfil, y quien lo escribió merece un tiro.', 'Hay que denunciar este perfil porque dice que los jueces merecen un tiro.'],
    ];
    for (const [lang, own, reported] of cases) {
      expect(screener.screen(own, { lang }).decision, own).not.toBe('allow');
      const a = screener.analyze(reported, { lang });
      expect(a.evidence.benign, reported).toBeGreaterThan(0.5);
    }
  });

  it('ends the sentence at a full stop after a short number unless an ordinal can stand there', () => {
    // "at 10." then a capitalised word: two sentences, and the report in the first excuses nothing in the second.
    const own = 'I reported the account to the police at 10. Whoever wrote this should be shot.';
    expect(screener.screen(own).decision).not.toBe('allow');
    expect(screener.analyze('I reported the account to the police at 10 for saying whoever wrote it should be shot').evidence.benign).toBeGreaterThan(0.15);
    // Ordinals in the languages that write them stay inside their sentence.
    for (const text of ['Die Demo am 1. Mai war friedlich', 'Vi ses den 17. mai i sentrum', 'Spotkamy się 1. maja w parku', 'Wir waren zum 3. Mal dabei', 'Der 2. Platz ging an Bremen']) {
      expect(new Set(screener.analyze(text).norm.clause).size, text).toBe(1);
    }
  });

  it('counts a quoted threat the author endorses before the quotation as their own', () => {
    for (const text of ['I agree: "we will hang them all"', 'So true: "the judge deserves a bullet"', 'Genau so: „Hängt sie alle“']) {
      const verdict = screener.screen(text);
      expect(verdict.decision, text).not.toBe('allow');
      expect(verdict.reasons.some((r) => r.startsWith('endorsed quotation:')), text).toBe(true);
    }
  });

  it('counts a quoted threat the author endorses after the quotation as their own', () => {
    const endorsed = screener.screen('Someone under the article wrote "we will hang them all" and honestly, I agree.');
    expect(endorsed.decision).not.toBe('allow');
    expect(endorsed.reasons.some((r) => r.startsWith('endorsed quotation: "i agree"'))).toBe(true);
    // Agreement with something harmless, a condemned quotation and disagreement stay allowed.
    for (const text of [
      'Someone under the article wrote "we need more bike lanes" and honestly, I agree.',
      'Someone under the article wrote "we will hang them all". Disgusting, I reported it.',
      'Someone under the article wrote "we will hang them all". Not exactly a nice message, I reported it.',
      'Someone under the article wrote "we will hang them all" and I do not agree with a word of it.',
      'I do not agree: "we will hang them all"',
      'Exactly what they chanted outside: "we will hang them all"',
      'Exactly! "We will hang them all" is what they chanted.',
      'I agree! "We will hang them all", they chanted.',
      'I agree with Sarah. "We will hang them all" was the worst thing shouted at the rally.',
    ]) {
      expect(screener.screen(text).decision, text).toBe('allow');
    }
  });

  it('does not take capitalised German nouns for names', () => {
    const a = screener.analyze('Der Regen hört einfach nicht auf. Ich will Sommer!', { lang: 'de' });
    expect(a.tags[a.norm.tokens.indexOf('sommer')]).toBe('');
  });

  it('reads Indonesian pronouns attached to the verb (membunuhmu, menghabisinya, kupukul)', () => {
    for (const text of ['Aku akan membunuhmu malam ini', 'gue bakal menghabisinya besok', 'kupukul kau sampai mampus']) {
      const a = screener.analyze(text, { lang: 'id' });
      expect(a.evidence.top?.category, text).toBe('threat');
      expect(a.evidence.top?.strength, text).toBeGreaterThanOrEqual(0.85);
    }
    expect(screener.analyze('Rokok akan membunuhmu pelan-pelan', { lang: 'id' }).evidence.top).toBeNull();
  });
});

describe('detectionText', () => {
  it('joins the words without mentions, as fastText reads them', () => {
    expect(detectionText(['@anna', 'i', 'will', '@', 'come'])).toBe('i will come');
    expect(detectionText(['@anna'])).toBe('');
    expect(detectionText([])).toBe('');
  });
});

describe('createScreener with an invalid rule pack', () => {
  const badPackDir = async (): Promise<string> => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'parley-packs-'));
    await writeFile(join(dir, 'xx.json'), JSON.stringify({ lang: 'xx', harmVerbs: 'not a list' }));
    return dir;
  };

  it('refuses to start by default, naming the file (training and evaluation rely on this)', async () => {
    const dir = await badPackDir();
    await expect(createScreener({ packsDir: dir, model: null })).rejects.toThrow(/xx\.json/);
  });

  it('skips the pack and reports it when the caller asks to carry on (the server does)', async () => {
    const dir = await badPackDir();
    const errors: Error[] = [];
    const screener = await createScreener({ packsDir: dir, model: null, onPackError: (e) => errors.push(e) });
    expect(errors).toHaveLength(1);
    expect(screener.languages).toEqual([]);
  });
});
