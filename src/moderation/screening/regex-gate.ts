/**
 * Literal gates for a pack's regular-expression rules.
 *
 * Regex rules run on every post their pack sees, and some are costly (variable-length
 * lookbehinds, `(?: \S+){0,12}` gaps), although nearly every post lacks the words they need.
 * `literalGate` reads a pattern's source and returns strings of which every match must contain
 * at least one ("opowiedzian", "opisan", …); a post containing none of them is not tested. It
 * only ever answers what the pattern's syntax proves, and null whenever it cannot tell, so a gate
 * can skip work but never a match. `RegexGates` checks all the gates of a pack's regexes in one
 * pass over a post.
 *
 * The reading is conservative: lookarounds, anchors and `\b` consume nothing and add no
 * requirement; classes other than a short list of literal characters, `.`, back-references and
 * anything optional require nothing.
 */
import { MultiStringSearch } from './multi-string-search.js';

/**
 * What a node of the pattern proves: `exact`, the strings it matches (null when not a short
 * finite list), and `requires`, sets of strings of which every match contains one of each set.
 */
interface Literals {
  exact: string[] | null;
  requires: string[][];
}

const NONE: Literals = { exact: null, requires: [] };
const EMPTY: Literals = { exact: [''], requires: [] };
/** Above this many strings a set costs more to look for than the regex it guards. */
const MAX_STRINGS = 48;
/** Gate strings at least this long are rare enough in posts; shorter ones are a last resort. */
const GOOD_LENGTH = 4;
/** Shorter gate strings occur in too many posts to save anything. */
const MIN_GATE_LENGTH = 3;

/** Strings of which any match of `source` (compiled with the `u` flag only) contains one; null if unknown. */
export function literalGate(source: string): string[] | null {
  let result: Literals;
  try {
    const parser = new GateParser(source);
    result = parser.alternation();
    if (!parser.done()) return null;
  } catch {
    return null;
  }
  return cheapest(allRequirements(result));
}

/** Whether a gate lets `text` through to its regex. */
export function passesGate(gate: readonly string[] | null, text: string): boolean {
  if (gate === null) return true;
  for (const s of gate) if (text.includes(s)) return true;
  return false;
}

/**
 * The gates of a list of regexes, checked together: `check(text)` reads a post once for every
 * gate string of the list (multi-string-search.ts), and then `passes(i)` answers what
 * `passesGate(gates[i], text)` would. A list without any gate skips the reading. `passes`
 * answers for the text of the latest `check`, so check and read in one synchronous run per post
 * (as `CompiledPack` does), never interleaved across posts.
 */
export class RegexGates {
  private readonly search: MultiStringSearch | null;
  /** 1 for a regex without a gate: it always runs. */
  private readonly ungated: Uint8Array;

  constructor(gates: readonly (readonly string[] | null)[]) {
    this.ungated = Uint8Array.from(gates, (g) => (g === null ? 1 : 0));
    this.search = gates.some((g) => g !== null) ? new MultiStringSearch(gates.map((g) => g ?? [])) : null;
  }

  /** Finds which gates `text` opens; call before `passes`. */
  check(text: string): void {
    this.search?.scan(text);
  }

  /** Whether regex `i` is to be tested on the text of the latest `check`. */
  passes(i: number): boolean {
    return this.ungated[i] === 1 || this.search!.found(i);
  }
}

/**
 * Of several sets that all hold, the one cheapest to check: fewest strings among those whose
 * strings are all long enough to be rare, then the longest shortest string.
 */
function cheapest(sets: readonly string[][]): string[] | null {
  let best: string[] | null = null;
  let bestShortest = 0;
  for (const raw of sets) {
    if (raw.includes('')) continue;
    const set = minimal(raw);
    if (set.length > MAX_STRINGS) continue;
    const shortest = Math.min(...set.map((s) => s.trim().length));
    if (shortest < MIN_GATE_LENGTH) continue;
    const good = shortest >= GOOD_LENGTH;
    const bestGood = bestShortest >= GOOD_LENGTH;
    const better =
      best === null ||
      (good && !bestGood) ||
      (good === bestGood && (set.length < best.length || (set.length === best.length && shortest > bestShortest)));
    if (better) {
      best = set;
      bestShortest = shortest;
    }
  }
  return best;
}

/** Drops strings that contain another string of the set: finding the shorter one is enough. */
function minimal(strings: readonly string[]): string[] {
  const unique = [...new Set(strings)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of unique) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

/** A node's requirements with its exact strings counted as one more. */
function allRequirements(node: Literals): string[][] {
  return node.exact === null ? node.requires : [...node.requires, node.exact];
}

class GateParser {
  private at = 0;

  constructor(private readonly src: string) {}

  done(): boolean {
    return this.at >= this.src.length;
  }

  /** `a|b|c` up to a closing parenthesis or the end: each branch must give a requirement, their union holds. */
  alternation(): Literals {
    const branches: Literals[] = [this.sequence()];
    while (this.src[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    const exactAll = branches.every((b) => b.exact !== null) ? branches.flatMap((b) => b.exact!) : null;
    const exact = exactAll !== null && exactAll.length <= MAX_STRINGS * 4 ? exactAll : null;
    const union: string[] = [];
    for (const branch of branches) {
      const own = cheapest(allRequirements(branch));
      if (own === null) return { exact, requires: [] };
      union.push(...own);
    }
    return { exact, requires: [union] };
  }

  /** Items one after the other: every item's requirements hold, and runs of exact items concatenate. */
  private sequence(): Literals {
    const requires: string[][] = [];
    let run: string[] = [''];
    let exact: string[] | null = [''];
    const closeRun = (): void => {
      if (run.some((s) => s !== '')) requires.push(run);
      run = [''];
    };
    while (!this.done() && this.src[this.at] !== '|' && this.src[this.at] !== ')') {
      const item = this.quantified();
      requires.push(...item.requires);
      if (item.exact === null) {
        exact = null;
        closeRun();
        continue;
      }
      const product = run.flatMap((a) => item.exact!.map((b) => a + b));
      if (product.length <= MAX_STRINGS) {
        run = product;
      } else {
        closeRun();
        run = item.exact;
      }
      if (exact !== null) {
        const whole: string[] = exact.flatMap((a) => item.exact!.map((b) => a + b));
        exact = whole.length <= MAX_STRINGS ? whole : null;
      }
    }
    closeRun();
    return { exact, requires };
  }

  private quantified(): Literals {
    const atom = this.atom();
    const q = this.quantifier();
    if (q === null) return atom;
    if (q.min === 0) return NONE;
    if (q.min === 1 && q.max === 1) return atom;
    return { exact: null, requires: allRequirements(atom) };
  }

  private quantifier(): { min: number; max: number } | null {
    const c = this.src[this.at];
    let q: { min: number; max: number } | null = null;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    if (q !== null) {
      this.at++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/u.exec(this.src.slice(this.at));
      if (m === null) throw new Error('literal brace');
      this.at += m[0].length;
      const min = Number(m[1]);
      q = { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]) };
    }
    if (q !== null && this.src[this.at] === '?') this.at++; // lazy: the same strings are needed
    return q;
  }

  private atom(): Literals {
    const c = this.src[this.at]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    this.at++;
    if (c === '.') return NONE;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') throw new Error(`unexpected ${c}`);
    return this.literal(c);
  }

  /** A literal character; a surrogate pair is one character under the `u` flag. */
  private literal(first: string): Literals {
    const code = first.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && this.at < this.src.length) return { exact: [first + this.src[this.at++]!], requires: [] };
    return { exact: [first], requires: [] };
  }

  private group(): Literals {
    this.at++;
    let lookaround = false;
    if (this.src.startsWith('?:', this.at)) this.at += 2;
    else if (this.src.startsWith('?=', this.at) || this.src.startsWith('?!', this.at)) (this.at += 2), (lookaround = true);
    else if (this.src.startsWith('?<=', this.at) || this.src.startsWith('?<!', this.at)) (this.at += 3), (lookaround = true);
    else if (this.src.startsWith('?<', this.at)) this.at = this.src.indexOf('>', this.at) + 1;
    else if (this.src[this.at] === '?') throw new Error('unknown group');
    const inner = this.alternation();
    if (this.src[this.at] !== ')') throw new Error('unclosed group');
    this.at++;
    return lookaround ? EMPTY : inner;
  }

  /** `[abc]` is one of three letters; ranges, negations and escapes prove nothing. */
  private charClass(): Literals {
    const end = this.src.indexOf(']', this.at + 1);
    if (end < 0) throw new Error('unclosed class');
    const body = this.src.slice(this.at + 1, end);
    this.at = end + 1;
    if (body === '' || body.startsWith('^') || body.includes('\\') || body.includes('-') || body.includes('[')) return NONE;
    return { exact: [...body], requires: [] };
  }

  private escape(): Literals {
    const c = this.src[this.at + 1];
    if (c === undefined) throw new Error('trailing backslash');
    this.at += 2;
    if (c === 'b' || c === 'B') return EMPTY;
    if (c === 'p' || c === 'P' || c === 'u' || c === 'x' || c === 'k') {
      // A property or a code point: skip its braces or digits; it stands for a character we do not spell out.
      if (this.src[this.at] === '{') this.at = this.src.indexOf('}', this.at) + 1;
      else if (c === 'u') this.at += 4;
      else if (c === 'x') this.at += 2;
      else if (c === 'k') this.at = this.src.indexOf('>', this.at) + 1;
      return NONE;
    }
    if (/[dDwWsSnrtfv0-9]/u.test(c)) return NONE;
    return { exact: [c], requires: [] };
  }
}
