import { describe, it, expect } from 'vitest';
import { InstanceRuleError, matchInstanceRules, validateInstanceRule } from './instance-rules.js';
import { normalize } from './normalize.js';
import type { InstanceRule } from './types.js';

const rule = (over: Partial<InstanceRule>): InstanceRule => ({ id: 'r', lang: null, kind: 'word', pattern: 'x', action: 'review', ...over });

describe('validateInstanceRule', () => {
  it('accepts valid rules and returns them', () => {
    expect(validateInstanceRule(rule({ kind: 'regex', pattern: '\\bkill(ed)?\\b' }))).toMatchObject({ kind: 'regex' });
  });

  it('rejects invalid fields with a clear message', () => {
    expect(() => validateInstanceRule(rule({ kind: 'glob' as never }))).toThrow('kind must be word, phrase or regex');
    expect(() => validateInstanceRule(rule({ action: 'delete' as never }))).toThrow('action must be review, hold or warn');
    expect(() => validateInstanceRule(rule({ lang: 'english' }))).toThrow(/lang/);
    expect(() => validateInstanceRule(rule({ pattern: '' }))).toThrow(/pattern/);
  });

  it('rejects invalid and catastrophic regexes', () => {
    expect(() => validateInstanceRule(rule({ kind: 'regex', pattern: '(' }))).toThrow(/invalid regular expression/);
    expect(() => validateInstanceRule(rule({ kind: 'regex', pattern: '(a+)+$' }))).toThrow(InstanceRuleError);
    expect(() => validateInstanceRule(rule({ kind: 'regex', pattern: '(\\w*)*x' }))).toThrow(/nested quantifier/);
    expect(() => validateInstanceRule(rule({ kind: 'regex', pattern: '(a)\\1' }))).toThrow(/back-references/);
    expect(() => validateInstanceRule(rule({ kind: 'regex', pattern: 'a'.repeat(201) }))).toThrow(/longer than/);
  });
});

describe('matchInstanceRules', () => {
  const norm = normalize('Vote for the c4ndidate at the Town Hall', new Set(['candidate']));

  it('matches words and phrases on whole words of the folded or literal text', () => {
    expect(matchInstanceRules([rule({ pattern: 'candidate' })], norm, ['en'])).toHaveLength(1);
    expect(matchInstanceRules([rule({ kind: 'phrase', pattern: 'town hall' })], norm, ['en'])).toHaveLength(1);
    expect(matchInstanceRules([rule({ pattern: 'town' , kind: 'phrase'}), rule({ pattern: 'hal' })], norm, ['en'])).toHaveLength(1);
  });

  it('matches regexes case-insensitively against the original text', () => {
    expect(matchInstanceRules([rule({ kind: 'regex', pattern: 'town\\s+hall' })], norm, ['en'])[0]?.matched).toBe('Town Hall');
  });

  it('only applies language-specific rules to that language', () => {
    expect(matchInstanceRules([rule({ pattern: 'vote', lang: 'de' })], norm, ['en'])).toEqual([]);
    expect(matchInstanceRules([rule({ pattern: 'vote', lang: 'en' })], norm, ['en'])).toHaveLength(1);
  });
});
