/**
 * Summarises the matches of one or more rule packs into evidence per violent category and
 * benign cue strength, which `decide` combines with the learned model.
 */
import type { PackMatches, RuleMatch } from './pack-matcher.js';
import type { PhraseSet } from './phrase-set.js';
import { PLAY_KINDS, VIOLENT_CATEGORIES, type BenignCueKind, type ViolentCategory } from './types.js';

export interface RuleEvidence {
  /** Strength per violent category, 0..1. */
  categories: Record<ViolentCategory, number>;
  /** Strongest category and its best match, if any signal fired. */
  top: { category: ViolentCategory; strength: number; match: RuleMatch } | null;
  /** Combined strength of the benign cues, 0..1. */
  benign: number;
  /** The strongest benign cue, for reasons. */
  topBenign: RuleMatch | null;
  planCues: string[];
  /** A first-person threat aimed at an @mention: benign cues may not whitewash it. */
  directThreatAtMention: boolean;
  /** The strongest signal was inside quotation marks in a post that also says something else. */
  quotedOnly: boolean;
  /** A game or sports cue fired: talk of beating someone may be about play. */
  playCue: boolean;
  /**
   * A quoted signal the author endorsed after the closing mark ('"we will hang them" and I agree'):
   * the strongest such signal's weight and the endorsing words. It counts as the author's own.
   */
  endorsed: { strength: number; text: string } | null;
}

/** Extra strength that further independent signals of the same category add to the strongest one. */
const CORROBORATION = 0.3;
const PLAN_CUE_STEP = 0.08;
const PLAN_CUE_CAP = 0.3;
const DIRECT_THREAT_WEIGHT = 0.85;
/** Quoted violent words in a post that comments on them are usually reported or condemned speech. */
const QUOTED_FACTOR = 0.6;
const PLAN_FROM_CUES_MIN = 2;
/** Quoting counts as a benign cue of this strength (reported or condemned speech). */
const QUOTED_BENIGN = 0.5;
/** Laughing emoji count as a benign cue of this strength (hyperbole among friends). */
const JOKE_BENIGN = 0.3;

export function emptyEvidence(): RuleEvidence {
  return {
    categories: { threat: 0, incitement: 0, death_wish: 0, plan: 0, glorification: 0 },
    top: null,
    benign: 0,
    topBenign: null,
    planCues: [],
    directThreatAtMention: false,
    quotedOnly: false,
    playCue: false,
    endorsed: null,
  };
}

/**
 * Benign cues that frame the whole post (a game, a match, a novel, a war long ago, a recipe, a
 * program) or explain a figure of speech, which packs often write as the context the figure
 * needs ("a che ora arrivi? vengo a prenderti"): they speak for every clause. The other kinds
 * (reporting, condemnation, lawful criticism) are about their own clause and what it governs: "these posts should be
 * reported for saying they should be shot" is one clause, "these posts should be reported, and
 * whoever wrote them should be shot" two, and the cue does not excuse the second.
 */
const FRAME_KINDS: ReadonlySet<string> = new Set<BenignCueKind>(['sports', 'gaming', 'fiction', 'history', 'cooking', 'computing', 'idiom']);
/**
 * A signal stands on its own in a later clause only when it is a construction violent in itself:
 * weaker ones ("do the same", "I know his address") lean on what came before, cues included.
 */
const STANDALONE_SIGNAL = 0.8;

/** Second-person pronouns used for a pack that does not list its own. */
export const DEFAULT_SECOND_PERSON: ReadonlySet<string> = new Set(['you', 'u', 'ya']);

/**
 * @param mentions accounts the post mentions (lower case, without '@')
 * @param addressesMention whether the post contains an @mention, so "you" is aimed at a person
 * @param secondPerson per pack language, its second-person pronouns ("you", "du", "cię", …)
 */
export function summarize(
  all: readonly PackMatches[],
  mentions: ReadonlySet<string>,
  addressesMention: boolean,
  unquotedWords = Infinity,
  jokeMarkers = 0,
  secondPerson: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  clause: readonly number[] = [],
  quotedTokens: readonly boolean[] = [],
  endorsements: readonly Endorsement[] = [],
): RuleEvidence {
  const ev = emptyEvidence();
  const commentsOnQuote = unquotedWords >= 3;
  let violentWords = 0;
  const byCategory = new Map<ViolentCategory, RuleMatch[]>();
  const cues = new Set<string>();
  const langOf = new Map<RuleMatch, string>();
  const allBenign: RuleMatch[] = [];
  for (const pm of all) {
    allBenign.push(...withoutCuesInsideSignals(pm.benign, pm.signals));
    for (const c of pm.planCues) cues.add(c);
  }
  let benignMatches: readonly RuleMatch[] = allBenign;
  for (const pm of all) {
    violentWords += pm.violentWords.length;
    for (const raw of pm.signals) {
      const endorsement = raw.quoted && endorsements.length > 0 ? endorsementOf(raw, endorsements, benignMatches, quotedTokens, clause) : null;
      let m = raw;
      if (endorsement) {
        // The author made the quoted words their own: they weigh as if unquoted.
        m = withoutQuote(raw);
        if (!ev.endorsed || raw.weight > ev.endorsed.strength) ev.endorsed = { strength: raw.weight, text: endorsement.text };
      } else if (raw.quoted && commentsOnQuote) m = { ...raw, weight: raw.weight * QUOTED_FACTOR };
      const list = byCategory.get(m.group as ViolentCategory) ?? [];
      langOf.set(m, pm.lang);
      list.push(m);
      byCategory.set(m.group as ViolentCategory, list);
    }
  }
  ev.planCues = [...cues];
  // Endorsing words are no cue of their own ("finally someone said it" is not a report).
  if (ev.endorsed) benignMatches = benignMatches.filter((b) => !endorsements.some((e) => b.start < e.end && e.start < b.end));

  for (const category of VIOLENT_CATEGORIES) {
    const matches = byCategory.get(category) ?? [];
    ev.categories[category] = combine(distinctSpans(matches).map((m) => m.weight));
  }
  const anySignal = byCategory.size > 0;
  if (!anySignal && violentWords > 0 && ev.planCues.length >= PLAN_FROM_CUES_MIN) {
    // Logistics (time, place, roles) around a weapon or harm verb read as a plan even without a pattern.
    ev.categories.plan = Math.min(0.7, 0.2 + PLAN_CUE_STEP * 1.5 * ev.planCues.length);
  } else if (anySignal && ev.planCues.length > 0) {
    // Time, place and logistics make violent talk concrete: they strengthen a plan.
    const boost = Math.min(PLAN_CUE_CAP, PLAN_CUE_STEP * ev.planCues.length);
    const violentMax = Math.max(...VIOLENT_CATEGORIES.map((c) => ev.categories[c]));
    ev.categories.plan = ev.categories.plan > 0 ? Math.min(0.97, ev.categories.plan + boost) : Math.min(violentMax, boost * 1.5);
  }

  for (const category of VIOLENT_CATEGORIES) {
    const strength = ev.categories[category];
    if (strength > 0 && (!ev.top || strength > ev.top.strength)) {
      const best = (byCategory.get(category) ?? []).reduce<RuleMatch | undefined>((a, m) => (!a || m.weight > a.weight ? m : a), undefined);
      const cues: RuleMatch = { group: 'plan', source: 'plan cues', weight: strength, start: 0, end: 0, text: ev.planCues.join(', ') };
      ev.top = { category, strength, match: best ?? cues };
    }
  }
  ev.quotedOnly = ev.top?.match.quoted === true && commentsOnQuote;

  const counted = cuesForDecisiveSignal(benignMatches, [...byCategory.values()].flat(), clause, quotedTokens);
  ev.benign = combine([...distinctKinds(distinctSpans(counted)), ...(ev.quotedOnly ? [QUOTED_BENIGN] : []), ...(jokeMarkers > 0 ? [JOKE_BENIGN] : [])]);
  ev.playCue = counted.some((m) => PLAY_KINDS.has(m.group));
  ev.topBenign = counted.reduce<RuleMatch | null>((a, m) => (!a || m.weight > a.weight ? m : a), null);
  ev.directThreatAtMention = (byCategory.get('threat') ?? []).some(
    (m) =>
      m.weight >= DIRECT_THREAT_WEIGHT &&
      // Patterns that spell the pronoun out ("ich bring dich um") have no {target}: their words are looked at instead.
      (m.target !== undefined ? [m.target] : m.text.trim().split(/\s+/u)).some((t) =>
        isMention(t, mentions, addressesMention, secondPerson.get(langOf.get(m) ?? '') ?? DEFAULT_SECOND_PERSON),
      ),
  );
  return ev;
}

function withoutQuote(m: RuleMatch): RuleMatch {
  const { quoted: _quoted, ...rest } = m;
  return rest;
}

/** An endorsing phrase of the author's in the post, tokens [start, end). */
export interface Endorsement {
  start: number;
  end: number;
  text: string;
}

/** A pack's endorsing phrases and the negations that undo them ("not exactly", "nie ma racji"). */
export interface EndorsementLexicon {
  phrases: PhraseSet;
  negations: ReadonlySet<string>;
}

/** How many words before an endorsing phrase a negation of its clause undoes it ("I do not agree"). */
const ENDORSEMENT_NEGATION_REACH = 2;
/** At most this many of the author's words stand before the phrase in its clause ('"…" he said, and he's right'). */
const ENDORSEMENT_MAX_BEFORE = 4;
/** At most this many words follow it in its clause: "exactly the kind of post that gets people hurt" agrees with nothing. */
const ENDORSEMENT_MAX_AFTER = 5;
/**
 * An endorsing phrase that introduces a quotation has at most this many of the author's words
 * before it in its clause ("and honestly I agree: …") and between it and the opening mark
 * ('I agree with this: "…"').
 */
const ENDORSEMENT_MAX_INTRO = 2;
/** A cue this close to the quotation, in its clause, names its source ("someone wrote", "people saying", '"…" he said'). */
const QUOTE_NEIGHBOURS = 3;

/**
 * The post's unquoted endorsing phrases ("i agree", "genau so", "ma rację"), at most one per
 * position (the longest of the first lexicon that has one), less those a negation of the same
 * clause undoes: up to two words before ("not exactly", "ikke enig") or right after ("klopt
 * niet", "stimmt nicht"). A post without quotation marks has none worth looking for.
 */
export function findEndorsements(
  tokens: readonly string[],
  quoted: readonly boolean[],
  clause: readonly number[],
  lexicons: readonly EndorsementLexicon[],
): Endorsement[] {
  if (lexicons.length === 0 || !quoted.includes(true)) return [];
  const found: Endorsement[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (quoted[i]) continue;
    for (const { phrases, negations } of lexicons) {
      const end = phrases.matchAt(tokens, i)[0];
      if (end === undefined || quoted.slice(i, end).includes(true)) continue;
      const sameClause = (k: number): boolean => k >= 0 && k < tokens.length && clause[k] === clause[i];
      let negated = sameClause(end) && negations.has(tokens[end]!);
      for (let k = i - 1; k >= i - ENDORSEMENT_NEGATION_REACH && !negated; k--) negated = sameClause(k) && negations.has(tokens[k]!);
      if (!negated) {
        found.push({ start: i, end, text: tokens.slice(i, end).join(' ') });
        break;
      }
    }
  }
  return found;
}

/**
 * The endorsement that makes a quoted signal the author's own, or null. It stands after the
 * closing mark of the signal's quotation, in the clause the author's words after the quotation
 * start in or the next one (clauses as `NormalizedText.clause` numbers them), among the first
 * words of its clause and near its end, with no other quotation between ('"we will hang them" and
 * I agree', '„Hängt sie alle" – genau so!', 'Someone wrote "…". Exactly.'); or it introduces the
 * quotation, among the first words of its clause and at most two words before the opening mark,
 * in the same clause ('I agree: "…"', 'Genau so: „…"'). No endorsement counts when the post frames
 * the quotation as fiction, a game, history or a figure of speech; when the author answers it
 * lawfully after it; or when the author condemns it anywhere, or reports it after it ('"hang
 * them" — disgusting, reported'), other than in the words that name its source beside it
 * ("someone wrote", "people saying" before it; a report such as '"…" he said' after it). Cues
 * inside quotation marks are the quoted words, not the author's; cues on the endorsing words
 * themselves ("finally someone said it") do not count.
 */
function endorsementOf(
  signal: RuleMatch,
  endorsements: readonly Endorsement[],
  benign: readonly RuleMatch[],
  quoted: readonly boolean[],
  clause: readonly number[],
): Endorsement | null {
  if (signal.end <= signal.start || !quoted[signal.start] || clause.length === 0) return null;
  let open = signal.start;
  while (open > 0 && quoted[open - 1]) open--;
  let close = signal.start;
  while (close < quoted.length && quoted[close]) close++;
  // A quotation that ends the post can only have been endorsed before it.
  const endsPost = close >= quoted.length;
  const from = Math.max(close, signal.end);
  const endorsement = endorsements.find((e) => {
    if (e.end <= open) return introducesQuotation(e, open, quoted, clause);
    if (endsPost || e.start < from || clause[e.start]! > clause[close]! + 1) return false;
    for (let k = close; k < e.start; k++) if (quoted[k]) return false;
    let clauseStart = e.start;
    while (clauseStart > close && clause[clauseStart - 1] === clause[e.start]) clauseStart--;
    let after = 0;
    for (let k = e.end; k < clause.length && clause[k] === clause[e.end - 1]; k++) after++;
    return e.start - clauseStart <= ENDORSEMENT_MAX_BEFORE && after <= ENDORSEMENT_MAX_AFTER;
  });
  if (!endorsement) return null;
  for (const cue of benign) {
    if (FRAME_KINDS.has(cue.group)) return null;
    // A regex cue has no place in the post: it may be the author's answer after the quotation.
    if (cue.end <= cue.start) return null;
    if (quoted[cue.start] || endorsements.some((e) => cue.start < e.end && e.start < cue.end)) continue;
    if (cue.group === 'lawful') {
      if (cue.start >= close) return null;
      continue;
    }
    // Words that name the quotation's source beside it ("someone wrote", "people saying", '"…" he said').
    // After the quotation only a reporting cue names a source: '"…" — disgusting' condemns it.
    const attribution =
      (cue.start < open && open - cue.end <= QUOTE_NEIGHBOURS && clause[Math.min(cue.end, open) - 1] === clause[open]) ||
      (cue.group === 'reporting' && cue.start >= close && cue.start - close <= QUOTE_NEIGHBOURS && clause[cue.start] === clause[close]);
    if (attribution) continue;
    if (cue.group === 'condemnation' || cue.start >= close) return null;
  }
  return endorsement;
}

/** Whether an endorsing phrase before a quotation opens its clause and leads straight into the quotation. */
function introducesQuotation(e: Endorsement, open: number, quoted: readonly boolean[], clause: readonly number[]): boolean {
  if (open - e.end > ENDORSEMENT_MAX_INTRO) return false;
  for (let k = e.end; k < open; k++) if (quoted[k]) return false;
  // The quotation opens in the endorsing phrase's clause: 'I agree! "…", they chanted' agrees with something else.
  for (let k = e.end; k <= open; k++) if (clause[k] !== clause[e.start]) return false;
  let clauseStart = e.start;
  while (clauseStart > 0 && !quoted[clauseStart - 1] && clause[clauseStart - 1] === clause[e.start]) clauseStart--;
  return e.start - clauseStart <= ENDORSEMENT_MAX_INTRO;
}

function isMention(target: string, mentions: ReadonlySet<string>, addressesMention: boolean, you: ReadonlySet<string>): boolean {
  return target.startsWith('@') || mentions.has(target) || (addressesMention && you.has(target));
}

/**
 * Whether a benign cue speaks for a signal. A cue of a clause-bound kind that ends in an earlier
 * clause than the one the signal starts in does not ("should be reported and deleted, and whoever
 * wrote them should be shot"; "… reported. Whoever wrote them should be shot."). Frame cues,
 * regex cues and regex signals (no word span) speak for every signal, and every cue speaks for a
 * signal that starts inside quotation marks.
 */
export function cueApplies(cue: RuleMatch, signal: RuleMatch, clause: readonly number[], quotedTokens: readonly boolean[] = []): boolean {
  if (FRAME_KINDS.has(cue.group) || cue.end <= cue.start || signal.end <= signal.start) return true;
  // A signal that starts inside quotation marks is someone else's words, or words mentioned: the
  // author's cue before it still speaks for it ('Hate kills. Behind every "die" is a person').
  if (quotedTokens[signal.start] === true) return true;
  if (cue.end > signal.start) return true;
  const cueClause = clause[cue.end - 1];
  const signalClause = clause[signal.start];
  return cueClause === undefined || signalClause === undefined || signalClause <= cueClause;
}

/**
 * The benign cues that count: those speaking for the decisive signal, the one that stands
 * strongest once the cues speaking for it are taken off (its weight less their noisy-or, one cue
 * per kind). Only a signal of at least STANDALONE_SIGNAL can escape a cue of an earlier clause. A post whose cues speak for every signal, as most do, keeps all of them; a post
 * without a signal (the model alone) keeps all of them too.
 */
export function cuesForDecisiveSignal(
  benign: readonly RuleMatch[],
  signals: readonly RuleMatch[],
  clause: readonly number[],
  quotedTokens: readonly boolean[] = [],
): readonly RuleMatch[] {
  if (benign.length === 0 || signals.length === 0 || clause.length === 0) return benign;
  let best: readonly RuleMatch[] = benign;
  let bestNet = -Infinity;
  for (const s of signals) {
    const applying = benign.filter((b) => cueApplies(b, s, clause, quotedTokens));
    if (applying.length < benign.length && s.weight < STANDALONE_SIGNAL) continue;
    const net = s.weight - combine(distinctKinds(distinctSpans(applying)));
    if (net > bestNet) {
      bestNet = net;
      best = applying;
    }
  }
  return best;
}

/**
 * One phrase is not violent and benign at once. A benign cue made only of words a violent pattern
 * spells out itself is part of that construction ("geen *bedreiging* maar een belofte", "a
 * *tragedy*, I call it justice"): it does not count. A cue on words the pattern left open (a gap
 * or a class: "ik ga die *schimmel* uitroeien") still does. Regex matches carry no word span.
 */
export function withoutCuesInsideSignals(benign: readonly RuleMatch[], signals: readonly RuleMatch[]): readonly RuleMatch[] {
  // Most posts have no signal at all: no array is built for them.
  if (benign.length === 0 || !signals.some((s) => s.end > s.start)) return benign;
  const spanned = signals.filter((s) => s.end > s.start);
  return benign.filter((b) => b.end <= b.start || !spanned.some((s) => spellsOut(s, b.start, b.end)));
}

/** Whether the signal's own words cover tokens [from, to). */
function spellsOut(signal: RuleMatch, from: number, to: number): boolean {
  if (from < signal.start || to > signal.end) return false;
  const open = signal.open ?? [];
  for (let k = 0; k + 1 < open.length; k += 2) if (open[k]! < to && from < open[k + 1]!) return false;
  return true;
}

/** Strongest weight plus a share of the others' noisy-or: corroboration helps, but weak signals do not pile up to certainty. */
export function combine(weights: readonly number[]): number {
  if (weights.length === 0) return 0;
  const sorted = [...weights].sort((a, b) => b - a);
  const top = sorted[0]!;
  const rest = 1 - sorted.slice(1).reduce((acc, w) => acc * (1 - w), 1);
  return Math.min(1, top + (1 - top) * CORROBORATION * rest);
}

/**
 * Overlapping matches count once (the strongest), so one phrase is not counted twice: signals of
 * one category, and benign cues of any kind ("the prosecutor" as a report and as a role).
 */
function distinctSpans(matches: readonly RuleMatch[]): RuleMatch[] {
  const sorted = [...matches].sort((a, b) => b.weight - a.weight);
  const kept: RuleMatch[] = [];
  for (const m of sorted) {
    const overlaps = kept.some((k) => m.end > k.start && m.start < k.end && !(m.start === 0 && m.end === 0));
    if (!overlaps) kept.push(m);
  }
  return kept;
}

/** Benign strength: the strongest cue per kind, so many weak words of one kind do not add up. */
function distinctKinds(matches: readonly RuleMatch[]): number[] {
  const best = new Map<string, number>();
  for (const m of matches) best.set(m.group, Math.max(best.get(m.group) ?? 0, m.weight));
  return [...best.values()];
}
