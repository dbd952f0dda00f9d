/**
 * Hashed features of a normalised post for the learned model: word unigrams and bigrams and
 * character 3- to 5-grams inside words. Hashing (FNV-1a, computed over char codes without
 * building substrings) keeps the model a fixed-size vector and extraction allocation-light.
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

/** Mentions and numbers carry no meaning by their exact value: they become one shared token. */
export function featureToken(token: string): string {
  if (token.startsWith('@')) return '@';
  if (/^\d/u.test(token)) return '#num';
  return token;
}

function hashString(seed: number, s: string, h0: number = FNV_OFFSET): number {
  let h = (h0 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

const scratch = new Uint32Array(MAX_FEATURES);

/**
 * Extracts hashed features; `dim` must be a power of two.
 * @param quoted per token, whether it stands inside quotation marks
 * @param tags per token, the rule-pack class it belongs to ('harm', 'weapon', 'target') or ''.
 *   N-grams over the sequence with classes in place of words ("i will <harm> <target>") carry
 *   what a threat is built from across languages and spellings, not just the exact words.
 */
export function extractFeatures(tokens: readonly string[], dim: number, tags?: readonly string[], quoted?: readonly boolean[]): FeatureVector {
  const mask = dim - 1;
  let n = 0;
  const words = tokens.map(featureToken);
  if (tags && tags.some((t) => t !== '')) {
    const abstract = words.map((w, i) => (tags[i] ? `<${tags[i]}>` : w));
    for (let i = 0; i < abstract.length && n + 3 < MAX_FEATURES; i++) {
      const a = abstract[i]!;
      const b = abstract[i + 1];
      const c = abstract[i + 2];
      const tagged = (k: number): boolean => (tags[k] ?? '') !== '';
      if (tagged(i)) scratch[n++] = hashString(SEED_WORD, a) & mask;
      if (b !== undefined && (tagged(i) || tagged(i + 1))) scratch[n++] = hashString(SEED_TAG_BIGRAM, `${a} ${b}`) & mask;
      if (c !== undefined && (tagged(i) || tagged(i + 1) || tagged(i + 2))) scratch[n++] = hashString(SEED_TAG_TRIGRAM, `${a} ${b} ${c}`) & mask;
    }
  }
  for (let i = 0; i < words.length && n < MAX_FEATURES; i++) {
    const w = words[i]!;
    if (w === '@') continue;
    scratch[n++] = hashString(quoted?.[i] ? SEED_QUOTED : SEED_WORD, w) & mask;
    if (i + 1 < words.length && n < MAX_FEATURES) {
      scratch[n++] = hashString(SEED_BIGRAM, words[i + 1]!, hashString(SEED_BIGRAM, w + ' ')) & mask;
    }
    if (w.startsWith('@') || w.startsWith('#')) continue;
    const padded = ` ${w} `;
    for (let start = 0; start < padded.length && n < MAX_FEATURES; start++) {
      let h = (FNV_OFFSET ^ SEED_CHAR) >>> 0;
      for (let len = 1; len <= CHAR_MAX && start + len <= padded.length; len++) {
        h ^= padded.charCodeAt(start + len - 1);
        h = Math.imul(h, FNV_PRIME) >>> 0;
        if (len >= CHAR_MIN && n < MAX_FEATURES) scratch[n++] = (h ^ len) & mask;
      }
    }
  }
  const indices = scratch.slice(0, n);
  return { indices, value: n > 0 ? 1 / Math.sqrt(n) : 0, count: n };
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
