/**
 * Admin-defined instance rules: words, phrases or regular expressions that add a content
 * warning or raise a post to review or hold. Regexes are validated because an admin's pattern
 * runs on every post: invalid ones and ones prone to catastrophic backtracking are rejected.
 */
import type { NormalizedText } from './normalize.js';
import type { InstanceRule } from './types.js';

export interface InstanceRuleHit {
  rule: InstanceRule;
  matched: string;
}

export class InstanceRuleError extends Error {}

export const MAX_PATTERN_LENGTH = 200;
const KINDS = new Set(['word', 'phrase', 'regex']);
const ACTIONS = new Set(['review', 'hold', 'warn']);
/** A quantified group that itself contains a quantifier: (a+)+, (\w*)*, (a|aa){2,}. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)\s*(?:[*+]|\{\d+,?\d*\})/u;
/** Back-references make matching exponential in the worst case. */
const BACKREFERENCE = /\\[1-9]|\\k</u;

/** Throws InstanceRuleError with a message fit for the admin API; returns the rule otherwise. */
export function validateInstanceRule(value: unknown): InstanceRule {
  if (typeof value !== 'object' || value === null) throw new InstanceRuleError('rule must be an object');
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id.trim() === '') throw new InstanceRuleError('id must be a non-empty string');
  if (r.lang !== null && (typeof r.lang !== 'string' || !/^[a-z]{2}$/u.test(r.lang))) {
    throw new InstanceRuleError('lang must be an ISO 639-1 code or null');
  }
  if (typeof r.kind !== 'string' || !KINDS.has(r.kind)) throw new InstanceRuleError('kind must be word, phrase or regex');
  if (typeof r.action !== 'string' || !ACTIONS.has(r.action)) throw new InstanceRuleError('action must be review, hold or warn');
  if (typeof r.pattern !== 'string' || r.pattern.trim() === '') throw new InstanceRuleError('pattern must be a non-empty string');
  if (r.pattern.length > MAX_PATTERN_LENGTH) throw new InstanceRuleError(`pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  if (r.kind === 'regex') checkRegex(r.pattern);
  return { id: r.id, lang: r.lang, kind: r.kind, pattern: r.pattern, action: r.action } as InstanceRule;
}

function checkRegex(source: string): void {
  try {
    new RegExp(source, 'iu');
  } catch (e) {
    throw new InstanceRuleError(`invalid regular expression: ${(e as Error).message}`);
  }
  if (NESTED_QUANTIFIER.test(source)) {
    throw new InstanceRuleError('regular expression has a nested quantifier (like (a+)+), which can make matching hang');
  }
  if (BACKREFERENCE.test(source)) throw new InstanceRuleError('regular expression back-references are not allowed');
}

interface CompiledRule {
  rule: InstanceRule;
  test: (norm: NormalizedText) => string | null;
}

/** Compiled rules are cached by content: the same rule list arrives with every post. */
const cache = new Map<string, CompiledRule>();
const CACHE_LIMIT = 1000;

function compile(rule: InstanceRule): CompiledRule {
  const key = `${rule.kind}\u0000${rule.pattern}\u0000${rule.id}\u0000${rule.action}\u0000${rule.lang ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  validateInstanceRule(rule);
  const compiled: CompiledRule = { rule, test: tester(rule) };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

function tester(rule: InstanceRule): (norm: NormalizedText) => string | null {
  if (rule.kind === 'regex') {
    const re = new RegExp(rule.pattern, 'iu');
    return (norm) => re.exec(norm.original)?.[0] ?? re.exec(norm.text)?.[0] ?? null;
  }
  const words = rule.pattern.normalize('NFKC').toLowerCase().trim().split(/\s+/u);
  const phrase = words.join(' ');
  // Matched on whole words of both the folded and the literal view, so "k1ll" still hits "kill".
  return (norm) => (containsWords(norm.tokens, words) || containsWords(norm.literalTokens, words) ? phrase : null);
}

function containsWords(tokens: readonly string[], words: readonly string[]): boolean {
  outer: for (let i = 0; i + words.length <= tokens.length; i++) {
    for (let k = 0; k < words.length; k++) if (tokens[i + k] !== words[k]) continue outer;
    return true;
  }
  return false;
}

export function matchInstanceRules(rules: readonly InstanceRule[], norm: NormalizedText, langs: readonly string[]): InstanceRuleHit[] {
  const hits: InstanceRuleHit[] = [];
  for (const rule of rules) {
    if (rule.lang !== null && !langs.includes(rule.lang)) continue;
    const compiled = compile(rule);
    const matched = compiled.test(norm);
    if (matched !== null) hits.push({ rule, matched });
  }
  return hits;
}
