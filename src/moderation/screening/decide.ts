/**
 * Combines rule evidence, the learned model and instance rules into a Verdict.
 *
 * The score is a small logistic combination (the "combiner") of the model's log-odds, the rule
 * strength and the benign-cue strength; its weights are fitted by training on out-of-fold model
 * predictions and stored with the model. `hold` additionally needs both a strong rule match and a
 * confident model, so a post is only hidden when two independent signals agree.
 */
import type { InstanceRuleHit } from './instance-rules.js';
import type { ModelPrediction } from './model/learned-model.js';
import type { RuleEvidence } from './rule-evidence.js';
import type { Decision, Thresholds, Verdict, ViolentCategory } from './types.js';

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({ review: 0.5, hold: 0.9 });

export interface Combiner {
  bias: number;
  model: number;
  rule: number;
  benign: number;
  ruleTimesBenign: number;
  /**
   * Model probability from which a post is reviewed even when the combined score stays low:
   * rule packs are written from the training data, so the combiner over-trusts them there; this
   * threshold is chosen on honest out-of-fold model predictions instead. Absent: not used.
   */
  modelReview?: number;
  /**
   * Added to `bias` for posts in these languages. The weights are fitted on one language's rows
   * (see training), and the model's probabilities are not equally calibrated in every language: on
   * out-of-fold rows the same probability is less often violent in a language with fewer or
   * different training posts. Each offset recalibrates the model term for its language against
   * the reference language. Absent: 0.
   */
  languageBias?: Readonly<Record<string, number>>;
}

/** Used until a trained combiner is available: rules dominate, benign cues pull down. */
export const DEFAULT_COMBINER: Readonly<Combiner> = Object.freeze({ bias: -3, model: 1, rule: 6, benign: -3, ruleTimesBenign: -2 });

/** Benign cues may not lower a direct first-person threat at a mention by more than this. */
export const BENIGN_CAP_FOR_DIRECT_THREAT = 0.25;
export const HOLD_MIN_RULE = 0.85;
export const HOLD_MIN_MODEL = 0.8;
/** Any real benign cue (a quote, a report, an idiom, a joke) keeps a post out of hold. */
export const HOLD_MAX_BENIGN = 0.15;
/**
 * A strong first-person threat with no benign cue, quotation or joke reaches a moderator even when
 * the model disagrees: the model only knows the registers of its training posts (a formal threat
 * in a language whose training threats are all colloquial looks benign to it).
 */
export const REVIEW_MIN_THREAT_RULE = 0.9;
/**
 * The same for every other category, from the weights packs keep for constructions that are
 * violent whatever surrounds them ("not sacked, not jailed. Dead."): the model, which has seen
 * mostly news near such words, may be sure it is harmless. On the labelled data this changes no
 * decision; it is for the writing the data lacks.
 */
export const REVIEW_MIN_RULE = 0.95;
/**
 * A quoted signal the author endorsed after the quotation ('"we will hang them" and I agree') of at
 * least this strength reaches review: the model reads the quoted words as reported speech and may
 * score them low, and the words naming the quotation's source ("someone wrote") are benign cues.
 * Laughter keeps it out (a joke among friends). It is held only as an unquoted signal would be.
 */
export const REVIEW_MIN_ENDORSED = 0.7;
/** Below this rule strength, the category comes from the model's category head. */
const RULE_CATEGORY_MIN = 0.4;

export interface DecideInput {
  lang: string;
  evidence: RuleEvidence;
  model: ModelPrediction;
  thresholds: Thresholds;
  combiner: Combiner;
  instanceHits: readonly InstanceRuleHit[];
  /** Laughing emoji in the post: never hold a possible joke without a human. */
  jokeMarkers: number;
}

export function effectiveBenign(evidence: RuleEvidence): number {
  return evidence.directThreatAtMention ? Math.min(evidence.benign, BENIGN_CAP_FOR_DIRECT_THREAT) : evidence.benign;
}

export function ruleStrength(evidence: RuleEvidence): number {
  return evidence.top?.strength ?? 0;
}

/** The inputs of the combiner, shared with training so both see the same numbers. */
export function combinerFeatures(evidence: RuleEvidence, pViolent: number): [number, number, number, number] {
  const r = ruleStrength(evidence);
  const b = effectiveBenign(evidence);
  return [logit(pViolent), r, b, r * b];
}

/** The combiner's log-odds without the language offset. */
export function combinedLogit(features: readonly number[], c: Combiner): number {
  const [m = 0, r = 0, b = 0, rb = 0] = features;
  return c.bias + c.model * m + c.rule * r + c.benign * b + c.ruleTimesBenign * rb;
}

export function combinedScore(features: readonly number[], c: Combiner, lang?: string): number {
  const offset = lang === undefined ? 0 : (c.languageBias?.[lang] ?? 0);
  return sigmoid(combinedLogit(features, c) + offset);
}

export function decide(input: DecideInput): Verdict {
  const { evidence, model, thresholds } = input;
  const score = round(combinedScore(combinerFeatures(evidence, model.pViolent), input.combiner, input.lang));
  const r = ruleStrength(evidence);
  const b = effectiveBenign(evidence);

  let decision: Decision = 'allow';
  if (score >= thresholds.review) decision = 'review';
  const modelAlone = input.combiner.modelReview !== undefined && model.pViolent >= input.combiner.modelReview;
  if (modelAlone) decision = atLeast(decision, 'review');
  // A first-person threat aimed at a mentioned person reaches a moderator, whatever benign cue it
  // comes with ("I said I will kill you @x"), unless it is play: laughter or a game or sports cue,
  // with a combined score that is low anyway ("vou te matar kkkk @ana", "gonna destroy you in
  // Fortnite tonight @tim").
  const play = input.jokeMarkers > 0 || evidence.playCue;
  if (evidence.directThreatAtMention && !(play && score < thresholds.review)) decision = atLeast(decision, 'review');
  const doubt = b >= HOLD_MAX_BENIGN || evidence.quotedOnly || input.jokeMarkers > 0;
  const certainRule = r >= REVIEW_MIN_RULE || (evidence.top?.category === 'threat' && r >= REVIEW_MIN_THREAT_RULE);
  if (certainRule && !doubt) decision = atLeast(decision, 'review');
  const endorsed = evidence.endorsed;
  if (endorsed && endorsed.strength >= REVIEW_MIN_ENDORSED && input.jokeMarkers === 0) decision = atLeast(decision, 'review');
  if (score >= thresholds.hold && r >= HOLD_MIN_RULE && model.pViolent >= HOLD_MIN_MODEL && !doubt) decision = 'hold';

  const reasons = explain(input, r);
  let contentWarning: string | undefined;
  for (const hit of input.instanceHits) {
    reasons.push(`instance rule "${hit.rule.id}" (${hit.rule.action}): ${hit.rule.kind} "${hit.matched}"`);
    if (hit.rule.action === 'warn') contentWarning ??= `Content flagged by instance rule "${hit.rule.id}"`;
    else decision = atLeast(decision, hit.rule.action);
  }

  const category: ViolentCategory | null = decision === 'allow' ? null : chooseCategory(evidence, model, r);
  const verdict: Verdict = { decision, category, score, lang: input.lang, reasons };
  if (contentWarning !== undefined) verdict.contentWarning = contentWarning;
  return verdict;
}

function chooseCategory(evidence: RuleEvidence, model: ModelPrediction, r: number): ViolentCategory | null {
  if (evidence.top && r >= RULE_CATEGORY_MIN) return evidence.top.category;
  return model.category ?? evidence.top?.category ?? null;
}

const CATEGORY_LABEL: Record<ViolentCategory, string> = {
  threat: 'first-person threat',
  incitement: 'call to action',
  death_wish: 'death wish',
  plan: 'plan',
  glorification: 'glorification',
};

function explain(input: DecideInput, r: number): string[] {
  const { evidence, model } = input;
  const reasons: string[] = [];
  if (evidence.top) {
    const m = evidence.top.match;
    const parts = [`"${m.text}"`];
    if (m.harm) parts.push(`harm verb "${m.harm}"`);
    if (m.weapon) parts.push(`weapon "${m.weapon}"`);
    if (m.target) parts.push(`target "${m.target}"`);
    reasons.push(`${CATEGORY_LABEL[evidence.top.category]}: ${parts.join(' + ')} (rule ${r.toFixed(2)})`);
    if (evidence.quotedOnly) reasons.push('benign cue (quotation): the violent words are quoted');
    if (evidence.endorsed) reasons.push(`endorsed quotation: "${evidence.endorsed.text}" beside the quoted words makes them the author's own`);
  }
  if (evidence.planCues.length > 0 && evidence.categories.plan > 0) {
    reasons.push(`plan cues: ${evidence.planCues.map((c) => `"${c}"`).join(', ')}`);
  }
  if (input.jokeMarkers > 0) reasons.push('benign cue (joke): written laughter or a laughing emoji');
  if (evidence.topBenign) {
    const capped = evidence.directThreatAtMention && evidence.benign > BENIGN_CAP_FOR_DIRECT_THREAT;
    reasons.push(
      `benign cue (${evidence.topBenign.group}): "${evidence.topBenign.text}"${capped ? ' (limited: direct threat at a mention)' : ''}`,
    );
  }
  reasons.push(`model: p(violent)=${model.pViolent.toFixed(2)}`);
  if (model.topFeatures.length > 0) reasons.push(featureReason(model.topFeatures));
  return reasons;
}

export function featureReason(features: readonly string[]): string {
  return `model features: ${features.map((f) => `"${f}"`).join(', ')}`;
}

const RANK: Record<Decision, number> = { allow: 0, review: 1, hold: 2 };

function atLeast(current: Decision, floor: Decision): Decision {
  return RANK[floor] > RANK[current] ? floor : current;
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
