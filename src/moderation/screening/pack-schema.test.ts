import { describe, it, expect } from 'vitest';
import { patternProblem, validatePack } from './pack-schema.js';

const minimal = {
  lang: 'xx',
  harmVerbs: { kill: ['kill', 'kills'] },
  weapons: ['gun'],
  targets: { pronouns: ['you'] },
  signals: { threat: [{ p: 'i will {harm} {target}', w: 0.9 }] },
  planCues: ['tomorrow'],
  benign: { idiom: [{ p: 'killing me', w: 0.9 }] },
};

describe('validatePack', () => {
  it('accepts a well-formed pack', () => {
    expect(validatePack(minimal)).toEqual([]);
  });

  it('reports every problem with its path', () => {
    const errors = validatePack({
      ...minimal,
      lang: 'english',
      signals: { threat: [{ p: 'i will {hurt}', w: 2 }], rant: [] },
      benign: { idiom: [{ p: { re: '(' }, w: 0.5 }] },
    });
    expect(errors).toContain('lang: must be an ISO 639-1 code');
    expect(errors.some((e) => e.startsWith('signals.threat[0].w'))).toBe(true);
    expect(errors.some((e) => e.startsWith('signals.threat[0].p: bad token "{hurt}"'))).toBe(true);
    expect(errors.some((e) => e.startsWith('signals.rant: unknown group'))).toBe(true);
    expect(errors.some((e) => e.startsWith('benign.idiom[0].p.re: invalid regular expression'))).toBe(true);
  });
});

describe('optional pack settings', () => {
  it('accepts secondPerson and capitalisedNames and rejects wrong types', () => {
    expect(validatePack({ ...minimal, secondPerson: ['du', 'dich'], capitalisedNames: false })).toEqual([]);
    const errors = validatePack({ ...minimal, secondPerson: 'du', capitalisedNames: 'no' });
    expect(errors.some((e) => e.startsWith('secondPerson:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('capitalisedNames:'))).toBe(true);
  });

  it('accepts named word lists that patterns use as {name}, and names what is wrong with one', () => {
    const withLists = { ...minimal, wordLists: { roles: ['judge*', 'mayor'] }, signals: { threat: [{ p: 'hang the|all {roles}', w: 0.9 }] } };
    expect(validatePack(withLists)).toEqual([]);
    expect(validatePack({ ...withLists, wordLists: {} })).toEqual([
      'signals.threat[0].p: bad token "{roles}": no class or word list "{roles}" (classes: {harm}, {target}, {weapon}; lists go in "wordLists")',
    ]);
    const errors = validatePack({ ...minimal, wordLists: { Roles: ['x'], target: ['y'], groups: ['two words'], empty: [] } });
    expect(errors.filter((e) => e.startsWith('wordLists.Roles: a name is'))).toHaveLength(1);
    expect(errors.filter((e) => e.startsWith('wordLists.target: a name is'))).toHaveLength(1);
    expect(errors).toContain('wordLists.groups: "two words" is not one word (write phrases in the patterns)');
    expect(errors).toContain('wordLists.empty: must not be empty');
    expect(validatePack({ ...minimal, wordLists: ['x'] })).toContain('wordLists: must be an object of name → words');
  });

  it('accepts postposed determiners of one plain word each', () => {
    expect(validatePack({ ...minimal, postDeterminers: ['itu', 'ini', 'tersebut'] })).toEqual([]);
    expect(validatePack({ ...minimal, postDeterminers: ['itu', 'yang itu', 'ter*'] })).toEqual([
      'postDeterminers: "yang itu" is not one plain word (no spaces, no *)',
      'postDeterminers: "ter*" is not one plain word (no spaces, no *)',
    ]);
    expect(validatePack({ ...minimal, postDeterminers: 'itu' })).toEqual(['postDeterminers: must be a list of non-empty strings']);
  });

  it('accepts a list of marker words and rejects anything else', () => {
    expect(validatePack({ ...minimal, markers: ['gue', 'yang'] })).toEqual([]);
    expect(validatePack({ ...minimal, markers: 'gue' }).some((e) => e.startsWith('markers:'))).toBe(true);
    expect(validatePack({ ...minimal, negations: ['not', 'kein'] })).toEqual([]);
    expect(validatePack({ ...minimal, negations: [3] }).some((e) => e.startsWith('negations'))).toBe(true);
  });
});

describe('patternProblem', () => {
  it('accepts the documented token kinds', () => {
    expect(patternProblem('someone should {harm} ~ {target}')).toBeNull();
    expect(patternProblem('kill* _ now|today {weapon}')).toBeNull();
    expect(patternProblem('bring rope|{weapon}')).toBeNull();
  });

  it('rejects gaps at the edges and patterns without words', () => {
    expect(patternProblem('~ kill')).toMatch(/gap/);
    expect(patternProblem('_ ~ _')).toMatch(/at least one/);
  });

  it('rejects alternative phrases written without a group', () => {
    // "zu dem|zu der" would read as zu, dem|zu, der.
    expect(patternProblem('geh zu dem|zu der polizei')).toMatch(/\(zu dem\|zu der\)/);
    expect(patternProblem('gun gun|knife knife')).toMatch(/"gun\|knife" offers "gun"/);
    expect(patternProblem('che scrisse|aveva scritto|ha scritto')).toMatch(/offers "scritto"/);
    // The same phrases as a group, and single-word alternatives between other words, are fine.
    expect(patternProblem('geh (zu dem|zu der) polizei')).toBeNull();
    expect(patternProblem('i will kill|shoot you|him')).toBeNull();
    expect(patternProblem('kill now|kill')).toMatch(/offers "kill"/);
    expect(patternProblem('{harm} ~ now|today')).toBeNull();
    // A group's choice beside a list is judged as written, not as expanded ("lay off off the").
    expect(patternProblem('(cut down|lay off) on|off the booze')).toBeNull();
    expect(patternProblem('(cut down|lay off) on on|off the booze')).toMatch(/offers "on"/);
  });
});

describe('endorsements', () => {
  it('accepts phrases written as a normalised post holds them, and names any other', () => {
    expect(validatePack({ ...minimal, endorsements: ['i agree', "he's right", 'ma rację', 'je suis d\'accord', 'agree*'] })).toEqual([]);
    expect(validatePack({ ...minimal, endorsements: 'i agree' }).some((e) => e.startsWith('endorsements: must be a list'))).toBe(true);
    const errors = validatePack({ ...minimal, endorsements: ['100%', 'I agree', 'agree|concur', '{target} is right', "'exactly'"] });
    expect(errors).toHaveLength(5);
    expect(errors[0]).toBe('endorsements: "100%": "100%" is no word of a normalised post (lower case letters and digits, no punctuation or pattern syntax)');
  });
});

describe('harmlessPhrases', () => {
  it('accepts phrases written as a normalised post holds them, and names any other', () => {
    expect(validatePack({ ...minimal, harmlessPhrases: ['gun control', 'fire alarm*', 'control de armas'] })).toEqual([]);
    expect(validatePack({ ...minimal, harmlessPhrases: 'gun control' }).some((e) => e.startsWith('harmlessPhrases: must be a list'))).toBe(true);
    expect(validatePack({ ...minimal, harmlessPhrases: ['Gun control', '{weapon} control'] })).toHaveLength(2);
  });
});
