/**
 * The screening pipeline: normalise → detect language → rule packs → learned model → decide.
 * `createScreener` does the slow work once (packs, model, language ID); `screen` is synchronous
 * and pure with respect to its inputs.
 */
import { existsSync } from 'node:fs';
import { decide, DEFAULT_THRESHOLDS, featureReason } from './decide.js';
import { LanguageDetector, loadFastTextPredictor, type LanguageGuess } from './detect-language.js';
import { matchInstanceRules } from './instance-rules.js';
import { DEFAULT_PACKS_DIR, loadPacks, packInfo } from './load-packs.js';
import { distinctiveMarkers, markedLanguages, markerCounts, overruleByMarkers } from './language-markers.js';
import { DEFAULT_MODEL_PATH, LearnedModel, neutralModel, type ModelPrediction } from './model/learned-model.js';
import { isLaughWord, normalize, type NormalizedText } from './normalize.js';
import { MaskedWordReader } from './unmask.js';
import { mergeTags, type CompiledPack, type PackMatches, type TargetHints } from './pack-matcher.js';
import { findEndorsements, summarize, type EndorsementLexicon, type RuleEvidence } from './rule-evidence.js';
import type { ScreeningContext, Thresholds, Verdict } from './types.js';

export interface ScreenerOptions {
  packsDir?: string;
  /** Path of the model file, or a model; `null` runs rules only. */
  model?: string | LearnedModel | null;
  /** Language detector; by default fastText lid.176 restricted to the languages with packs. */
  languageDetector?: LanguageDetector;
  /** Instance-wide default thresholds (a context may still override them per call). */
  thresholds?: Partial<Thresholds>;
  /** Called for a pack that fails validation; by default invalid packs throw. */
  onPackError?: (error: Error) => void;
}

export interface Analysis {
  norm: NormalizedText;
  /** Rule-pack class per token, as the model saw it. */
  tags: string[];
  language: LanguageGuess;
  matches: PackMatches[];
  evidence: RuleEvidence;
  model: ModelPrediction;
  verdict: Verdict;
}

export interface PostToScreen {
  text: string;
  context?: ScreeningContext;
}

export interface Screener {
  readonly languages: readonly string[];
  screen(text: string, context?: ScreeningContext): Verdict;
  /** `screen` for each post, in order: faster per post than one by one, for batches of a few hundred. */
  screenMany(posts: ReadonlyArray<PostToScreen>): Verdict[];
  /** Everything the pipeline computed, for evaluation and debugging. */
  analyze(text: string, context?: ScreeningContext): Analysis;
}

/** English is the lingua franca of mixed posts, so its pack runs as well unless no English shows. */
const ALWAYS_RUN = 'en';
/** fastText gives English at least this much when a post has any English in it. */
const ENGLISH_MIN = 0.002;
/** Below this confidence in the detected language, English always runs too. */
const CONFIDENT_LANG = 0.8;
/** Model probability from which benign cues are looked up even without a rule signal. */
const BENIGN_NEEDED_ABOVE = 0.2;
const LANG_ALIASES: Readonly<Record<string, string>> = { no: 'nb', nn: 'nb', ms: 'id' };

export async function createScreener(options: ScreenerOptions = {}): Promise<Screener> {
  const packs = loadPacks(options.packsDir ?? DEFAULT_PACKS_DIR, options.onPackError);
  const model = resolveModel(options.model === undefined ? DEFAULT_MODEL_PATH : options.model);
  const detector = options.languageDetector ?? new LanguageDetector(loadFastTextPredictor(), new Set(packs.keys()));
  return new PipelineScreener(packs, model, detector, { ...DEFAULT_THRESHOLDS, ...options.thresholds });
}

function resolveModel(model: string | LearnedModel | null): LearnedModel {
  if (model === null) return neutralModel();
  // Before the first training run there is no model file: rules decide alone.
  if (model === DEFAULT_MODEL_PATH && !existsSync(model)) return neutralModel();
  return typeof model === 'string' ? LearnedModel.load(model) : model;
}

export function normalizeLangHint(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const code = lang.toLowerCase().slice(0, 2);
  return LANG_ALIASES[code] ?? code;
}

/** A post normalised and with its language identified, before the packs run. */
interface ReadPost {
  norm: NormalizedText;
  language: LanguageGuess;
}

class PipelineScreener implements Screener {
  private readonly vocabulary = new Set<string>();
  private readonly masked: MaskedWordReader;
  /** Marker words that belong to one pack's language only (word → language). */
  private readonly markers: ReadonlyMap<string, string>;
  private readonly secondPerson = new Map<string, ReadonlySet<string>>();
  readonly languages: readonly string[];

  constructor(
    private readonly packs: ReadonlyMap<string, CompiledPack>,
    private readonly model: LearnedModel,
    private readonly detector: LanguageDetector,
    private readonly thresholds: Thresholds,
  ) {
    const harmful: string[] = [];
    for (const pack of packs.values()) {
      for (const w of pack.vocabulary) this.vocabulary.add(w);
      harmful.push(...pack.harm.words, ...pack.weapon.words);
      this.secondPerson.set(pack.lang, packInfo(pack).secondPerson);
    }
    // Sorted, so which packs are loaded first never changes how a masked word is read.
    this.masked = new MaskedWordReader(harmful.sort());
    this.markers = distinctiveMarkers(packs);
    this.languages = [...packs.keys()];
  }

  screen(text: string, context: ScreeningContext = {}): Verdict {
    return this.analyze(text, context).verdict;
  }

  analyze(text: string, context: ScreeningContext = {}): Analysis {
    return this.finish(this.read(text, context), context);
  }

  screenMany(posts: ReadonlyArray<PostToScreen>): Verdict[] {
    // Language identification runs for the whole batch first, then the packs: each stage then
    // finds its own tables still in the processor's caches (see docs/screening.md, Commands).
    const read = posts.map(({ text, context = {} }) => this.read(text, context));
    return read.map((r, i) => this.finish(r, posts[i]!.context ?? {}).verdict);
  }

  /** Normalises a post and identifies its language: the part of the work fastText does. */
  private read(text: string, context: ScreeningContext): ReadPost {
    const norm = normalize(text, this.vocabulary, this.masked);
    const language = this.detector.detect(detectionText(norm.tokens), normalizeLangHint(context.lang));
    return { norm, language };
  }

  private finish({ norm, language: guessed }: ReadPost, context: ScreeningContext): Analysis {
    // Slang, missing diacritics and short posts fool fastText; two marker words only one of our
    // languages uses ("gue … lo", "vc … pra") still run that language's pack, and may overrule an unsure guess.
    const counts = markerCounts(norm.tokens, this.markers);
    const marked = markedLanguages(counts);
    const { language, displaced } = overruleByMarkers(guessed, counts, marked);
    const langs = [...language.candidates];
    for (const lang of marked) if (!langs.includes(lang)) langs.push(lang);
    if (displaced && !langs.includes(displaced)) langs.push(displaced);
    const englishLikely = (language.scores?.get(ALWAYS_RUN) ?? 1) >= ENGLISH_MIN || language.confidence < CONFIDENT_LANG;
    if (this.packs.has(ALWAYS_RUN) && !langs.includes(ALWAYS_RUN) && englishLikely) langs.push(ALWAYS_RUN);

    const hints = targetHints(context);
    const packs: CompiledPack[] = [];
    for (const lang of langs) {
      const pack = this.packs.get(lang);
      if (pack) packs.push(pack);
    }
    // Languages that capitalise nouns ("Ich will Sommer!") get no capitalised-word names.
    const views = new PackViews(norm);
    const matches: PackMatches[] = packs.map((pack) => pack.matchSignals(views.for(pack), hints));
    const tags = mergeTags(matches, norm.tokens.length);
    const model = this.model.predict(norm.tokens, false, tags, norm.quoted);
    const jokeMarkers = norm.jokeMarkers - ordinaryWordsReadAsLaughter(norm.literalTokens, this.packs.get(language.lang));
    // English runs on every post for mixed ones, but its benign words ("var", "court") and its
    // endorsing phrases only count where English was detected; those of a language the markers
    // displaced count nowhere (a Spanish cue read into Indonesian slang is no excuse).
    const englishDetected = language.candidates.includes(ALWAYS_RUN);
    const cuesCount = (pack: CompiledPack): boolean => (pack.lang !== ALWAYS_RUN || englishDetected) && pack.lang !== displaced;
    // Benign cues can only lower a score; without a signal and with a confident model they change nothing.
    if (anyRuleFired(matches) || model.pViolent >= BENIGN_NEEDED_ABOVE || jokeMarkers > 0) {
      for (let i = 0; i < packs.length; i++) {
        const pack = packs[i]!;
        if (cuesCount(pack)) matches[i]!.benign = pack.matchBenign(views.for(pack), hints);
      }
    }
    const addressesMention = hasMention(norm.tokens) || hints.mentions.size > 0;
    const unquotedWords = countFalse(norm.quoted);
    // Only a quoted signal can be endorsed: most posts skip the search.
    const endorsements = anyQuotedSignal(matches) ? findEndorsements(norm.tokens, norm.quoted, norm.clause, endorsementLexicons(packs.filter(cuesCount))) : [];
    const evidence = summarize(matches, hints.mentions, addressesMention, unquotedWords, jokeMarkers, this.secondPerson, norm.clause, norm.quoted, endorsements);
    const instanceRules = context.instanceRules ?? [];
    const instanceHits = instanceRules.length > 0 ? matchInstanceRules(instanceRules, norm, [language.lang, ...langs]) : [];
    const verdict = decide({
      lang: language.lang,
      evidence,
      model,
      thresholds: context.thresholds ? { ...this.thresholds, ...context.thresholds } : this.thresholds,
      combiner: this.model.combiner,
      instanceHits,
      jokeMarkers,
    });
    if (verdict.decision !== 'allow') {
      // Naming the model's features costs time, so only flagged posts, which a moderator reads, get them.
      model.topFeatures = this.model.topFeatures(norm.tokens);
      if (model.topFeatures.length > 0) verdict.reasons.push(featureReason(model.topFeatures));
    }
    return { norm, tags, language, matches, evidence, model, verdict };
  }
}

/**
 * The normalised post as each pack sees it: languages that capitalise nouns get a copy without
 * capitalised-word names, built once per post and only if such a pack runs.
 */
class PackViews {
  private noNames: NormalizedText | undefined;

  constructor(private readonly norm: NormalizedText) {}

  for(pack: CompiledPack): NormalizedText {
    if (packInfo(pack).capitalisedNames) return this.norm;
    this.noNames ??= { ...this.norm, nameLike: this.norm.nameLike.map(() => false) };
    return this.noNames;
  }
}

/** What fastText reads: the words without @mentions (account names are no language). */
export function detectionText(tokens: readonly string[]): string {
  let out = '';
  let first = true;
  for (const t of tokens) {
    if (t.startsWith('@')) continue;
    out = first ? t : `${out} ${t}`;
    first = false;
  }
  return out;
}

/** The endorsing phrases (and the negations that undo them) of the packs whose cues count. */
function endorsementLexicons(packs: readonly CompiledPack[]): EndorsementLexicon[] {
  const lexicons: EndorsementLexicon[] = [];
  for (const pack of packs) {
    const { endorsements, negations } = packInfo(pack);
    if (endorsements.size > 0) lexicons.push({ phrases: endorsements, negations });
  }
  return lexicons;
}

function anyQuotedSignal(matches: readonly PackMatches[]): boolean {
  for (const m of matches) for (const s of m.signals) if (s.quoted) return true;
  return false;
}

function anyRuleFired(matches: readonly PackMatches[]): boolean {
  for (const m of matches) if (m.signals.length > 0 || m.planCues.length > 0) return true;
  return false;
}

function hasMention(tokens: readonly string[]): boolean {
  for (const t of tokens) if (t.length > 1 && t.startsWith('@')) return true;
  return false;
}

function countFalse(flags: readonly boolean[]): number {
  let n = 0;
  for (const f of flags) if (!f) n++;
  return n;
}

/** Hints of a post screened without mentions or names: one shared object, nothing to build. */
const NO_HINTS: TargetHints = { mentions: new Set(), knownNameWords: new Set() };

function targetHints(context: ScreeningContext): TargetHints {
  if (!context.mentions?.length && !context.knownNames?.length) return NO_HINTS;
  const mentions = new Set((context.mentions ?? []).map((m) => m.replace(/^@/u, '').toLowerCase()));
  const knownNameWords = new Set<string>();
  for (const name of context.knownNames ?? []) for (const w of name.toLowerCase().split(/\s+/u)) if (w.length > 1) knownNameWords.add(w);
  for (const m of mentions) knownNameWords.add(m.split('@')[0]!);
  return { mentions, knownNameWords };
}

/**
 * How many of the post's laughter words are ordinary words of its language ("jaja" in a Polish
 * post means eggs): the normaliser counted them as laughter before the language was known.
 */
function ordinaryWordsReadAsLaughter(literalTokens: readonly string[], pack: CompiledPack | undefined): number {
  const words = pack ? packInfo(pack).notLaughter : undefined;
  if (!words || words.size === 0) return 0;
  let n = 0;
  for (const w of literalTokens) if (words.has(w) && isLaughWord(w)) n++;
  return n;
}
