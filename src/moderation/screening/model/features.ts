/**
 * Hashed features of a normalised post for the learned model: word unigrams and bigrams and
 * character 3- to 5-grams inside words. Hashing (FNV-1a, computed over char codes without
 * building substrings) keeps the model a fixed-size vector and extraction allocation-light.
 *
 * The committed model was trained on exactly these hashes: each n-gram's hash continues one FNV
 * state across its parts ("a b" is `a`, a space, `b`) instead of hashing a joined string, with
 * the seed mixed in again before each further word of a word bigram; changing any of this changes
 * every feature, so the model must be retrained with it.
 */

export interface FeatureVector {
  /** Bucket indices (may repeat: repeated features add up). */
  indices: Uint32Array;
  /** Value per index; all equal to 1/sqrt(count) so long posts do not dominate. */
  value: number;
  count: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SEED_WORD = 0x9e3779b1;
const SEED_BIGRAM = 0x85ebca77;
const SEED_CHAR = 0xc2b2ae3d;
const SEED_TAG_BIGRAM = 0x27d4eb2f;
const SEED_TAG_TRIGRAM = 0x165667b1;
/** Quoted words get their own unigram features: "kill" said by the author is not "kill" reported. */
const SEED_QUOTED = 0xd3a2646c;
const CHAR_MIN = 3;
const CHAR_MAX = 5;
const MAX_FEATURES = 4096;
const SPACE = 0x20;
const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;

/** Mentions and numbers carry no meaning by their exact value: they become one shared token. */
export function featureToken(token: string): string {
  if (token.startsWith('@')) return '@';
  const c = token.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return '#num';
  return token;
}

/** FNV state after `s`, continuing from state `h` (int32 bits: the sign does not matter to xor/imul/mask). */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV state after one more char code. */
function fnvCode(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

function hashString(seed: number, s: string, h0: number = FNV_OFFSET): number {
  return fnv((h0 ^ seed) >>> 0, s) >>> 0;
}

/** One shared buffer for every extraction: a post's features are consumed before the next post's. */
const scratch = new Uint32Array(MAX_FEATURES);
/** Reused per call: the feature form of each token (entries past the post's length are stale and never read). */
const words: string[] = [];

/**
 * Extracts hashed features; `dim` must be a power of two.
 * @param quoted per token, whether it stands inside quotation marks
 * @param tags per token, the rule-pack class it belongs to ('harm', 'weapon', 'target') or ''.
 *   N-grams over the sequence with classes in place of words ("i will <harm> <target>") carry
 *   what a threat is built from across languages and spellings, not just the exact words.
 */
export function extractFeatures(tokens: readonly string[], dim: number, tags?: readonly string[], quoted?: readonly boolean[]): FeatureVector {
  const n = extractInto(scratch, tokens, dim, tags, quoted);
  return { indices: scratch.slice(0, n), value: featureValue(n), count: n };
}

/** The value every feature of a post with `count` features has. */
export function featureValue(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}

/**
 * `extractFeatures` into a caller's buffer (at least MAX_FEATURES long), without copying:
 * returns how many indices were written. The model's prediction reads them in place.
 */
export function extractInto(out: Uint32Array, tokens: readonly string[], dim: number, tags?: readonly string[], quoted?: readonly boolean[]): number {
  const mask = dim - 1;
  const count = tokens.length;
  for (let i = 0; i < count; i++) words[i] = featureToken(tokens[i]!);
  let n = tags && hasTag(tags) ? classNgrams(out, count, tags, mask) : 0;
  for (let i = 0; i < count && n < MAX_FEATURES; i++) {
    const w = words[i]!;
    if (w === '@') continue;
    out[n++] = hashString(quoted?.[i] ? SEED_QUOTED : SEED_WORD, w) & mask;
    if (i + 1 < count && n < MAX_FEATURES) {
      // hash of "w next" under the bigram seed, applied once before `w` and once more before `next`.
      const first = fnvCode(fnv((FNV_OFFSET ^ SEED_BIGRAM) >>> 0, w), SPACE) >>> 0;
      out[n++] = hashString(SEED_BIGRAM, words[i + 1]!, first) & mask;
    }
    if (w.startsWith('@') || w.startsWith('#')) continue;
    n = charNgrams(out, n, w, mask);
  }
  return n;
}

function hasTag(tags: readonly string[]): boolean {
  for (let i = 0; i < tags.length; i++) if (tags[i] !== '') return true;
  return false;
}

function isTagged(tags: readonly string[], k: number): boolean {
  return (tags[k] ?? '') !== '';
}

/** Continues `h` over token `i` as the class sequence shows it: `<harm>` for a tagged token, else the word. */
function classToken(h: number, tags: readonly string[], i: number): number {
  const tag = tags[i];
  if (!tag) return fnv(h, words[i]!);
  return fnvCode(fnv(fnvCode(h, LESS_THAN), tag), GREATER_THAN);
}

/** Unigrams, bigrams and trigrams of the class sequence that contain a class ("i will <harm> <target>"). */
function classNgrams(out: Uint32Array, count: number, tags: readonly string[], mask: number): number {
  let n = 0;
  for (let i = 0; i < count && n + 3 < MAX_FEATURES; i++) {
    const t0 = isTagged(tags, i);
    const t1 = isTagged(tags, i + 1);
    if (t0) out[n++] = (classToken((FNV_OFFSET ^ SEED_WORD) >>> 0, tags, i) >>> 0) & mask;
    if (i + 1 < count && (t0 || t1)) {
      const h = classToken(fnvCode(classToken((FNV_OFFSET ^ SEED_TAG_BIGRAM) >>> 0, tags, i), SPACE), tags, i + 1);
      out[n++] = (h >>> 0) & mask;
    }
    if (i + 2 < count && (t0 || t1 || isTagged(tags, i + 2))) {
      let h = classToken((FNV_OFFSET ^ SEED_TAG_TRIGRAM) >>> 0, tags, i);
      h = classToken(fnvCode(h, SPACE), tags, i + 1);
      h = classToken(fnvCode(h, SPACE), tags, i + 2);
      out[n++] = (h >>> 0) & mask;
    }
  }
  return n;
}

/** Character 3- to 5-grams of ` word ` (padded with spaces), each hash mixed with its length. */
function charNgrams(out: Uint32Array, n: number, w: string, mask: number): number {
  const length = w.length + 2;
  for (let start = 0; start < length && n < MAX_FEATURES; start++) {
    let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
    for (let len = 1; len <= CHAR_MAX && start + len <= length; len++) {
      const p = start + len - 1;
      h = Math.imul(h ^ (p === 0 || p === length - 1 ? SPACE : w.charCodeAt(p - 1)), FNV_PRIME) >>> 0;
      if (len >= CHAR_MIN && n < MAX_FEATURES) out[n++] = (h ^ len) & mask;
    }
  }
  return n;
}

/** Word-level features with their names, used to explain a prediction. */
export function namedWordFeatures(tokens: readonly string[], dim: number): Array<{ name: string; index: number }> {
  const mask = dim - 1;
  const words = tokens.map(featureToken);
  const out: Array<{ name: string; index: number }> = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out.push({ name: w, index: hashString(SEED_WORD, w) & mask });
    if (i + 1 < words.length) {
      out.push({ name: `${w} ${words[i + 1]!}`, index: hashString(SEED_BIGRAM, words[i + 1]!, hashString(SEED_BIGRAM, w + ' ')) & mask });
    }
  }
  return out;
}
