/**
 * Compiles a token pattern ("i will ~ {harm} {target}", syntax in docs/screening.md) into the
 * elements the matcher walks. Packs hold tens of thousands of patterns built from a few thousand
 * distinct tokens ("i", "will", "{harm}"), so each distinct token is compiled once per pack and
 * its element shared by every pattern that uses it: loading a pack then allocates little, which
 * is most of its cost (the garbage collector copied every duplicate element before).
 */
import { hasPhraseGroup } from './phrase-groups.js';
import { normalizeEntry, parseWord, wordMatches, type WordTest } from './phrase-set.js';

/** The pack's own word lists that patterns name as `{harm}`, `{target}` and `{weapon}`. */
export const CLASS_NAMES = ['harm', 'target', 'weapon'] as const;
export type ClassName = (typeof CLASS_NAMES)[number];

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

const CLASS_TOKEN = new RegExp(`^\\{(?:${CLASS_NAMES.join('|')})\\}$`, 'u');

function element(kind: Element['kind'], alternatives: WordTest[] = [], classes: ClassName[] = [], name: ClassName | null = null): Element {
  return { kind, alternatives, classes, name };
}

/** Compiles patterns of one pack, sharing the element of each distinct token. */
export class ElementCompiler {
  /** The element(s) of each token as written: most tokens recur, so each is normalised once. */
  private readonly byToken = new Map<string, readonly Element[]>();
  /** One element per normalised token, whatever spelling it was written in. */
  private readonly byNormalToken = new Map<string, Element>();
  private readonly byWord = new Map<string, WordTest>();

  /**
   * @param vocabulary receives every literal word (or prefix) the patterns mention
   * @param wordLists the pack's named lists, which a pattern writes as `{name}`
   */
  constructor(
    private readonly vocabulary: Set<string>,
    private readonly wordLists: Readonly<Record<string, readonly string[]>> = {},
  ) {}

  /** The elements of a pattern without phrase groups (expand those first). */
  compile(pattern: string): Element[] {
    const out: Element[] = [];
    for (const written of pattern.split(' ')) {
      if (written !== '') for (const el of this.elementsOf(written)) out.push(el);
    }
    return out;
  }

  /**
   * Adds the words of a pattern to the vocabulary, as compiling each of its phrases would,
   * without building them. Phrase groups are not expanded (a pattern with a few groups stands for
   * dozens of phrases of the same words): each word or list of a group's choices is compiled as
   * a token of its own, and kept for when the phrases are built.
   */
  addWordsOf(pattern: string): void {
    const groups = hasPhraseGroup(pattern);
    let inGroup = false;
    for (const written of pattern.split(' ')) {
      if (written === '') continue;
      const opens = groups && !inGroup && written.startsWith('(');
      if (!opens && !inGroup) {
        this.elementsOf(written);
        continue;
      }
      // "(mach", "auf|die", "auf)", "(the|)": the words of the group's choices, brackets off.
      inGroup = !written.endsWith(')');
      const inner = written.slice(opens ? 1 : 0, inGroup ? undefined : -1);
      for (const part of inner.split('|')) if (part !== '') this.elementsOf(part);
    }
  }

  private elementsOf(written: string): readonly Element[] {
    let elements = this.byToken.get(written);
    if (elements === undefined) {
      // Normalising a token on its own splits and folds it as it would inside the pattern.
      elements = isNormalAscii(written) ? [this.elementOf(written)] : normalizeEntry(written).map((token) => this.elementOf(token));
      this.byToken.set(written, elements);
    }
    return elements;
  }

  private elementOf(token: string): Element {
    let el = this.byNormalToken.get(token);
    if (el === undefined) {
      el = this.compileToken(token);
      this.byNormalToken.set(token, el);
    }
    return el;
  }

  private compileToken(token: string): Element {
    if (token === '_') return element('any');
    if (token === '~') return element('gap');
    if (CLASS_TOKEN.test(token)) return element('class', [], [], token.slice(1, -1) as ClassName);
    const classes: ClassName[] = [];
    const alternatives: WordTest[] = [];
    for (const part of token.split('|')) {
      if (CLASS_TOKEN.test(part)) classes.push(part.slice(1, -1) as ClassName);
      else if (part.startsWith('{') && part.endsWith('}')) this.addListWords(part.slice(1, -1), alternatives);
      else alternatives.push(this.wordTest(part));
    }
    return classes.length > 0 ? element('mixed', alternatives, classes) : element('word', alternatives);
  }

  /** The words of list `name`, normalised as if written in the pattern (`{roles}` is `richter*|präsident*|…`). */
  private addListWords(name: string, alternatives: WordTest[]): void {
    const words = this.wordLists[name];
    if (words === undefined) throw new Error(`no word list "${name}"`);
    for (const written of words) for (const word of isNormalAscii(written) ? [written] : normalizeEntry(written)) alternatives.push(this.wordTest(word));
  }

  /**
   * One test per distinct word: long lists of words (roles, groups) recur in many tokens with
   * small differences, and their words are parsed and added to the vocabulary once.
   */
  private wordTest(word: string): WordTest {
    let test = this.byWord.get(word);
    if (test === undefined) {
      test = parseWord(word);
      const literal = test.exact ?? test.prefix;
      if (literal) this.vocabulary.add(literal);
      this.byWord.set(word, test);
    }
    return test;
  }
}

/**
 * Printable ASCII without capitals or the backtick: already what `normalizeEntry` would make of
 * it (one word, nothing to fold), so most tokens skip Unicode normalisation.
 */
function isNormalAscii(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || (c >= 0x41 && c <= 0x5a) || c === 0x60) return false;
  }
  return token.length > 0;
}

/** Whether one of a position's word alternatives accepts the token (a loop: this runs per token and pattern). */
export function anyWordMatches(alternatives: readonly WordTest[], token: string): boolean {
  for (const a of alternatives) if (wordMatches(a, token)) return true;
  return false;
}
