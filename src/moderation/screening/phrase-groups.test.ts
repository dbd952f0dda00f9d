import { describe, it, expect } from 'vitest';
import { CompiledPack, type TargetHints } from './pack-matcher.js';
import { patternProblem, type RulePack } from './pack-schema.js';
import { expandPhraseGroups, MAX_EXPANSIONS, phraseGroupProblem } from './phrase-groups.js';
import { normalize } from './normalize.js';

describe('expandPhraseGroups', () => {
  it('leaves a pattern without groups as it is, including words with brackets', () => {
    expect(expandPhraseGroups('i will ~ {harm} you|him')).toEqual(['i will ~ {harm} you|him']);
    expect(expandPhraseGroups('wait()')).toEqual(['wait()']);
  });

  it('expands each group into its phrases, in written order, and an empty choice into nothing', () => {
    expect(expandPhraseGroups('mach (auf|die tür auf)')).toEqual(['mach auf', 'mach die tür auf']);
    expect(expandPhraseGroups('(in het ziekenhuis|in de kist) {target}')).toEqual(['in het ziekenhuis {target}', 'in de kist {target}']);
    expect(expandPhraseGroups('shoot (the|) {target} (on sight|at dawn)')).toEqual([
      'shoot the {target} on sight',
      'shoot the {target} at dawn',
      'shoot {target} on sight',
      'shoot {target} at dawn',
    ]);
  });

  it('refuses patterns that would stand for too many phrases', () => {
    const wide = Array.from({ length: 6 }, () => '(a|b)').join(' ');
    expect(() => expandPhraseGroups(wide)).toThrow(String(MAX_EXPANSIONS));
  });
});

describe('phraseGroupProblem and patternProblem', () => {
  it('accept well-formed groups and name malformed ones', () => {
    expect(phraseGroupProblem('mach (auf|die tür auf)')).toBeNull();
    expect(phraseGroupProblem('mach (auf|die tür auf')).toMatch(/stand apart/u);
    expect(phraseGroupProblem('mach x(auf|zu)')).toMatch(/stand apart/u);
    expect(phraseGroupProblem('(a (b|c)|d)')).toMatch(/nested/u);
  });

  it('checks every expansion with the rules for plain patterns', () => {
    expect(patternProblem('{harm} (~|now)')).toMatch(/gap.*as "\{harm\} ~"/u);
    expect(patternProblem('(kill|{hurt}) you')).toMatch(/bad token "\{hurt\}"/u);
    expect(patternProblem('(the|a) {target} (must|should) die')).toBeNull();
  });
});

describe('phrase groups in a compiled pack', () => {
  const pack: RulePack = {
    lang: 'en',
    harmVerbs: { kill: ['kill'] },
    weapons: ['gun'],
    targets: { pronouns: ['you'], roles: [], groups: [] },
    signals: { threat: [{ p: '(i will|we are going to) {harm} {target}', w: 0.9 }] },
    planCues: [],
    benign: { idiom: [{ p: '(could|would) {harm} for a (coffee|beer)', w: 0.9 }] },
  };
  const compiled = new CompiledPack(pack);
  const hints: TargetHints = { mentions: new Set(), knownNameWords: new Set() };
  const signals = (text: string) => compiled.matchSignals(normalize(text, compiled.vocabulary), hints).signals;

  it('matches any phrase of a group, reported under the pattern as written', () => {
    expect(signals('i will kill you').map((m) => m.source)).toEqual(['(i will|we are going to) {harm} {target}']);
    expect(signals('we are going to kill you').map((m) => m.text)).toEqual(['we are going to kill you']);
    expect(signals('i are going to kill you')).toEqual([]);
    expect(compiled.matchBenign(normalize('i could kill for a beer', compiled.vocabulary), hints).map((m) => m.group)).toEqual(['idiom']);
  });

  it('reports the longest phrase matching at the first place, whichever order the choices are written in', () => {
    const withOptional = (p: string) =>
      new CompiledPack({ ...pack, signals: { threat: [{ p, w: 0.9 }] } }).matchSignals(normalize('@bob i will kill you', compiled.vocabulary), hints).signals.map((m) => m.text);
    expect(withOptional('i will {harm} (|you)')).toEqual(['i will kill you']);
    expect(withOptional('i will {harm} (you|)')).toEqual(['i will kill you']);
    expect(withOptional('(i will {harm}|i will {harm} you)')).toEqual(['i will kill you']);
  });

  it('counts a pattern once per post however many of its phrases match', () => {
    expect(signals('i will kill you, we are going to kill you')).toHaveLength(1);
  });
});
