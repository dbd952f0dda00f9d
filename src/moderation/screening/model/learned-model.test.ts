import { describe, it, expect } from 'vitest';
import { DEFAULT_COMBINER } from '../decide.js';
import { VIOLENT_CATEGORIES } from '../types.js';
import { extractFeatures, featureToken } from './features.js';
import { decodeWeights, dot, encodeWeights, interleave, LearnedModel, neutralModel, sigmoid } from './learned-model.js';

/** The feature definition the committed model was trained on, written the plain way (joined strings). */
function referenceFeatures(tokens: readonly string[], dim: number, tags?: readonly string[], quoted?: readonly boolean[]): number[] {
  const hash = (seed: number, s: string, h0 = 0x811c9dc5): number => {
    let h = (h0 ^ seed) >>> 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const mask = dim - 1;
  const out: number[] = [];
  const words = tokens.map(featureToken);
  if (tags && tags.some((t) => t !== '')) {
    const abstract = words.map((w, i) => (tags[i] ? `<${tags[i]}>` : w));
    const tagged = (k: number): boolean => (tags[k] ?? '') !== '';
    for (let i = 0; i < abstract.length; i++) {
      const [a, b, c] = [abstract[i]!, abstract[i + 1], abstract[i + 2]];
      if (tagged(i)) out.push(hash(0x9e3779b1, a) & mask);
      if (b !== undefined && (tagged(i) || tagged(i + 1))) out.push(hash(0x27d4eb2f, `${a} ${b}`) & mask);
      if (c !== undefined && (tagged(i) || tagged(i + 1) || tagged(i + 2))) out.push(hash(0x165667b1, `${a} ${b} ${c}`) & mask);
    }
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '@') continue;
    out.push(hash(quoted?.[i] ? 0xd3a2646c : 0x9e3779b1, w) & mask);
    if (i + 1 < words.length) out.push(hash(0x85ebca77, words[i + 1]!, hash(0x85ebca77, w + ' ')) & mask);
    if (w.startsWith('#')) continue;
    const padded = ` ${w} `;
    for (let start = 0; start < padded.length; start++) {
      for (let len = 3; len <= 5 && start + len <= padded.length; len++) out.push((hash(0xc2b2ae3d, padded.slice(start, start + len)) ^ len) & mask);
    }
  }
  return out;
}

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

  it('computes the same hashes as joining the n-grams into strings would', () => {
    const tokens = ['i', 'will', 'kill', '@anna', 'at', '9pm', 'żółw', 'the', 'judge', '🔥', 'x'];
    const tags = ['', '', 'harm', 'target', '', '', '', '', 'target', '', 'weapon'];
    const quoted = [false, false, true, true, false, false, false, false, false, false, false];
    for (const [t, q] of [[undefined, undefined], [tags, undefined], [tags, quoted], [tags.map(() => ''), quoted]] as const) {
      expect([...extractFeatures(tokens, 1 << 17, t, q).indices]).toEqual(referenceFeatures(tokens, 1 << 17, t, q));
    }
    expect([...extractFeatures(['kill'], 1 << 17, ['harm']).indices]).toEqual(referenceFeatures(['kill'], 1 << 17, ['harm']));
    expect(extractFeatures([], 1024).count).toBe(0);
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

  it('predicts what `dot` gives per head', () => {
    const model = LearnedModel.load();
    const tokens = ['i', 'will', 'kill', 'you', 'tonight', 'at', 'the', 'station'];
    const tags = ['', '', 'harm', 'target', '', '', '', ''];
    const fv = model.features(tokens, tags);
    const scores = VIOLENT_CATEGORIES.map((c) => dot(model.categories[c], fv, model.categoryDim));
    const prediction = model.predict(tokens, false, tags);
    expect(prediction.pViolent).toBe(sigmoid(dot(model.binary, fv, model.dim)));
    expect(prediction.category).toBe(VIOLENT_CATEGORIES[scores.indexOf(Math.max(...scores))]);
  });

  it('interleaves weight arrays bucket by bucket', () => {
    expect([...interleave([Float32Array.from([1, 2]), Float32Array.from([3, 4])], 2)]).toEqual([1, 3, 2, 4]);
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
