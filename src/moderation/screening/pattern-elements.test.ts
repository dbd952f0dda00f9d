import { describe, it, expect } from 'vitest';
import { ElementCompiler } from './pattern-elements.js';
import { expandPhraseGroups } from './phrase-groups.js';

describe('ElementCompiler', () => {
  it('compiles words, prefixes, alternatives, classes, gaps and any-word positions', () => {
    const [i, gap, mixed, any, cls, prefix] = new ElementCompiler(new Set()).compile('I ~ rope|{weapon} _ {target} kill*');
    expect(i).toMatchObject({ kind: 'word', alternatives: [{ exact: 'i' }] });
    expect(gap?.kind).toBe('gap');
    expect(mixed).toMatchObject({ kind: 'mixed', alternatives: [{ exact: 'rope' }], classes: ['weapon'] });
    expect(any?.kind).toBe('any');
    expect(cls).toMatchObject({ kind: 'class', name: 'target' });
    expect(prefix).toMatchObject({ kind: 'word', alternatives: [{ prefix: 'kill' }] });
  });

  it('shares the element of a token between patterns and collects each word once', () => {
    const vocabulary = new Set<string>();
    const compiler = new ElementCompiler(vocabulary);
    const [a] = compiler.compile('i will {harm} {target}');
    const [b] = compiler.compile('i shall kill*');
    expect(a).toBe(b);
    expect([...vocabulary]).toEqual(['i', 'will', 'shall', 'kill']);
  });

  it('reads a word list `{name}` as its words, written out in its place, alone or among alternatives', () => {
    const vocabulary = new Set<string>();
    const compiler = new ElementCompiler(vocabulary, { roles: ['Richter*', 'präsident', 'mayor'] });
    const [list, , mixed] = compiler.compile('{roles} must {harm}|the|{roles}');
    const [written] = new ElementCompiler(new Set()).compile('richter*|präsident|mayor');
    expect(list).toEqual(written);
    expect(mixed).toMatchObject({ kind: 'mixed', alternatives: [{ exact: 'the' }, { prefix: 'richter' }, { exact: 'präsident' }, { exact: 'mayor' }], classes: ['harm'] });
    expect(vocabulary.has('richter')).toBe(true);
    expect(() => compiler.compile('{nolist}')).toThrow(/no word list "nolist"/u);
  });

  it('collects the words of phrase groups without expanding them, as compiling every phrase would', () => {
    const lists = { roles: ['Bürgermeister', 'mayor*'] };
    const patterns = ['(mach die tür|Tür) auf|zu (dem|der|) {roles} ~ {harm}', '(the|) wait() (x|y z)', 'ich|wir (geh*|komm*) _ hin'];
    for (const pattern of patterns) {
      const collected = new Set<string>();
      new ElementCompiler(collected, lists).addWordsOf(pattern);
      const compiled = new Set<string>();
      const compiler = new ElementCompiler(compiled, lists);
      for (const phrase of expandPhraseGroups(pattern)) compiler.compile(phrase);
      expect([...collected].sort(), pattern).toEqual([...compiled].sort());
    }
  });
});
