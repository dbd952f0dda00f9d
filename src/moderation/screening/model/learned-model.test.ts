import { describe, it, expect } from 'vitest';
import { DEFAULT_COMBINER } from '../decide.js';
import { extractFeatures } from './features.js';
import { decodeWeights, encodeWeights, LearnedModel, neutralModel } from './learned-model.js';

describe('extractFeatures', () => {
  it('is deterministic and bounded by the dimension', () => {
    const a = extractFeatures(['i', 'will', 'kill', 'you'], 1024);
    const b = extractFeatures(['i', 'will', 'kill', 'you'], 1024);
    expect([...a.indices]).toEqual([...b.indices]);
    expect(Math.max(...a.indices)).toBeLessThan(1024);
    expect(a.value).toBeCloseTo(1 / Math.sqrt(a.count));
  });

  it('adds class n-grams when tokens carry rule-pack classes', () => {
    const plain = extractFeatures(['i', 'will', 'kill', 'you'], 1 << 16);
    const tagged = extractFeatures(['i', 'will', 'kill', 'you'], 1 << 16, ['', '', 'harm', 'target']);
    expect(tagged.count).toBeGreaterThan(plain.count);
    // Different words of the same class share the class n-grams.
    const other = extractFeatures(['i', 'will', 'stab', 'him'], 1 << 16, ['', '', 'harm', 'target']);
    const shared = [...tagged.indices].filter((x) => other.indices.includes(x));
    expect(shared.length).toBeGreaterThan(plain.indices.filter((x) => extractFeatures(['i', 'will', 'stab', 'him'], 1 << 16).indices.includes(x)).length);
  });

  it('treats all mentions and numbers alike', () => {
    expect([...extractFeatures(['@anna'], 1024).indices]).toEqual([...extractFeatures(['@bob'], 1024).indices]);
    expect([...extractFeatures(['2024'], 1024).indices]).toEqual([...extractFeatures(['1999'], 1024).indices]);
  });
});

describe('LearnedModel', () => {
  it('round-trips weights through the file format', () => {
    const w = Float32Array.from([0.5, -1.25, 3]);
    expect([...decodeWeights(encodeWeights(w))]).toEqual([0.5, -1.25, 3]);
    const model = neutralModel();
    const again = LearnedModel.fromFile(JSON.parse(JSON.stringify(model.toFile())));
    expect(again.combiner).toEqual(DEFAULT_COMBINER);
  });

  it('a neutral model carries no evidence', () => {
    expect(neutralModel().predict(['kill', 'you']).pViolent).toBe(0.5);
  });

  it('the committed model separates a plain threat from an idiom', () => {
    const model = LearnedModel.load();
    const threat = model.predict(['i', 'will', 'kill', 'you', 'tonight']);
    const idiom = model.predict(['my', 'feet', 'are', 'killing', 'me']);
    expect(threat.pViolent).toBeGreaterThan(idiom.pViolent);
    expect(threat.topFeatures.length).toBeGreaterThan(0);
  });
});
