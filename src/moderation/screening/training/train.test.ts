import { describe, it, expect } from 'vitest';
import { combinedScore } from '../decide.js';
import type { Example } from './dataset.js';
import { averageHeads, modelAloneThreshold, onePerText, trainModel } from './train.js';

const texts: Array<[string, 'violent' | 'benign']> = [
  ['i will kill you tonight', 'violent'], ['someone should hang the judge', 'violent'], ['we will burn your house down', 'violent'],
  ['the mayor deserves a bullet', 'violent'], ['bring rifles to the gate at 9pm', 'violent'], ['i am going to stab him', 'violent'],
  ['my feet are killing me', 'benign'], ['kill the process and restart', 'benign'], ['the minister must resign', 'benign'],
  ['we slaughtered them in the second half', 'benign'], ['chop the onions finely', 'benign'], ['great film about a hitman', 'benign'],
];
const examples: Example[] = texts.flatMap(([text, label], i) =>
  [0, 1].map((k) => ({
    id: `x-${i}-${k}`, lang: 'en', text: k ? `${text}!` : text, label, kind: label === 'violent' ? 'direct' : 'idiom',
    category: label === 'violent' ? 'threat' : null, split: 'train' as const,
  })),
);

describe('trainModel', () => {
  it('reproduces the same model file from the same data', async () => {
    const a = await trainModel(examples);
    const b = await trainModel(examples);
    expect(JSON.stringify(a.toFile())).toBe(JSON.stringify(b.toFile()));
    expect(a.trainedOn).toEqual({ en: 24 });
  });

  it('gives the same violent/benign head whatever order the posts come in (folds and SGD order follow post ids)', async () => {
    const a = await trainModel(examples);
    const b = await trainModel([...examples].reverse());
    expect(b.binary.bias).toBe(a.binary.bias);
    expect(Buffer.from(b.binary.weights.buffer).equals(Buffer.from(a.binary.weights.buffer))).toBe(true);
  });

  it('rejects fewer than two folds and a dim that is not a power of two', async () => {
    await expect(trainModel(examples, () => {}, { folds: 1 })).rejects.toThrow(/folds must be an integer of at least 2/);
    await expect(trainModel(examples, () => {}, { folds: 0 })).rejects.toThrow(/folds/);
    await expect(trainModel(examples, () => {}, { dim: 3000 })).rejects.toThrow(/dim must be a power of two/);
    await expect(trainModel(examples, () => {}, { dim: 0 })).rejects.toThrow(/dim must be a power of two/);
    await expect(trainModel(examples, () => {}, { seedsPerFold: 0 })).rejects.toThrow(/seedsPerFold must be an integer of at least 1/);
    await expect(trainModel(examples, () => {}, { seedsPerFold: 1.5 })).rejects.toThrow(/seedsPerFold/);
  });

  it('averages SGD runs with different seeds per fold when asked, reproducibly', async () => {
    const weightsOf = (m: Awaited<ReturnType<typeof trainModel>>) => Buffer.from(m.binary.weights.buffer);
    const one = await trainModel(examples);
    const two = await trainModel(examples, () => {}, { seedsPerFold: 2 });
    const again = await trainModel(examples, () => {}, { seedsPerFold: 2 });
    expect(weightsOf(two).equals(weightsOf(again))).toBe(true);
    expect(weightsOf(two).equals(weightsOf(one))).toBe(false);
  });

  it('fits a bias offset for each language with enough rows, and none when switched off', async () => {
    // 22 copies of each of the 24 posts, told apart by a number: 528 rows in one language, 24 in the other.
    const many: Example[] = examples.flatMap((e) =>
      Array.from({ length: 22 }, (_, k) => ({ ...e, id: `${e.id}-${k}`, text: `${e.text} ${k * 7}` })),
    );
    const few = examples.map((e) => ({ ...e, id: `nb-${e.id}`, lang: 'nb' }));
    const withBias = await trainModel([...many, ...few]);
    expect(Object.keys(withBias.combiner.languageBias ?? {})).toEqual(['en']);
    // English is the reference the combiner was fitted on: its own offset is 0.
    expect(withBias.combiner.languageBias!.en).toBe(0);
    const without = await trainModel([...many, ...few], () => {}, { languageBias: false });
    expect(without.combiner.languageBias).toBeUndefined();
  });

  it('gives a negative offset to a language whose posts the model finds more violent than they are', async () => {
    const many: Example[] = examples.flatMap((e) =>
      Array.from({ length: 22 }, (_, k) => ({ ...e, id: `${e.id}-${k}`, text: `${e.text} ${k * 7}` })),
    );
    // The same texts in a second language, where a third of the violent-looking ones are labelled benign.
    const overFlagged = many.map((e, i) => ({
      ...e, id: `nb-${e.id}`, lang: 'nb',
      ...(e.label === 'violent' && i % 3 === 0 ? { label: 'benign' as const, category: null, kind: 'idiom' } : {}),
    }));
    const model = await trainModel([...many, ...overFlagged]);
    expect(model.combiner.languageBias!.en).toBe(0);
    expect(model.combiner.languageBias!.nb).toBeLessThan(0);
  });

  it('fits the combiner on calibration posts when given, without training the model on them', async () => {
    const calibration = examples.map((e) => ({ ...e, id: `cal-${e.id}`, text: `${e.text} again`, split: 'heldout' as const }));
    const plain = await trainModel(examples);
    const calibrated = await trainModel(examples, () => {}, {}, calibration);
    expect(calibrated.binary.bias).toBe(plain.binary.bias);
    expect(Buffer.from(calibrated.binary.weights.buffer).equals(Buffer.from(plain.binary.weights.buffer))).toBe(true);
    expect(calibrated.combiner).not.toEqual(plain.combiner);
    // Calibration posts that look violent but are all labelled benign teach the combiner that
    // neither the model nor the rules mean violence on posts like these.
    const allBenign = calibration.map((e) => ({ ...e, label: 'benign' as const, category: null, kind: 'idiom' }));
    const sceptical = await trainModel(examples, () => {}, {}, allBenign);
    const violentPost = [4, 0.9, 0, 0];
    expect(combinedScore(violentPost, sceptical.combiner)).toBeLessThan(combinedScore(violentPost, calibrated.combiner));
    expect(combinedScore(violentPost, sceptical.combiner)).toBeLessThan(0.5);
  });

  it('refuses to train without training examples', async () => {
    await expect(trainModel(examples.map((e) => ({ ...e, split: 'heldout' as const })))).rejects.toThrow(/no training examples/);
  });
});

describe('onePerText', () => {
  it('keeps the first example of a text written twice (case and spacing aside), per language', () => {
    const [a, b] = examples;
    const again = { ...a!, id: 'again', text: `  ${a!.text.toUpperCase()}  ` };
    const otherLang = { ...a!, id: 'nb', lang: 'nb' };
    expect(onePerText([a!, b!, again, otherLang]).map((e) => e.id)).toEqual([a!.id, b!.id, 'nb']);
  });
});

describe('modelAloneThreshold', () => {
  it('is the lowest probability that keeps the required precision', () => {
    const rows = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6].map((p, i) => ({ p, y: i === 5 ? 0 : 1 }));
    expect(modelAloneThreshold(rows, 0.85)).toBe(0.6);
    expect(modelAloneThreshold(rows, 0.9)).toBe(0.75);
    expect(modelAloneThreshold([{ p: 0.9, y: 0 }], 0.9)).toBe(1);
  });
});

describe('averageHeads', () => {
  it('averages biases and weights', () => {
    const head = averageHeads([
      { bias: 1, weights: Float32Array.from([1, 0, 2]) },
      { bias: 3, weights: Float32Array.from([3, 0, -2]) },
    ]);
    expect(head.bias).toBe(2);
    expect([...head.weights]).toEqual([2, 0, 0]);
  });
});
