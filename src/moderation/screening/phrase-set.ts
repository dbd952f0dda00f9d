/**
 * A set of word sequences ("firing squad", "journalist*") matched at a token position.
 * Entries are indexed by their first word (exact) or by their first word's prefix, so a lookup
 * costs a map access plus a few prefix probes instead of a scan over every entry.
 */

export interface WordTest {
  exact?: string;
  prefix?: string;
}

export function parseWord(word: string): WordTest {
  return word.endsWith('*') && word.length > 1 ? { prefix: word.slice(0, -1) } : { exact: word };
}

export function wordMatches(test: WordTest, token: string): boolean {
  return test.exact !== undefined ? token === test.exact : token.startsWith(test.prefix ?? '\u0000');
}

/** Lower-case, width-fold and split a list entry the way the normaliser treats post text. */
export function normalizeEntry(entry: string): string[] {
  return entry
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´ʼ]/gu, "'")
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
}

interface TrieNode<T> {
  children: Map<string, TrieNode<T>>;
  values: T[] | null;
}

/**
 * Values keyed by a word (exact) or a word prefix (`kill*`). Prefixes live in a character trie,
 * so a lookup walks the token once without building substrings.
 */
export class PrefixIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly root: TrieNode<T> = { children: new Map(), values: null };
  private hasPrefixes = false;

  add(test: WordTest, value: T): void {
    if (test.exact !== undefined) push(this.exact, test.exact, value);
    else if (test.prefix !== undefined) {
      let node = this.root;
      for (let i = 0; i < test.prefix.length; i++) {
        const ch = test.prefix[i]!;
        let next = node.children.get(ch);
        if (!next) {
          next = { children: new Map(), values: null };
          node.children.set(ch, next);
        }
        node = next;
      }
      (node.values ??= []).push(value);
      this.hasPrefixes = true;
    }
  }

  /** Every value whose word test accepts `token`. */
  lookup(token: string, out: T[]): void {
    const hit = this.exact.get(token);
    if (hit) for (const v of hit) out.push(v);
    if (!this.hasPrefixes) return;
    let node: TrieNode<T> | undefined = this.root;
    for (let i = 0; i < token.length; i++) {
      node = node.children.get(token[i]!);
      if (!node) return;
      if (node.values) for (const v of node.values) out.push(v);
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class PhraseSet {
  private readonly index = new PrefixIndex<WordTest[]>();
  readonly words = new Set<string>();
  size = 0;

  constructor(entries: Iterable<string> = []) {
    for (const e of entries) this.add(e);
  }

  add(entry: string): void {
    const words = normalizeEntry(entry);
    if (words.length === 0) return;
    const tests = words.map(parseWord);
    this.index.add(tests[0]!, tests);
    for (const w of words) this.words.add(w.replace(/\*$/u, ''));
    this.size++;
  }

  /** End positions (exclusive) of every entry matching at `start`, longest first. */
  matchAt(tokens: readonly string[], start: number): number[] {
    const token = tokens[start];
    if (token === undefined) return [];
    const candidates: WordTest[][] = [];
    this.index.lookup(token, candidates);
    if (candidates.length === 0) return [];
    const ends: number[] = [];
    for (const tests of candidates) {
      let ok = true;
      for (let k = 1; k < tests.length && ok; k++) {
        const t = tokens[start + k];
        ok = t !== undefined && wordMatches(tests[k]!, t);
      }
      if (ok && !ends.includes(start + tests.length)) ends.push(start + tests.length);
    }
    return ends.sort((a, b) => b - a);
  }
}
