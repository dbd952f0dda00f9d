import { describe, it, expect } from 'vitest';
import { loadPacks } from './load-packs.js';
import { normalize, type NormalizedText } from './normalize.js';
import type { CompiledPack, CompiledPattern, TargetHints } from './pack-matcher.js';
import { anchorOf } from './pattern-elements.js';
import { TokenMatcher } from './token-matcher.js';
import { BENIGN_CUE_KINDS } from './types.js';
import { loadDatasets } from './training/dataset.js';

/**
 * The pack matcher skips most patterns at most positions: its indexes offer only patterns whose
 * first (and second) words fit, and a pattern whose anchor word is missing from the post is not
 * tried at all. None of this may change a match: here every pattern of the real packs is tried at
 * every position, and the matches must be the same.
 */
const packs = loadPacks();
const hints: TargetHints = { mentions: new Set(['target']), knownNameWords: new Set(['target']) };
const posts = loadDatasets()
  .filter((_, i) => i % 90 === 0)
  .flatMap((e) => [{ lang: e.lang, text: e.text }, { lang: e.lang, text: `@target ${e.text} tomorrow` }]);

/** What the matcher does at one position, for one pattern, without any index. */
interface MatcherInternals {
  matchFrom(elements: CompiledPattern['elements'], e: number, pos: number, captures: object): number;
}

/** "source@start" of each pattern's first match, in the given group set, scanning everything. */
function plainScan(pack: CompiledPack, norm: NormalizedText, groups: ReadonlySet<string>): string[] {
  const matcher = new TokenMatcher(pack, pack.patterns.length);
  matcher.reset(norm.tokens, norm.nameLike, norm.quoted, hints, norm.pauseBefore);
  const internals = matcher as unknown as MatcherInternals;
  // Phrases of one source pattern (a family) count once, at the earliest place any of them matches.
  const firstStart = new Map<number, { source: string; start: number }>();
  for (const pattern of pack.patterns) {
    if (!groups.has(pattern.group)) continue;
    for (let i = 0; i < norm.tokens.length; i++) {
      if (internals.matchFrom(pattern.elements, 0, i, {}) >= 0) {
        const seen = firstStart.get(pattern.family);
        if (!seen || i < seen.start) firstStart.set(pattern.family, { source: pattern.source, start: i });
        break;
      }
    }
  }
  const found = [...firstStart.values()].map(({ source, start }) => `${source}@${start}`);
  return found.sort();
}

const benign: ReadonlySet<string> = new Set(BENIGN_CUE_KINDS);

const tokenMatches = (matches: ReadonlyArray<{ source: string; start: number }>): string[] =>
  matches.filter((m) => !m.source.startsWith('re:')).map((m) => `${m.source}@${m.start}`).sort();

describe('pack matcher against a plain scan of every pattern', () => {
  it('finds the same signals and benign cues on dataset posts, in their own pack and the English one', () => {
    let compared = 0;
    for (const post of posts) {
      for (const lang of new Set([post.lang, 'en'])) {
        const pack = packs.get(lang)!;
        const norm = normalize(post.text, pack.vocabulary);
        const signalGroups = new Set(pack.patterns.filter((p) => !benign.has(p.group)).map((p) => p.group));
        const matched = pack.matchSignals(norm, hints);
        expect(tokenMatches(matched.signals), post.text).toEqual(plainScan(pack, norm, signalGroups));
        expect(tokenMatches(pack.findBenignCues(norm, hints)), post.text).toEqual(plainScan(pack, norm, benign));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
    // A plain scan tries every pattern at every word: slow by design, and slower on a busy machine.
  }, 180_000);
});

describe('anchorOf', () => {
  const elements = (kinds: string[]) =>
    kinds.map((kind) => ({ kind, alternatives: [{ exact: kind, prefix: undefined }], classes: [], name: null })) as unknown as CompiledPattern['elements'];

  it('names the last plain word after the first element, or none', () => {
    expect(anchorOf(elements(['word', 'gap', 'word', 'class', 'word']))).toEqual([{ exact: 'word', prefix: undefined }]);
    expect(anchorOf(elements(['class', 'gap', 'mixed', 'class']))).toBeNull();
    expect(anchorOf(elements(['word', 'class']))).toBeNull();
  });
});

describe('TokenMatcher post numbers', () => {
  it('still finds anchored patterns after its post counter starts again', () => {
    const pack = packs.get('en')!;
    const signals = pack.compiled().signalIndex;
    const matcher = new TokenMatcher(pack, pack.patterns.length);
    (matcher as unknown as { post: number }).post = 0x7fffffff - 1;
    const sources = (text: string) => {
      const norm = normalize(text, pack.vocabulary);
      matcher.reset(norm.tokens, norm.nameLike, norm.quoted, hints, norm.pauseBefore);
      return matcher.run(signals, 'signalBuckets').map((m) => m.source);
    };
    const threat = '@target i am going to kill you tomorrow, i know where you live';
    const before = sources(threat);
    expect(before.length).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect(sources(threat)).toEqual(before);
  });
});
