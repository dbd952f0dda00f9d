import { describe, it, expect } from 'vitest';
import type { PackMatches, RuleMatch } from './pack-matcher.js';
import { PhraseSet } from './phrase-set.js';
import { combine, cueApplies, cuesForDecisiveSignal, findEndorsements, summarize, withoutCuesInsideSignals, type Endorsement } from './rule-evidence.js';

const match = (group: string, weight: number, start: number, end: number, extra: Partial<RuleMatch> = {}): RuleMatch => ({
  group, source: group, weight, start, end, text: group, ...extra,
});
const pm = (signals: RuleMatch[], benign: RuleMatch[] = [], planCues: string[] = [], violentWords: string[] = []): PackMatches => ({
  lang: 'en', signals, benign, planCues, violentWords, tags: [],
});

describe('combine', () => {
  it('is the strongest weight, raised a little by corroborating ones', () => {
    expect(combine([])).toBe(0);
    expect(combine([0.6])).toBe(0.6);
    expect(combine([0.6, 0.5])).toBeCloseTo(0.6 + 0.4 * 0.3 * 0.5);
  });
});

describe('withoutCuesInsideSignals', () => {
  it("drops a cue made of a violent pattern's own words, keeps one on words the pattern left open", () => {
    // "geen bedreiging maar een belofte": "bedreiging" (2..3) is spelled out by the threat pattern.
    const threat = match('threat', 0.9, 1, 6);
    expect(withoutCuesInsideSignals([match('reporting', 0.45, 2, 3)], [threat])).toEqual([]);
    // "ik ga die schimmel uitroeien": "schimmel" (3..4) sits in the pattern's gap.
    const gapped = match('threat', 0.85, 0, 5, { open: [2, 4] });
    const mould = match('idiom', 0.6, 3, 5);
    expect(withoutCuesInsideSignals([mould], [gapped])).toEqual([mould]);
  });

  it('keeps cues outside or reaching past a signal, and regex cues and signals without a span', () => {
    const threat = match('threat', 0.9, 2, 5);
    const outside = match('idiom', 0.5, 6, 7);
    const across = match('idiom', 0.5, 4, 7);
    const regexCue = match('idiom', 0.5, 0, 0);
    expect(withoutCuesInsideSignals([outside, across, regexCue], [threat])).toEqual([outside, across, regexCue]);
    const inside = match('reporting', 0.4, 3, 4);
    expect(withoutCuesInsideSignals([inside], [match('threat', 0.9, 0, 0)])).toEqual([inside]);
  });

  it('applies inside summarize', () => {
    const ev = summarize([pm([match('threat', 0.9, 1, 6)], [match('reporting', 0.45, 2, 3)])], new Set(), false);
    expect(ev.benign).toBe(0);
  });
});

describe('summarize', () => {
  it('picks the strongest category and counts overlapping matches once', () => {
    const ev = summarize([pm([match('threat', 0.9, 0, 4), match('threat', 0.5, 0, 3), match('incitement', 0.6, 2, 4)])], new Set(), false);
    expect(ev.top?.category).toBe('threat');
    expect(ev.categories.threat).toBe(0.9);
    expect(ev.categories.incitement).toBe(0.6);
  });

  it('takes the strongest benign cue per kind', () => {
    const ev = summarize([pm([], [match('reporting', 0.5, 0, 1), match('reporting', 0.3, 2, 3), match('idiom', 0.4, 4, 5)])], new Set(), false);
    expect(ev.benign).toBeCloseTo(combine([0.5, 0.4]));
    expect(ev.topBenign?.group).toBe('reporting');
  });

  it('counts benign cues of different kinds on the same words once', () => {
    // "the prosecutor" as a report and as a role is one phrase, not two cues that corroborate.
    const overlapping = summarize([pm([], [match('reporting', 0.5, 0, 2), match('lawful', 0.4, 1, 2)])], new Set(), false);
    expect(overlapping.benign).toBeCloseTo(0.5);
    const apart = summarize([pm([], [match('reporting', 0.5, 0, 2), match('lawful', 0.4, 3, 4)])], new Set(), false);
    expect(apart.benign).toBeCloseTo(combine([0.5, 0.4]));
  });

  it('raises a plan with concrete cues', () => {
    const ev = summarize([pm([match('plan', 0.6, 0, 3)], [], ['tomorrow', '9pm'])], new Set(), false);
    expect(ev.categories.plan).toBeCloseTo(0.76);
  });

  it('reads logistics around a weapon as a plan even without a pattern', () => {
    expect(summarize([pm([], [], ['tomorrow', 'meet at', '9pm'], ['rifles'])], new Set(), false).top?.category).toBe('plan');
    expect(summarize([pm([], [], ['tomorrow', 'meet at', '9pm'], [])], new Set(), false).top).toBeNull();
  });

  it('weakens quoted violent words in a post that comments on them', () => {
    const quoted = [pm([match('threat', 0.9, 3, 6, { quoted: true })])];
    expect(summarize(quoted, new Set(), false, 8)).toMatchObject({ quotedOnly: true, categories: { threat: 0.9 * 0.6 } });
    expect(summarize(quoted, new Set(), false, 0)).toMatchObject({ quotedOnly: false, categories: { threat: 0.9 } });
  });

  it('counts laughing emoji as a benign cue', () => {
    expect(summarize([pm([match('threat', 0.9, 0, 3)])], new Set(), false, Infinity, 1).benign).toBeCloseTo(0.3);
  });

  it('recognises a direct threat at a mention', () => {
    const atMention = summarize([pm([match('threat', 0.9, 0, 4, { target: '@anna' })])], new Set(), false);
    const atYouInReply = summarize([pm([match('threat', 0.9, 0, 4, { target: 'you' })])], new Set(), true);
    const atYouInNews = summarize([pm([match('threat', 0.9, 0, 4, { target: 'you' })])], new Set(), false);
    expect(atMention.directThreatAtMention).toBe(true);
    expect(atYouInReply.directThreatAtMention).toBe(true);
    expect(atYouInNews.directThreatAtMention).toBe(false);
  });

  it("uses each pack's own second-person pronouns", () => {
    const you = new Map([['en', new Set(['you'])], ['de', new Set(['dich', 'dir'])], ['pl', new Set(['cię'])]]);
    const inLang = (lang: string, target: string): PackMatches => ({ ...pm([match('threat', 0.9, 0, 4, { target })]), lang });
    expect(summarize([inLang('de', 'dich')], new Set(), true, Infinity, 0, you).directThreatAtMention).toBe(true);
    expect(summarize([inLang('pl', 'cię')], new Set(), true, Infinity, 0, you).directThreatAtMention).toBe(true);
    // Another language's pronoun does not count, nor does a pronoun without a mention.
    expect(summarize([inLang('pl', 'dich')], new Set(), true, Infinity, 0, you).directThreatAtMention).toBe(false);
    expect(summarize([inLang('de', 'dich')], new Set(), false, Infinity, 0, you).directThreatAtMention).toBe(false);
    // A pattern that spells the pronoun out has no target: its words count.
    const spelled: PackMatches = { ...pm([match('threat', 0.9, 0, 4, { text: 'ich bring dich um' })]), lang: 'de' };
    expect(summarize([spelled], new Set(), true, Infinity, 0, you).directThreatAtMention).toBe(true);
  });
});

describe('clause scope of benign cues', () => {
  // "these posts should be reported and deleted, and whoever wrote them should be shot":
  // tokens 0..6 are clause 0, 7..13 clause 1.
  const clause = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1];
  const report = match('condemnation', 0.85, 0, 7);
  const later = match('death_wish', 0.85, 10, 14);
  const sameClause = match('death_wish', 0.85, 3, 7);

  it('does not let a reporting, condemnation or lawful cue excuse a signal in a later clause', () => {
    expect(cueApplies(report, later, clause)).toBe(false);
    expect(cueApplies(match('lawful', 0.7, 0, 3), later, clause)).toBe(false);
    expect(cueApplies(match('reporting', 0.6, 1, 3), later, clause)).toBe(false);
    const ev = summarize([pm([later], [report])], new Set(), false, Infinity, 0, new Map(), clause);
    expect(ev.benign).toBe(0);
    expect(ev.topBenign).toBeNull();
  });

  it('keeps cues of the same clause, cues after the signal, frame cues and regex matches', () => {
    expect(cueApplies(report, sameClause, clause)).toBe(true);
    expect(cueApplies(match('reporting', 0.6, 11, 13), later, clause)).toBe(true);
    expect(cueApplies(match('condemnation', 0.6, 12, 14), match('threat', 0.9, 0, 3), clause)).toBe(true);
    for (const kind of ['sports', 'gaming', 'fiction', 'history', 'cooking', 'computing', 'idiom']) {
      expect(cueApplies(match(kind, 0.6, 0, 3), later, clause), kind).toBe(true);
    }
    expect(cueApplies(match('condemnation', 0.6, 0, 0), later, clause)).toBe(true);
    expect(cueApplies(report, match('death_wish', 0.9, 0, 0), clause)).toBe(true);
    // A signal that starts inside quotation marks is mentioned, not the author's own clause.
    const quotedAt = clause.map((_, i) => i === 10);
    expect(cueApplies(report, later, clause, quotedAt)).toBe(true);
    // Without clause information (callers that pass none), every cue counts as before.
    expect(summarize([pm([later], [report])], new Set(), false).benign).toBeCloseTo(0.85);
    // One clause: the cue speaks for the signal ("… reported for saying they should be shot").
    const oneClause = clause.map(() => 0);
    expect(summarize([pm([later], [report])], new Set(), false, Infinity, 0, new Map(), oneClause).benign).toBeCloseTo(0.85);
  });

  it('weighs the cues of the signal that stands strongest once its own cues are taken off', () => {
    // The same signal inside the reported clause and again on its own after it: the second decides.
    expect(cuesForDecisiveSignal([report], [sameClause, later], clause)).toEqual([]);
    // A weak signal after the break ("do the same") leans on what came before: the cue still counts.
    const weak = match('glorification', 0.45, 10, 13);
    expect(cuesForDecisiveSignal([report], [sameClause, weak], clause)).toEqual([report]);
    expect(cuesForDecisiveSignal([report], [weak], clause)).toEqual([report]);
  });
});

describe('endorsed quotations', () => {
  const lexicon = { phrases: new PhraseSet(['i agree', 'exactly', 'he is right']), negations: new Set(['not', 'no']) };
  const read = (text: string) => {
    // Words between double quotes are quoted; "." ends a clause.
    const tokens: string[] = [];
    const quoted: boolean[] = [];
    const clause: number[] = [];
    let inQuote = false;
    let c = 0;
    for (const raw of text.split(' ')) {
      if (raw === '.') {
        c++;
        continue;
      }
      const opens = raw.startsWith('"');
      const closes = raw.endsWith('"');
      if (opens) inQuote = true;
      tokens.push(raw.replace(/"/gu, ''));
      quoted.push(inQuote);
      clause.push(c);
      if (closes) inQuote = false;
    }
    return { tokens, quoted, clause };
  };

  it('finds unquoted endorsing phrases in a post with a quotation, less negated ones', () => {
    const found = (text: string) => {
      const { tokens, quoted, clause } = read(text);
      return findEndorsements(tokens, quoted, clause, [lexicon]).map((e) => e.text);
    };
    expect(found('he wrote "we will hang them" and i agree')).toEqual(['i agree']);
    expect(found('"we will hang them" . exactly')).toEqual(['exactly']);
    expect(found('"we will hang them" . not exactly a nice thing to write')).toEqual([]);
    expect(found('"i agree" he wrote')).toEqual([]);
    // Without a quotation there is nothing to endorse.
    expect(found('i agree')).toEqual([]);
  });

  // he(0) wrote(1) "we(2) will(3) hang(4) them"(5) and(6) i(7) agree(8) …
  const threat = match('threat', 0.9, 2, 6, { quoted: true });
  const evidenceFor = (text: string, benign: RuleMatch[] = []) => {
    const { tokens, quoted, clause } = read(text);
    const endorsements: Endorsement[] = findEndorsements(tokens, quoted, clause, [lexicon]);
    return summarize([pm([threat], benign)], new Set(), false, 8, 0, new Map(), clause, quoted, endorsements);
  };

  it('weighs an endorsed quoted signal as the author\'s own', () => {
    const ev = evidenceFor('he wrote "we will hang them" and i agree');
    expect(ev.categories.threat).toBe(0.9);
    expect(ev.quotedOnly).toBe(false);
    expect(ev.endorsed).toEqual({ strength: 0.9, text: 'i agree' });
    // Unendorsed, the quotation is reported speech as before.
    expect(evidenceFor('he wrote "we will hang them" and i wonder why')).toMatchObject({ quotedOnly: true, endorsed: null });
    // The sentence the author's words after the quotation start in, and the next one, speak for
    // it ('"…" he wrote. Exactly.'); a later one no longer does.
    expect(evidenceFor('he wrote "we will hang them" . exactly').endorsed).not.toBeNull();
    expect(evidenceFor('he wrote "we will hang them" . it was late . exactly').endorsed).not.toBeNull();
    expect(evidenceFor('he wrote "we will hang them" . it was late . we left . exactly').endorsed).toBeNull();
  });

  it('reads only the first words of the sentence and a short rest as an endorsement', () => {
    expect(evidenceFor('he wrote "we will hang them" and honestly after all this time i agree').endorsed).toBeNull();
    expect(evidenceFor('he wrote "we will hang them" . exactly the kind of post that gets people hurt').endorsed).toBeNull();
  });

  it('lets words naming the source stand, but not a condemnation, report or lawful answer of the author', () => {
    const someoneWrote = match('condemnation', 0.5, 0, 2);
    expect(evidenceFor('he wrote "we will hang them" and i agree', [someoneWrote]).endorsed).not.toBeNull();
    // he(0) wrote(1) "we will hang them"(2..5) and(6) i(7) agree(8) but(9) reported(10) it(11)
    expect(evidenceFor('he wrote "we will hang them" and i agree but reported it', [match('reporting', 0.5, 10, 11)]).endorsed).toBeNull();
    expect(evidenceFor('he wrote "we will hang them" and i agree but reported it', [match('condemnation', 0.5, 10, 11)]).endorsed).toBeNull();
    expect(evidenceFor('he wrote "we will hang them" and i agree he must resign', [match('lawful', 0.7, 9, 11)]).endorsed).toBeNull();
    // vile(0) . he(1) wrote(2) "we will hang them"(3..6) and(7) i(8) agree(9): a condemnation of a sentence of its own.
    const { tokens, quoted, clause } = read('vile . he wrote "we will hang them" and i agree');
    const later = match('threat', 0.9, 3, 7, { quoted: true });
    const endorsements = findEndorsements(tokens, quoted, clause, [lexicon]);
    const ev = summarize([pm([later], [match('condemnation', 0.3, 0, 1)])], new Set(), false, 8, 0, new Map(), clause, quoted, endorsements);
    expect(ev.endorsed).toBeNull();
  });

  it('reads an endorsing phrase that opens its clause and leads into the quotation', () => {
    // i(0) agree(1) "we(2) will(3) hang(4) them"(5)
    const ahead = (text: string, start: number, benign: RuleMatch[] = []) => {
      const { tokens, quoted, clause } = read(text);
      const signal = match('threat', 0.9, start, start + 4, { quoted: true });
      return summarize([pm([signal], benign)], new Set(), false, 8, 0, new Map(), clause, quoted, findEndorsements(tokens, quoted, clause, [lexicon])).endorsed;
    };
    expect(ahead('i agree "we will hang them"', 2)).toEqual({ strength: 0.9, text: 'i agree' });
    expect(ahead('exactly this "we will hang them"', 2)).not.toBeNull();
    // Too far from the quotation, or not at the start of its clause, it agrees with something else.
    expect(ahead('i agree with the new ban "we will hang them"', 6)).toBeNull();
    expect(ahead('they were loud and i agree "we will hang them"', 6)).toBeNull();
    // Another quotation stands between: the agreement was with that one.
    expect(ahead('i agree "yes" and "we will hang them"', 4)).toBeNull();
    // The quotation opens in a later clause: the agreement was with something else.
    expect(ahead('i agree . "we will hang them"', 2)).toBeNull();
    // A condemnation after the quotation still undoes it: 'I agree: "…" is a vile thing to say'.
    expect(ahead('i agree "we will hang them" is vile', 2, [match('condemnation', 0.6, 7, 8)])).toBeNull();
  });

  it('endorses nothing in a post framed as fiction, a game or a figure of speech', () => {
    expect(evidenceFor('he wrote "we will hang them" and i agree', [match('fiction', 0.6, 0, 1)]).endorsed).toBeNull();
    expect(evidenceFor('he wrote "we will hang them" and i agree', [match('idiom', 0.6, 0, 0)]).endorsed).toBeNull();
  });
});
