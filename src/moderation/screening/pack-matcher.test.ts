import { describe, it, expect } from 'vitest';
import { normalize } from './normalize.js';
import { CompiledPack, WordBucket, type CompiledPattern, type TargetHints } from './pack-matcher.js';
import type { RulePack } from './pack-schema.js';
import { parseWord } from './phrase-set.js';

const pack: RulePack = {
  lang: 'en',
  harmVerbs: { kill: ['kill', 'killed'], hang: ['hang', 'string up'] },
  weapons: ['gun', 'bullet', 'firing squad'],
  targets: { pronouns: ['you', 'him'], roles: ['judge*'], groups: [] },
  determiners: ['the', 'that'],
  signals: {
    threat: [{ p: 'i will ~ {harm} {target}', w: 0.9 }],
    death_wish: [{ p: '{target} deserves a {weapon}', w: 0.95 }, { p: { re: 'death to \\w+' }, w: 0.8 }],
    incitement: [{ p: 'someone should {harm} {target}', w: 0.9 }, { p: 'arm yourselves|yourself', w: 0.7 }],
    plan: [{ p: 'bring pitchforks|{weapon}', w: 0.6 }],
  },
  planCues: ['tomorrow', 'meet at'],
  benign: { idiom: [{ p: 'killing me', w: 0.9 }], cooking: [{ p: '{harm} the onions', w: 0.8 }] },
};
const compiled = new CompiledPack(pack);
const noHints: TargetHints = { mentions: new Set(), knownNameWords: new Set() };
const run = (text: string, hints = noHints) => compiled.match(normalize(text, compiled.vocabulary), hints);

describe('CompiledPack', () => {
  it('knows every word of its patterns before it compiles them (posts of every language are read with that vocabulary)', () => {
    const fresh = new CompiledPack({ ...pack, benign: { ...pack.benign, computing: [{ p: '(kill the|stop the) process*', w: 0.9 }] } });
    const before = [...fresh.vocabulary].sort();
    expect(before).toEqual(expect.arrayContaining(['will', 'deserves', 'pitchforks', 'yourselves', 'onions', 'process', 'stop']));
    expect(fresh.patterns.length).toBeGreaterThan(0);
    expect([...fresh.vocabulary].sort()).toEqual(before);
  });

  it('gives benign cues of the post asked about, whichever post was matched before', () => {
    const first = normalize('chop the onions', compiled.vocabulary);
    const second = normalize('@bob kill the onions', compiled.vocabulary);
    compiled.matchSignals(first, noHints);
    expect(compiled.matchBenign(second, noHints).map((b) => b.text)).toEqual(['kill the onions']);
    expect(compiled.matchBenign(first, noHints)).toEqual([]);
    const hinted: TargetHints = { mentions: new Set(['bob']), knownNameWords: new Set(['bob']) };
    expect(compiled.matchSignals(second, hinted).tags[0]).toBe('target');
  });

  it('counts a match as quoted only when all its words are inside quotation marks', () => {
    expect(run('he wrote "i will kill him" and left').signals[0]).toMatchObject({ quoted: true });
    // A match that runs past the closing mark is not quoted: otherwise an author could quote the
    // first words of their own threat and have it read as reported speech.
    expect(run('"i will kill" him, the judge was told').signals[0]?.quoted).toBeUndefined();
    expect(run('"i will" kill him tonight').signals[0]?.quoted).toBeUndefined();
    // Scare quotes around one word, or a match that starts outside the quotation, are the author's own.
    expect(run('i will "kill" him').signals[0]?.quoted).toBeUndefined();
    expect(run('"i" will kill him tonight with a smile').signals[0]?.quoted).toBeUndefined();
  });

  it('counts a match that starts inside a quotation holding a threat as quoted when the words after it add no harm, weapon or target', () => {
    const tailed = new CompiledPack({ ...pack, signals: { ...pack.signals, death_wish: [...pack.signals.death_wish!, { p: '{weapon} for', w: 0.8 }] } });
    const signal = (text: string, words: string) => tailed.match(normalize(text, tailed.vocabulary), noHints).signals.find((m) => m.text === words);
    // Reported: the quotation is a threat of its own ("the judge deserves a bullet"), and the
    // author's words after the closing mark only say what it was about.
    expect(signal('someone wrote "the judge deserves a bullet" for his ruling, reported', 'bullet for')?.quoted).toBe(true);
    expect(signal('someone wrote «the judge deserves a bullet» for his ruling', 'bullet for')?.quoted).toBe(true);
    // A quotation that holds no threat (no target in it) quotes nothing the match needs.
    expect(signal('someone wrote "a bullet" for the judge', 'bullet for')?.quoted).toBeUndefined();
    // Endorsed: the author's own words complete the quoted words into a threat.
    expect(signal('they wrote "the judge deserves a" bullet', 'the judge deserves a bullet')?.quoted).toBeUndefined();
    expect(signal('"i will kill" him, said the judge', 'i will kill him')?.quoted).toBeUndefined();
  });

  it('matches words, classes and gaps and captures harm and target', () => {
    const [m] = run('I will find you and kill you').signals;
    expect(m).toMatchObject({ group: 'threat', weight: 0.9, harm: 'kill', target: 'you' });
  });

  it('treats @mentions, name-like words, known names and roles after determiners as targets', () => {
    expect(run('i will kill @anna').signals[0]?.target).toBe('@anna');
    expect(run('i will kill the judge').signals[0]?.target).toBe('the judge');
    expect(run('Well, I will kill Anna Berg').signals[0]?.target).toBe('anna berg');
    expect(run('i will kill bob', { mentions: new Set(), knownNameWords: new Set(['bob']) }).signals[0]?.target).toBe('bob');
    expect(run('i will kill time').signals).toEqual([]);
  });

  it('lets a target take one postposed determiner where the pack lists them (Indonesian "hakim itu")', () => {
    const postposed: RulePack = {
      lang: 'id',
      harmVerbs: { bunuh: ['bunuh', 'dibunuh'] },
      weapons: [],
      targets: { roles: ['hakim', 'polisi'] },
      postDeterminers: ['itu', 'ini'],
      signals: { death_wish: [{ p: '{target} harus {harm}', w: 0.9 }] },
      planCues: [],
      benign: {},
    };
    const withPost = new CompiledPack(postposed);
    const match = (text: string, p = withPost) => p.match(normalize(text, p.vocabulary), noHints).signals;
    expect(match('hakim itu harus dibunuh')[0]).toMatchObject({ group: 'death_wish', target: 'hakim itu' });
    expect(match('polisi ini harus dibunuh')[0]).toMatchObject({ target: 'polisi ini' });
    expect(match('hakim harus dibunuh')[0]).toMatchObject({ target: 'hakim' });
    // One determiner, right after the target: not any word, and not two.
    expect(match('hakim tua harus dibunuh')).toEqual([]);
    expect(match('hakim itu ini harus dibunuh')).toEqual([]);
    // Without the list the pattern needs the target right before "harus".
    const without = new CompiledPack({ ...postposed, postDeterminers: [] });
    expect(match('hakim itu harus dibunuh', without)).toEqual([]);
  });

  it('matches multi-word class entries, alternatives and regex patterns', () => {
    const groups = (t: string) => run(t).signals.map((s) => s.group);
    expect(groups('someone should string up that judge')).toEqual(['incitement']);
    expect(groups('that judge deserves a firing squad')).toEqual(['death_wish']);
    expect(groups('arm yourself')).toEqual(['incitement']);
    expect(groups('death to tyrants')).toEqual(['death_wish']);
  });

  it('matches alternatives that mix words and classes', () => {
    expect(run('bring pitchforks').signals.map((s) => s.group)).toEqual(['plan']);
    expect(run('bring firing squad').signals[0]).toMatchObject({ group: 'plan', weapon: 'firing squad' });
    expect(run('bring cake').signals).toEqual([]);
  });

  it('does not count a game or sports cue that a negation shortly precedes ("this is not a game")', () => {
    const withPlay = new CompiledPack({
      ...pack,
      negations: ['not', "isn't"],
      benign: { ...pack.benign, gaming: [{ p: 'game', w: 0.6 }], sports: [{ p: 'match', w: 0.6 }], fiction: [{ p: 'movie', w: 0.5 }] },
    });
    const kinds = (text: string) => withPlay.match(normalize(text, withPlay.vocabulary), noHints).benign.map((b) => b.group);
    expect(kinds('this is a game, i will kill you')).toEqual(['gaming']);
    expect(kinds('this is not a game, i will kill you')).toEqual([]);
    expect(kinds("this isn't the match you think")).toEqual([]);
    // Out of reach, the negation is about something else; and only play cues are negated.
    expect(kinds('not sure when, but the game tonight will kill you')).toEqual(['gaming']);
    expect(kinds('this is not a movie')).toEqual(['fiction']);
    // A pack without negation words keeps every cue.
    const plain = new CompiledPack({ ...pack, benign: { gaming: [{ p: 'game', w: 0.6 }] } });
    expect(plain.match(normalize('this is not a game', plain.vocabulary), noHints).benign.map((b) => b.group)).toEqual(['gaming']);
  });

  it('reports the tokens a pattern matched with a gap or a class rather than its own words', () => {
    // "i will ~ {harm} {target}": "really" fills the gap (2..3), "kill" and "him" the classes.
    const threat = run('i will really kill him').signals.find((s) => s.group === 'threat')!;
    expect([threat.start, threat.end]).toEqual([0, 5]);
    const open = [...(threat.open ?? [])];
    const pairs = Array.from({ length: open.length / 2 }, (_, k) => [open[2 * k]!, open[2 * k + 1]!]).sort((a, b) => a[0]! - b[0]!);
    expect(pairs).toEqual([[2, 3], [3, 4], [4, 5]]);
    // Patterns of plain words leave nothing open.
    expect(run('arm yourselves now').signals[0]!.open).toBeUndefined();
  });

  it('finds benign cues, including ones built from classes', () => {
    expect(run('my feet are killing me').benign.map((b) => b.group)).toEqual(['idiom']);
    expect(run('kill the onions slowly').benign.map((b) => b.group)).toEqual(['cooking']);
  });

  it('finds plan cues in the literal view, including clock times', () => {
    expect(run('meet at the gate tomorrow at 21:30 with a gun').planCues.sort()).toEqual(['21:30', 'meet at', 'tomorrow']);
    expect(run('meet at the gate tomorrow at 21:30').planCues).toEqual([]);
  });

  it('collects the pack vocabulary for the normaliser', () => {
    expect(compiled.vocabulary.has('kill')).toBe(true);
    expect(compiled.vocabulary.has('onions')).toBe(true);
  });
});

describe('WordBucket', () => {
  const word = (...alternatives: string[]) => ({ kind: 'word' as const, alternatives: alternatives.map(parseWord), classes: [], name: null });
  const gap = { kind: 'gap' as const, alternatives: [], classes: [], name: null };
  const pattern = (source: string, ...elements: CompiledPattern['elements']): CompiledPattern => ({ group: 'threat', source, weight: 1, elements, anchor: null, id: 0, family: 0 });
  const patterns = [
    pattern('i will', word('i'), word('will')),
    pattern('i ~ kill', word('i'), gap, word('kill')),
    pattern('i shall|will*', word('i'), word('shall', 'will*')),
    pattern('i', word('i')),
    pattern('i am', word('i'), word('am')),
  ];
  const bucket = new WordBucket(patterns);
  const candidates = (next: string | undefined) => {
    const out: CompiledPattern[] = [];
    bucket.candidates(next, out);
    return out.map((p) => p.source);
  };

  it('keeps only patterns whose second word accepts the next token, in their original order', () => {
    expect(candidates('will')).toEqual(['i will', 'i ~ kill', 'i shall|will*', 'i']);
    expect(candidates('am')).toEqual(['i ~ kill', 'i', 'i am']);
    expect(candidates('never')).toEqual(['i ~ kill', 'i']);
  });

  it('keeps only patterns without a second word at the end of the post', () => {
    expect(candidates(undefined)).toEqual(['i ~ kill', 'i']);
  });

  it('tries a lone pattern whatever follows (its own second element decides)', () => {
    const lone = new WordBucket([patterns[0]!]);
    const out: CompiledPattern[] = [];
    lone.candidates('never', out);
    expect(out.map((p) => p.source)).toEqual(['i will']);
  });

  it('gives the same lists when every second word is exact (lists worked out in advance)', () => {
    const exact = new WordBucket(patterns.filter((p) => p.source !== 'i shall|will*'));
    const of = (next: string | undefined) => {
      const out: CompiledPattern[] = [];
      exact.candidates(next, out);
      return out.map((p) => p.source);
    };
    expect(of('will')).toEqual(['i will', 'i ~ kill', 'i']);
    expect(of('am')).toEqual(['i ~ kill', 'i', 'i am']);
    expect(of('willing')).toEqual(['i ~ kill', 'i']);
    expect(of(undefined)).toEqual(['i ~ kill', 'i']);
  });
});

describe('harmless phrases', () => {
  const withPhrases = new CompiledPack({ ...pack, harmlessPhrases: ['gun control', 'bullet point*', 'firing squad drill', 'kill switch'] });
  const match = (text: string) => withPhrases.match(normalize(text, withPhrases.vocabulary), noHints);

  it('reads a weapon word or harm verb inside one as neither: no pattern takes it, no tag, no violent word', () => {
    const m = match('the judge deserves a gun control debate, i will kill switch him off');
    expect(m.signals).toEqual([]);
    expect(m.violentWords).toEqual([]);
    expect(m.tags.filter((t) => t === 'weapon' || t === 'harm')).toEqual([]);
    // A weapon phrase that runs into a harmless phrase ("firing squad" in "firing squad drill") is none either.
    expect(match('the judge deserves a firing squad drill').signals).toEqual([]);
  });

  it('leaves the same words outside such a phrase as they were', () => {
    expect(match('the judge deserves a gun, and gun control too').signals.map((s) => s.weapon)).toEqual(['gun']);
    expect(match('the judge deserves a bullet').violentWords).toEqual(['bullet']);
    expect(match('i will kill him, bullet points follow').signals.map((s) => s.harm)).toEqual(['kill']);
    expect(match('the judge deserves a firing squad').signals.map((s) => s.weapon)).toEqual(['firing squad']);
  });

  it('forgets the phrases of the previous post', () => {
    match('gun control now');
    expect(match('the judge deserves a gun').signals.map((s) => s.weapon)).toEqual(['gun']);
    // The same position covered in the post before, and a post as long.
    match('the judge deserves a gun control');
    expect(match('the judge deserves a gun, gun control later').signals.map((s) => s.weapon)).toEqual(['gun']);
  });

  it('reads no phrase across punctuation', () => {
    expect(match('the judge deserves a gun, control is what we need').signals.map((s) => s.weapon)).toEqual(['gun']);
    expect(match('the judge deserves a gun. control yourself').signals.map((s) => s.weapon)).toEqual(['gun']);
  });

  it('hides every word of a weapon phrase only when the harmless phrase covers one of them', () => {
    // "firing squad" runs into "firing squad drill": no weapon; a harm verb wholly inside a phrase is none either.
    expect(match('the judge deserves a firing squad drill').violentWords).toEqual([]);
    expect(match('i will kill switch him').signals).toEqual([]);
  });
});

describe('harmless phrases around a whole signal', () => {
  const withPhrases = new CompiledPack({ ...pack, harmlessPhrases: ['the right to arm yourselves', 'right to arm', 'squad drill'] });
  const match = (text: string) => withPhrases.match(normalize(text, withPhrases.vocabulary), noHints);

  it('drop a signal that lies wholly inside one, and keep the same words elsewhere', () => {
    expect(match('the right to arm yourselves is in the constitution').signals).toEqual([]);
    expect(match('arm yourselves, the right to arm yourselves is ours').signals.map((s) => s.text)).toEqual(['arm yourselves']);
  });

  it('keep a signal only partly inside one', () => {
    // "right to arm" covers "arm" but not "yourself": the call still counts.
    expect(match('a right to arm yourself').signals.map((s) => s.text)).toEqual(['arm yourself']);
  });

  it('hide a weapon phrase that runs into one from outside', () => {
    // "firing" is outside "squad drill", "squad" inside: the weapon "firing squad" is none.
    expect(match('the judge deserves a firing squad drill').signals).toEqual([]);
  });
});
