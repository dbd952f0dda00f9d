/**
 * Reading fastText's binary model files (`.bin`, `.ftz`): the format of fastText 0.9 (version 12),
 * supervised models with a hierarchical softmax output (lid.176's), a dense or product-quantised
 * input matrix and a dense output matrix. Other outputs, a quantised output matrix and word n-grams
 * beyond 1 (lid.176 has none of these) are refused with an error that says so. Rows are added in
 * single precision, as fastText adds them.
 */

import { Buffer } from 'node:buffer';

const MAGIC = 793712314;
const VERSION = 12;
const LOSS_HS = 1;
const ENTRY_WORD = 0;
const ENTRY_LABEL = 1;
/** Centroids per product-quantiser sub-space (fastText's `ksub_`). */
const KSUB = 256;

const f32 = Math.fround;

/** The input matrix: adds row `i` to a vector. */
export interface RowMatrix {
  readonly rows: number;
  readonly cols: number;
  addRow(out: Float32Array, i: number): void;
}

class DenseMatrix implements RowMatrix {
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly data: Float32Array,
  ) {}

  addRow(out: Float32Array, i: number): void {
    const base = i * this.cols;
    for (let j = 0; j < this.cols; j++) out[j] = out[j]! + this.data[base + j]!;
  }
}

/** fastText's ProductQuantizer: each row is a code per sub-space, each code a centroid. */
class ProductQuantizer {
  constructor(
    readonly nsubq: number,
    readonly dsub: number,
    readonly lastdsub: number,
    readonly centroids: Float32Array,
  ) {}

  centroidOffset(m: number, code: number): number {
    return m === this.nsubq - 1 ? m * KSUB * this.dsub + code * this.lastdsub : (m * KSUB + code) * this.dsub;
  }
}

class QuantMatrix implements RowMatrix {
  constructor(
    readonly rows: number,
    readonly cols: number,
    private readonly codes: Uint8Array,
    private readonly pq: ProductQuantizer,
    /** Per-row norm codes and their quantiser, when rows were normalised before quantising. */
    private readonly norms: { codes: Uint8Array; pq: ProductQuantizer } | undefined,
  ) {}

  private norm(i: number): number {
    if (!this.norms) return 1;
    return this.norms.pq.centroids[this.norms.pq.centroidOffset(0, this.norms.codes[i]!)]!;
  }

  addRow(out: Float32Array, i: number): void {
    const { pq, codes } = this;
    const alpha = this.norm(i);
    const c = pq.centroids;
    for (let m = 0; m < pq.nsubq; m++) {
      const at = pq.centroidOffset(m, codes[pq.nsubq * i + m]!);
      const d = m === pq.nsubq - 1 ? pq.lastdsub : pq.dsub;
      for (let n = 0; n < d; n++) {
        const j = m * pq.dsub + n;
        out[j] = out[j]! + f32(alpha * c[at + n]!);
      }
    }
  }
}

/** Reads fastText's little-endian binary layout. */
class BinaryReader {
  private offset = 0;
  private readonly view: DataView;
  /** The same bytes as a Buffer: its UTF-8 decoding of short strings is several times faster than TextDecoder's. */
  private readonly buffer: Buffer;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Moves past the next n bytes and returns where they start; fails clearly on a file cut short
   * (DataView would only name an offset).
   */
  private take(n: number): number {
    if (this.offset + n > this.bytes.length) throw new Error('fastText model: the file is truncated');
    const at = this.offset;
    this.offset += n;
    return at;
  }

  int32(): number {
    return this.view.getInt32(this.take(4), true);
  }

  int64(): number {
    return Number(this.view.getBigInt64(this.take(8), true));
  }

  float64(): number {
    return this.view.getFloat64(this.take(8), true);
  }

  int8(): number {
    return this.view.getInt8(this.take(1));
  }

  bool(): boolean {
    return this.bytes[this.take(1)] !== 0;
  }

  cString(): string {
    const end = this.bytes.indexOf(0, this.offset);
    if (end < 0) throw new Error('fastText model: the file is truncated');
    const s = this.buffer.toString('utf8', this.offset, end);
    this.offset = end + 1;
    return s;
  }

  float32s(n: number): Float32Array {
    // Copied: the file's offsets need not be 4-byte aligned.
    const at = this.take(4 * n);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.view.getFloat32(at + 4 * i, true);
    return out;
  }

  uint8s(n: number): Uint8Array {
    const at = this.take(n);
    return this.bytes.slice(at, at + n);
  }

  get atEnd(): boolean {
    return this.offset === this.bytes.length;
  }
}

function readQuantizer(r: BinaryReader): ProductQuantizer {
  const dim = r.int32();
  const nsubq = r.int32();
  const dsub = r.int32();
  const lastdsub = r.int32();
  return new ProductQuantizer(nsubq, dsub, lastdsub, r.float32s(dim * KSUB));
}

function readDense(r: BinaryReader): DenseMatrix {
  const m = r.int64();
  const n = r.int64();
  return new DenseMatrix(m, n, r.float32s(m * n));
}

function readMatrix(r: BinaryReader, quantised: boolean): RowMatrix {
  if (!quantised) return readDense(r);
  const qnorm = r.bool();
  const m = r.int64();
  const n = r.int64();
  const codes = r.uint8s(r.int32());
  const pq = readQuantizer(r);
  if (codes.length !== m * pq.nsubq) throw new Error('fastText model: quantised codes do not match the matrix size');
  const norms = qnorm ? { codes: r.uint8s(m), pq: readQuantizer(r) } : undefined;
  return new QuantMatrix(m, n, codes, pq, norms);
}

export interface FastTextModelData {
  dim: number;
  minn: number;
  maxn: number;
  bucket: number;
  /** Dictionary words, by id (input rows 0…words.length−1). */
  words: string[];
  /** Labels (like `__label__en`), by output row, and how often each was seen in training. */
  labels: string[];
  labelCounts: number[];
  /** Hash bucket → input row after the words, for models whose buckets were pruned (`.ftz`). */
  pruneIndex: Map<number, number> | undefined;
  input: RowMatrix;
  /** One row of `dim` weights per inner node of the label tree, row-major. */
  output: Float32Array;
}

/** Reads a model file's bytes. */
export function readFastTextModel(bytes: Uint8Array): FastTextModelData {
  const r = new BinaryReader(bytes);
  if (r.int32() !== MAGIC) throw new Error('not a fastText model file (wrong magic number)');
  const version = r.int32();
  if (version !== VERSION) throw new Error(`fastText model version ${version} is not supported (expected ${VERSION})`);
  const dim = r.int32();
  r.int32(); // ws
  r.int32(); // epoch
  r.int32(); // minCount
  r.int32(); // neg
  const wordNgrams = r.int32();
  const loss = r.int32();
  r.int32(); // model
  const bucket = r.int32();
  const minn = r.int32();
  const maxn = r.int32();
  r.int32(); // lrUpdateRate
  r.float64(); // t
  if (wordNgrams > 1) throw new Error('fastText models with word n-grams are not supported');
  if (loss !== LOSS_HS) throw new Error(`fastText loss ${loss} is not supported (hierarchical softmax only)`);

  const size = r.int32();
  const nwords = r.int32();
  r.int32(); // nlabels
  r.int64(); // ntokens
  const pruneSize = r.int64();
  const words: string[] = [];
  const labels: string[] = [];
  const labelCounts: number[] = [];
  for (let i = 0; i < size; i++) {
    const word = r.cString();
    const count = r.int64();
    const type = r.int8();
    if (type === ENTRY_WORD) words.push(word);
    else if (type === ENTRY_LABEL) {
      labels.push(word);
      labelCounts.push(count);
    }
  }
  if (words.length !== nwords) throw new Error('fastText model: dictionary words are not listed first');
  // −1: buckets not pruned; 0 or more: only the listed buckets kept.
  let pruneIndex: Map<number, number> | undefined;
  if (pruneSize >= 0) {
    pruneIndex = new Map();
    for (let i = 0; i < pruneSize; i++) {
      const from = r.int32();
      pruneIndex.set(from, r.int32());
    }
  }
  const input = readMatrix(r, r.bool());
  if (r.bool()) throw new Error('fastText models with a quantised output matrix (-qout) are not supported');
  const output = readDense(r);
  if (!r.atEnd) throw new Error('fastText model: unexpected bytes after the output matrix');
  if (output.rows !== labels.length) throw new Error('fastText model: output rows do not match the labels');
  if (input.cols !== dim || output.cols !== dim) throw new Error('fastText model: matrix width does not match its dimension');
  return { dim, minn, maxn, bucket, words, labels, labelCounts, pruneIndex, input, output: output.data };
}
