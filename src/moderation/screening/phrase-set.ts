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
  // Both fields are always present (one undefined): tests of one shape keep `wordMatches` fast.
  return word.endsWith('*') && word.length > 1 ? { exact: undefined, prefix: word.slice(0, -1) } : { exact: word, prefix: undefined };
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
  /** Keyed by UTF-16 code unit: number keys spare building a one-character string per step. */
  children: Map<number, TrieNode<T>>;
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
        const ch = test.prefix.charCodeAt(i);
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

  /** Every value whose word test accepts `token`: exact entries first, then prefixes, shortest first. */
  lookup(token: string, out: T[]): void {
    const hit = this.exact.get(token);
    if (hit) for (const v of hit) out.push(v);
    if (!this.hasPrefixes) return;
    let node: TrieNode<T> | undefined = this.root;
    for (let i = 0; i < token.length; i++) {
      node = node.children.get(token.charCodeAt(i));
      if (!node) return;
      if (node.values) for (const v of node.values) out.push(v);
    }
  }

  /** Every key with its values, in the order `lookup` would visit them for a token matching several. */
  entries(): Array<[WordTest, readonly T[]]> {
    const out: Array<[WordTest, readonly T[]]> = [];
    for (const [word, values] of this.exact) out.push([{ exact: word, prefix: undefined }, values]);
    const walk = (node: TrieNode<T>, prefix: string): void => {
      if (node.values) out.push([{ exact: undefined, prefix }, node.values]);
      for (const [ch, child] of node.children) walk(child, prefix + String.fromCharCode(ch));
    };
    walk(this.root, '');
    return out;
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

  /**
   * End positions (exclusive) of every entry matching at `start`, longest first. The result may
   * be a shared empty array: callers must not modify it.
   */
  matchAt(tokens: readonly string[], start: number): readonly number[] {
    return this.endsOf(this.lookupAt(tokens, start), tokens, start);
  }

  /** Whether any entry matches at `start`: `matchAt(…).length > 0` without building the list. */
  matchesAt(tokens: readonly string[], start: number): boolean {
    for (const tests of this.lookupAt(tokens, start)) if (restMatches(tests, tokens, start)) return true;
    return false;
  }

  /**
   * The entries whose first word accepts `token`, as a list of their own (a shared empty one when
   * there are none): callers that meet a word many times look it up once (see word-lookups.ts).
   */
  entriesStartingWith(token: string): readonly WordTest[][] {
    if (this.size === 0) return NO_ENTRIES;
    const found: WordTest[][] = [];
    this.index.lookup(token, found);
    return found.length > 0 ? found : NO_ENTRIES;
  }

  /** `matchAt`, given `entriesStartingWith(tokens[start])`. */
  endsOf(candidates: readonly WordTest[][], tokens: readonly string[], start: number): readonly number[] {
    if (candidates.length === 0) return NO_ENDS;
    const ends: number[] = [];
    for (const tests of candidates) {
      const end = start + tests.length;
      if (restMatches(tests, tokens, start) && !ends.includes(end)) ends.push(end);
    }
    if (ends.length === 0) return NO_ENDS;
    return ends.length > 1 ? ends.sort((a, b) => b - a) : ends;
  }

  /**
   * Entries whose first word accepts the token at `start`. The list is shared scratch, valid
   * until the next lookup: matchAt and matchesAt read it at once and call nothing that looks up.
   */
  private lookupAt(tokens: readonly string[], start: number): readonly WordTest[][] {
    const candidates = lookupScratch;
    // Setting an array's length is a runtime call: the list is only emptied when it holds something.
    if (candidates.length !== 0) candidates.length = 0;
    const token = tokens[start];
    if (token !== undefined && this.size > 0) this.index.lookup(token, candidates);
    return candidates;
  }
}

/** Candidates of the lookup in progress (phrase sets are looked up a hundred times per post). */
const lookupScratch: WordTest[][] = [];

/** Lookups run per token and per pack, so the no-match answer is one shared array instead of a fresh one. */
const NO_ENDS: readonly number[] = [];
const NO_ENTRIES: readonly WordTest[][] = [];

/** Whether the words after the first (which the index already checked) follow at `start`. */
function restMatches(tests: readonly WordTest[], tokens: readonly string[], start: number): boolean {
  for (let k = 1; k < tests.length; k++) {
    const t = tokens[start + k];
    if (t === undefined || !wordMatches(tests[k]!, t)) return false;
  }
  return true;
}
