import { describe, it, expect } from 'vitest';
import { BENIGN_CAP_FOR_DIRECT_THREAT, decide, DEFAULT_COMBINER, DEFAULT_THRESHOLDS, effectiveBenign, type DecideInput } from './decide.js';
import type { ModelPrediction } from './model/learned-model.js';
import { emptyEvidence, type RuleEvidence } from './rule-evidence.js';

function evidence(strength: number, benign = 0, direct = false): RuleEvidence {
  const ev = emptyEvidence();
  if (strength > 0) {
    ev.categories.threat = strength;
    ev.top = { category: 'threat', strength, match: { group: 'threat', source: 'i will {harm} {target}', weight: strength, start: 0, end: 4, text: 'i will kill you', harm: 'kill', target: '@anna' } };
  }
  if (benign > 0) {
    ev.benign = benign;
    ev.topBenign = { group: 'reporting', source: 'according to', weight: benign, start: 0, end: 2, text: 'according to' };
  }
  ev.directThreatAtMention = direct;
  return ev;
}
const model = (pViolent: number): ModelPrediction => ({ pViolent, category: 'incitement', topFeatures: ['kill'] });
const input = (ev: RuleEvidence, p: number, extra: Partial<DecideInput> = {}): DecideInput => ({
  lang: 'en', evidence: ev, model: model(p), thresholds: { ...DEFAULT_THRESHOLDS }, combiner: { ...DEFAULT_COMBINER }, instanceHits: [], jokeMarkers: 0, ...extra,
});

describe('decide', () => {
  it('holds only when a strong rule and a confident model agree', () => {
    expect(decide(input(evidence(0.95), 0.95)).decision).toBe('hold');
    expect(decide(input(evidence(0.95), 0.5)).decision).toBe('review');
    expect(decide(input(evidence(0), 0.99)).decision).not.toBe('hold');
  });

  it('never holds a post with a benign cue, a quote or a laughing emoji', () => {
    expect(decide(input(evidence(0.95, 0.2), 0.95)).decision).toBe('review');
    expect(decide(input(evidence(0.95), 0.95, { jokeMarkers: 1 })).decision).toBe('review');
    const quoted = evidence(0.95);
    quoted.quotedOnly = true;
    expect(decide(input(quoted, 0.95)).decision).toBe('review');
  });

  it('reviews a strong first-person threat without any benign cue even when the model disagrees', () => {
    const trained = { bias: -0.4, model: 0.8, rule: 5.4, benign: -4, ruleTimesBenign: -1.6 };
    expect(decide(input(evidence(0.92), 0.001, { combiner: trained })).decision).toBe('review');
    expect(decide(input(evidence(0.92, 0.3), 0.001, { combiner: trained })).decision).toBe('allow');
    expect(decide(input(evidence(0.92), 0.001, { combiner: trained, jokeMarkers: 1 })).decision).toBe('allow');
    expect(decide(input(evidence(0.8), 0.001, { combiner: trained })).decision).toBe('allow');
  });

  it('reviews a near-certain rule of any category without any benign cue even when the model disagrees', () => {
    const trained = { bias: -0.4, model: 0.8, rule: 5.4, benign: -4, ruleTimesBenign: -1.6 };
    const deathWish = (strength: number, benign = 0): RuleEvidence => {
      const ev = evidence(strength, benign);
      ev.top = { ...ev.top!, category: 'death_wish' };
      return ev;
    };
    expect(decide(input(deathWish(0.96), 0.001, { combiner: trained })).decision).toBe('review');
    expect(decide(input(deathWish(0.92), 0.001, { combiner: trained })).decision).toBe('allow');
    expect(decide(input(deathWish(0.96, 0.3), 0.001, { combiner: trained })).decision).toBe('allow');
  });

  it("adds the post's language offset to the combiner's bias, and only that language's", () => {
    const trained = { bias: 0.6, model: 0.8, rule: 3.3, benign: -4, ruleTimesBenign: -1.1, languageBias: { es: -0.7 } };
    // logit(0.4) * 0.8 + 0.6 ≈ 0.28 → score 0.57 without an offset; −0.7 brings it to 0.40.
    const en = decide(input(evidence(0), 0.4, { combiner: trained, lang: 'en' }));
    const es = decide(input(evidence(0), 0.4, { combiner: trained, lang: 'es' }));
    expect(en.decision).toBe('review');
    expect(es.decision).toBe('allow');
    expect(es.score).toBeLessThan(en.score);
    expect(decide(input(evidence(0), 0.4, { combiner: trained, lang: 'pl' })).score).toBe(en.score);
  });

  it('allows posts without evidence', () => {
    const v = decide(input(evidence(0), 0.1));
    expect(v).toMatchObject({ decision: 'allow', category: null, lang: 'en' });
  });

  it('lets benign cues lower the score', () => {
    const plain = decide(input(evidence(0.9), 0.6)).score;
    const reported = decide(input(evidence(0.9, 0.8), 0.6)).score;
    expect(reported).toBeLessThan(plain);
  });

  it('caps benign cues for a direct first-person threat at a mention', () => {
    expect(effectiveBenign(evidence(0.9, 0.8, true))).toBe(BENIGN_CAP_FOR_DIRECT_THREAT);
    expect(decide(input(evidence(0.92, 0.8, true), 0.6)).decision).not.toBe('allow');
  });

  it('reviews a direct threat at a mention whatever its benign cue, unless it is play the score already allows', () => {
    const trained = { bias: -0.4, model: 0.8, rule: 5.4, benign: -4, ruleTimesBenign: -1.6 };
    const atMention = (play: boolean) => {
      const ev = evidence(0.86, 0.6, true);
      ev.playCue = play;
      return ev;
    };
    // The model is sure it is banter: a low score, and laughter or a game cue.
    expect(decide(input(atMention(false), 0.001, { combiner: trained })).decision).toBe('review');
    expect(decide(input(atMention(true), 0.001, { combiner: trained })).decision).toBe('allow');
    expect(decide(input(atMention(false), 0.001, { combiner: trained, jokeMarkers: 1 })).decision).toBe('allow');
    // Play words do not excuse a threat the combined score finds likely.
    expect(decide(input(atMention(true), 0.9, { combiner: trained })).decision).toBe('review');
  });

  it('reviews an endorsed quotation of a strong signal whatever the model says, and holds it only as an unquoted one', () => {
    const trained = { bias: -0.4, model: 0.8, rule: 5.4, benign: -4, ruleTimesBenign: -1.6 };
    const endorsed = (strength: number, benign = 0): RuleEvidence => {
      const ev = evidence(strength, benign);
      ev.endorsed = { strength, text: 'i agree' };
      return ev;
    };
    // The model reads the quoted words as reported speech; a report naming the source remains a cue.
    expect(decide(input(endorsed(0.86, 0.5), 0.01, { combiner: trained })).decision).toBe('review');
    expect(decide(input(evidence(0.86, 0.5), 0.01, { combiner: trained })).decision).toBe('allow');
    expect(decide(input(endorsed(0.86, 0.5), 0.01, { combiner: trained })).reasons).toContain(
      'endorsed quotation: "i agree" beside the quoted words makes them the author\'s own',
    );
    // Laughter, or a weak signal, gets no floor.
    expect(decide(input(endorsed(0.86, 0.5), 0.01, { combiner: trained, jokeMarkers: 1 })).decision).toBe('allow');
    expect(decide(input(endorsed(0.6, 0.5), 0.01, { combiner: trained })).decision).toBe('allow');
    // Held like any unquoted signal: a confident model and no benign cue.
    expect(decide(input(endorsed(0.95), 0.95)).decision).toBe('hold');
    expect(decide(input(endorsed(0.95, 0.2), 0.95)).decision).toBe('review');
  });

  it('takes the category from rules, or from the model head when rules are silent', () => {
    expect(decide(input(evidence(0.9), 0.9)).category).toBe('threat');
    expect(decide(input(evidence(0), 0.999)).category).toBe('incitement');
  });

  it('respects instance thresholds', () => {
    const strict = decide(input(evidence(0.5), 0.5, { thresholds: { review: 0.99, hold: 0.999 } }));
    expect(strict.decision).toBe('allow');
  });

  it('explains itself in readable reasons', () => {
    const v = decide(input(evidence(0.92, 0.5), 0.93));
    expect(v.reasons[0]).toBe('first-person threat: "i will kill you" + harm verb "kill" + target "@anna" (rule 0.92)');
    expect(v.reasons).toContain('benign cue (reporting): "according to"');
    expect(v.reasons).toContain('model: p(violent)=0.93');
    expect(v.reasons).toContain('model features: "kill"');
  });

  it('applies instance rules: warn adds a content warning, review and hold raise the decision', () => {
    const rule = { id: 'r1', lang: null, kind: 'word' as const, pattern: 'ballot', action: 'hold' as const };
    const held = decide(input(evidence(0), 0.1, { instanceHits: [{ rule, matched: 'ballot' }] }));
    expect(held.decision).toBe('hold');
    expect(held.reasons).toContain('instance rule "r1" (hold): word "ballot"');
    const warned = decide(input(evidence(0), 0.1, { instanceHits: [{ rule: { ...rule, action: 'warn' }, matched: 'ballot' }] }));
    expect(warned.decision).toBe('allow');
    expect(warned.contentWarning).toMatch(/r1/);
  });
});
