/**
 * Marker words: words typical of one pack's language ("gue", "lo", "banget" for Indonesian; "vc",
 * "pra" for Portuguese), listed in each pack's `markers`. fastText reads short slangy posts poorly
 * (Jakarta slang as Spanish or Italian); marker words correct that in two ways: a marked language's
 * pack always runs, and when fastText is unsure, a marked language can overrule its guess.
 */
import type { LanguageGuess } from './detect-language.js';
import { packInfo } from './load-packs.js';
import type { CompiledPack } from './pack-matcher.js';

/** Distinct marker words a post needs before its language's pack runs regardless of fastText. */
export const MARKERS_NEEDED = 2;
/** From this confidence on, fastText's guess stands whatever marker words the post holds. */
const OVERRULE_BELOW = 0.9;
/**
 * English markers never overrule: English words turn up in posts of every language ("i'm gonna
 * kill you, du kleine Ratte"), and the English pack runs on mixed posts anyway.
 */
const NEVER_OVERRULES = 'en';

/** Each pack's one-word markers that no other pack lists (word → language). */
export function distinctiveMarkers(packs: ReadonlyMap<string, CompiledPack>): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const pack of packs.values()) {
    for (const w of packInfo(pack).markers) {
      if (w.length < 2 || w.includes(' ')) continue;
      const set = owners.get(w) ?? new Set<string>();
      set.add(pack.lang);
      owners.set(w, set);
    }
  }
  const markers = new Map<string, string>();
  for (const [word, langs] of owners) if (langs.size === 1) markers.set(word, [...langs][0]!);
  return markers;
}

const NO_MARKERS: ReadonlyMap<string, number> = new Map();

/** Distinct marker words per language in the post (languages without any are absent). */
export function markerCounts(tokens: readonly string[], markers: ReadonlyMap<string, string>): ReadonlyMap<string, number> {
  let counts: Map<string, number> | undefined;
  let seen: Set<string> | undefined;
  for (const t of tokens) {
    const lang = markers.get(t);
    if (lang === undefined) continue;
    seen ??= new Set();
    if (seen.has(t)) continue;
    seen.add(t);
    counts ??= new Map();
    counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  // A post without marker words (most English, German, French … posts) shares one empty map.
  return counts ?? NO_MARKERS;
}

/** Languages with at least MARKERS_NEEDED distinct marker words, most marked first (ties: alphabetical). */
export function markedLanguages(counts: ReadonlyMap<string, number>): string[] {
  return [...counts]
    .filter(([, n]) => n >= MARKERS_NEEDED)
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([lang]) => lang);
}

export interface MarkedGuess {
  language: LanguageGuess;
  /** fastText's guess when the markers overruled it: its pack still runs, its benign cues do not count. */
  displaced?: string;
}

/**
 * fastText's guess, or the most marked language when fastText is unsure (below OVERRULE_BELOW)
 * and the post holds more distinct markers of that language than of the guess. Measured on the
 * training posts: 1,020 misread posts get their language back (802 Indonesian), 2 read right
 * are misread (both mix two languages we have packs for).
 */
export function overruleByMarkers(
  language: LanguageGuess,
  counts: ReadonlyMap<string, number>,
  marked: readonly string[] = markedLanguages(counts),
): MarkedGuess {
  if (language.confidence >= OVERRULE_BELOW) return { language };
  const best = marked.find((lang) => lang !== NEVER_OVERRULES);
  if (best === undefined || best === language.lang) return { language };
  if ((counts.get(best) ?? 0) <= (counts.get(language.lang) ?? 0)) return { language };
  const displaced = language.lang;
  return {
    language: {
      ...language,
      lang: best,
      confidence: language.scores?.get(best) ?? 0,
      candidates: [best, ...language.candidates.filter((c) => c !== best && c !== displaced)],
    },
    displaced,
  };
}
