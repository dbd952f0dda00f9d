/**
 * Compiles a token pattern ("i will ~ {harm} {target}", syntax in docs/screening.md) into the
 * elements the matcher walks. Packs hold tens of thousands of patterns built from a few thousand
 * distinct tokens ("i", "will", "{harm}"), so each distinct token is compiled once per pack and
 * its element shared by every pattern that uses it: loading a pack then allocates little, which
 * is most of its cost (the garbage collector copied every duplicate element before).
 */
import { normalizeEntry, parseWord, wordMatches, type WordTest } from './phrase-set.js';

export type ClassName = 'harm' | 'target' | 'weapon';

/**
 * One position of a pattern. Every kind has all fields (unused ones empty) so that the matcher's
 * inner loop sees objects of a single shape, which the JavaScript engine reads fastest. Elements
 * are shared between patterns, so nothing may modify one after compilation.
 */
export interface Element {
  /** word: one of `alternatives`; mixed: a word alternative or one of `classes` (`rope|{weapon}`);
   * any: one word; gap: zero to three words; class: a word of class `name`. */
  readonly kind: 'word' | 'mixed' | 'any' | 'gap' | 'class';
  readonly alternatives: readonly WordTest[];
  readonly classes: readonly ClassName[];
  readonly name: ClassName | null;
}

export interface CompiledPattern {
  group: string;
  source: string;
  weight: number;
  elements: readonly Element[];
  /**
   * A plain-word position past the first that every match needs (see `anchorOf`), or null. A
   * post without such a word cannot match the pattern, so the matcher skips it there.
   */
  anchor: readonly WordTest[] | null;
  /** The pattern's number within its pack (indexes the matcher's per-post anchor table). */
  id: number;
  /** The id of the first phrase of its source pattern: phrases of one `(a|b c)` source count as one rule. */
  family: number;
}

/**
 * The word alternatives a pattern cannot match without: those of its last plain-word element
 * after the first (the indexes already check the first). Later words of a pattern tend to be its
 * rarest ("{target} ~ will ~ hang"), so most posts lack them and the pattern is never tried.
 */
export function anchorOf(elements: readonly Element[]): readonly WordTest[] | null {
  for (let e = elements.length - 1; e >= 1; e--) if (elements[e]!.kind === 'word') return elements[e]!.alternatives;
  return null;
}

const CLASS_TOKEN = /^\{(?:harm|target|weapon)\}$/u;

function element(kind: Element['kind'], alternatives: WordTest[] = [], classes: ClassName[] = [], name: ClassName | null = null): Element {
  return { kind, alternatives, classes, name };
}

/** Compiles patterns of one pack, sharing the element of each distinct token. */
export class ElementCompiler {
  private readonly byToken = new Map<string, Element>();

  /** @param vocabulary receives every literal word (or prefix) the patterns mention */
  constructor(private readonly vocabulary: Set<string>) {}

  compile(pattern: string): Element[] {
    return normalizeEntry(pattern).map((token) => {
      let el = this.byToken.get(token);
      if (el === undefined) {
        el = compileToken(token);
        // A shared element's words were added when it was first compiled.
        for (const a of el.alternatives) if (a.exact ?? a.prefix) this.vocabulary.add((a.exact ?? a.prefix)!);
        this.byToken.set(token, el);
      }
      return el;
    });
  }
}

function compileToken(token: string): Element {
  if (token === '_') return element('any');
  if (token === '~') return element('gap');
  if (token === '{harm}' || token === '{target}' || token === '{weapon}') {
    return element('class', [], [], token.slice(1, -1) as ClassName);
  }
  const parts = token.split('|');
  const classes = parts.filter((p) => CLASS_TOKEN.test(p)).map((p) => p.slice(1, -1) as ClassName);
  const alternatives = parts.filter((p) => !CLASS_TOKEN.test(p)).map(parseWord);
  return classes.length > 0 ? element('mixed', alternatives, classes) : element('word', alternatives);
}

/** Whether one of a position's word alternatives accepts the token (a loop: this runs per token and pattern). */
export function anyWordMatches(alternatives: readonly WordTest[], token: string): boolean {
  for (const a of alternatives) if (wordMatches(a, token)) return true;
  return false;
}
