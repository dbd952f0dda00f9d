/**
 * Literal gates for a pack's regular-expression rules.
 *
 * Regex rules run on every post their pack sees, and some are costly (variable-length
 * lookbehinds, `(?: \S+){0,12}` gaps), although nearly every post lacks the words they need.
 * `literalGate` reads a pattern's source and returns strings of which every match must contain
 * at least one ("opowiedzian", "opisan", …); a post containing none of them is not tested. It
 * only ever answers what the pattern's syntax proves, and null whenever it cannot tell, so a gate
 * can skip work but never a match.
 *
 * The reading is conservative: lookarounds, anchors and `\b` consume nothing and add no
 * requirement; classes other than a short list of literal characters, `.`, back-references and
 * anything optional require nothing.
 */

/** A node matches exactly one of `strings`, contains one of them, or proves nothing. */
type Literals = { kind: 'exact'; strings: string[] } | { kind: 'contains'; strings: string[] } | { kind: 'none' };

const NONE: Literals = { kind: 'none' };
const EMPTY: Literals = { kind: 'exact', strings: [''] };
/** Above this many alternatives a set is no cheaper to check than the regex itself. */
const MAX_STRINGS = 48;
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
  if (result.kind === 'none') return null;
  const strings = minimal(result.strings);
  if (strings.length === 0 || strings.length > MAX_STRINGS) return null;
  if (strings.some((s) => s.trim().length < MIN_GATE_LENGTH)) return null;
  return strings;
}

/** Whether a gate lets `text` through to its regex. */
export function passesGate(gate: readonly string[] | null, text: string): boolean {
  if (gate === null) return true;
  for (const s of gate) if (text.includes(s)) return true;
  return false;
}

/** Drops strings that contain another string of the set: finding the shorter one is enough. */
function minimal(strings: readonly string[]): string[] {
  const unique = [...new Set(strings)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of unique) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

class GateParser {
  private at = 0;

  constructor(private readonly src: string) {}

  done(): boolean {
    return this.at >= this.src.length;
  }

  /** `a|b|c` up to a closing parenthesis or the end. */
  alternation(): Literals {
    const branches: Literals[] = [this.sequence()];
    while (this.src[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    if (branches.some((b) => b.kind === 'none')) return NONE;
    const strings = branches.flatMap((b) => (b as { strings: string[] }).strings);
    if (strings.length > MAX_STRINGS * 4) return NONE;
    return { kind: branches.every((b) => b.kind === 'exact') ? 'exact' : 'contains', strings };
  }

  /** Items one after the other: runs of exact items concatenate; the most selective requirement wins. */
  private sequence(): Literals {
    const candidates: string[][] = [];
    let run: string[] = [''];
    let allExact = true;
    const closeRun = (): void => {
      if (run.some((s) => s !== '')) candidates.push(run);
      run = [''];
    };
    while (!this.done() && this.src[this.at] !== '|' && this.src[this.at] !== ')') {
      const item = this.quantified();
      if (item.kind === 'exact') {
        const product = run.flatMap((a) => item.strings.map((b) => a + b));
        if (product.length <= MAX_STRINGS) {
          run = product;
        } else {
          closeRun();
          run = item.strings;
          allExact = false;
        }
        continue;
      }
      allExact = false;
      closeRun();
      if (item.kind === 'contains') candidates.push(item.strings);
    }
    if (allExact) return { kind: 'exact', strings: run };
    closeRun();
    const best = mostSelective(candidates);
    return best === null ? NONE : { kind: 'contains', strings: best };
  }

  private quantified(): Literals {
    const atom = this.atom();
    const q = this.quantifier();
    if (q === null) return atom;
    if (q.min === 0) return NONE;
    if (q.min === 1 && q.max === 1) return atom;
    return atom.kind === 'none' ? NONE : { kind: 'contains', strings: atom.strings };
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
    if (code >= 0xd800 && code <= 0xdbff && this.at < this.src.length) return { kind: 'exact', strings: [first + this.src[this.at++]!] };
    return { kind: 'exact', strings: [first] };
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
    return { kind: 'exact', strings: [...body] };
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
    return { kind: 'exact', strings: [c] };
  }
}

/** The set whose shortest string is longest (fewest strings on a tie): the rarest in posts. */
function mostSelective(candidates: readonly string[][]): string[] | null {
  let best: string[] | null = null;
  let bestLength = -1;
  for (const set of candidates) {
    if (set.includes('')) continue;
    const shortest = Math.min(...set.map((s) => s.trim().length));
    if (shortest > bestLength || (shortest === bestLength && best !== null && set.length < best.length)) {
      best = set;
      bestLength = shortest;
    }
  }
  return best;
}
