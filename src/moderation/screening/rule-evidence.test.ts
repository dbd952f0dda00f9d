import { describe, it, expect } from 'vitest';
import type { PackMatches, RuleMatch } from './pack-matcher.js';
import { combine, summarize, withoutCuesInsideSignals } from './rule-evidence.js';

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
