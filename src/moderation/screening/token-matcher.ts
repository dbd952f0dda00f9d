/** Matches a post's tokens against a pack's pattern indexes (one matcher per pack, reset for each post). */
import { anyWordMatches, type ClassName, type CompiledPattern, type Element } from './pattern-elements.js';
import type { PatternIndex, WordBucket } from './pattern-index.js';
import type { PhraseSet } from './phrase-set.js';
import type { RuleMatch, TargetHints } from './rule-match.js';
import { NOTHING, type WordLookup, type WordLookups } from './word-lookups.js';

/** What the matcher reads of a compiled pack. */
export interface MatchablePack {
  readonly harm: PhraseSet;
  readonly weapon: PhraseSet;
  readonly harmlessPhrases: PhraseSet;
  readonly targets: PhraseSet;
  readonly determiners: PhraseSet;
  /** Single words that may follow a target and belong to it ("hakim itu"). */
  readonly postDeterminers: ReadonlySet<string>;
  readonly words: WordLookups;
  lemma(form: string): string;
}

/** Which buckets of a word's lookup a run reads: those of the signals or of the benign cues. */
export type BucketKind = 'signalBuckets' | 'benignBuckets';

const MAX_GAP = 3;
const MAX_DETERMINERS = 2;
/** Markers in the per-position determiner memo. */
const UNKNOWN = -2;
const NONE = -1;
/** The largest post number the anchor table holds. */
const MAX_POST = 0x7fffffff;

interface Captures {
  harm?: string;
  target?: string;
  weapon?: string;
  /** Token ranges the pattern did not spell out (gaps, `_`, classes), as [start, end) pairs. */
  open?: number[];
}

/** Records tokens [from, to) as matched by something other than a literal word of the pattern. */
function markOpen(captures: Captures, from: number, to: number): void {
  if (to > from) (captures.open ??= []).push(from, to);
}

/**
 * One per pack, reset for each post: its per-post tables are kept and reused from post to post
 * rather than allocated three times per post (that garbage showed up as collector time).
 */
export class TokenMatcher {
  private tokens: readonly string[] = [];
  private nameLike: readonly boolean[] = [];
  private quoted: readonly boolean[] = [];
  private pauseBefore: readonly boolean[] = [];
  private hints: TargetHints = { mentions: new Set(), knownNameWords: new Set() };
  /** Per token, what the pack's indexes hold for its word (looked up once per post and pack). */
  private readonly words: WordLookup[] = [];
  /** Class matches per position, computed once: many patterns ask for the same positions. */
  private readonly memo: Record<ClassName, Array<readonly number[] | undefined>> = { harm: [], weapon: [], target: [] };
  /** Per position, where the longest determiner starting there ends: NONE if none, UNKNOWN until asked. */
  private determinerEnds = new Int32Array(64);
  /** Per position, 1 where a phrase of the pack's `harmlessPhrases` covers the token ("gun" in "gun control"). */
  private harmless = new Uint8Array(64);
  /** Whether any token of the post is so covered (most posts: no, and nothing is filtered). */
  private anyHarmless = false;
  /** Whether the run under way drops matches that lie wholly inside harmless phrases. */
  private dropHarmless = false;
  /** Candidate patterns at the position being matched (reused from position to position). */
  private readonly candidates: CompiledPattern[] = [];
  private captures: Captures = {};
  /**
   * Per pattern id, the number of the last post with a word the pattern's anchor accepts: a
   * pattern whose entry is not the current post's number cannot match and is not tried.
   */
  private readonly anchoredIn: Int32Array;
  private post = 0;

  constructor(
    private readonly pack: MatchablePack,
    patternCount: number,
  ) {
    this.anchoredIn = new Int32Array(patternCount);
  }

  /** Whether the matcher was last reset for exactly these arrays (the same post). */
  isFor(tokens: readonly string[], nameLike: readonly boolean[], quoted: readonly boolean[], hints: TargetHints): boolean {
    return this.tokens === tokens && this.nameLike === nameLike && this.quoted === quoted && this.hints === hints;
  }

  /** Starts on a new post: forgets every position worked out for the previous one. */
  reset(tokens: readonly string[], nameLike: readonly boolean[], quoted: readonly boolean[], hints: TargetHints, pauseBefore: readonly boolean[]): void {
    this.tokens = tokens;
    this.nameLike = nameLike;
    this.quoted = quoted;
    this.pauseBefore = pauseBefore;
    this.hints = hints;
    const n = tokens.length;
    this.words.length = n;
    // Post numbers start at 1, so no pattern counts as anchored before its first post (0 is
    // unused); before they outgrow the table's integers, the table starts again.
    if (this.post === MAX_POST) {
      this.anchoredIn.fill(0);
      this.post = 0;
    }
    const post = ++this.post;
    for (let i = 0; i < n; i++) {
      const word = this.pack.words.get(tokens[i]!);
      this.words[i] = word;
      for (const id of word.anchored) this.anchoredIn[id] = post;
    }
    // Classes are also asked for one position past the last token (a pattern running off the end).
    clear(this.memo.harm, n + 1);
    clear(this.memo.weapon, n + 1);
    clear(this.memo.target, n + 1);
    if (this.determinerEnds.length < n) this.determinerEnds = new Int32Array(Math.max(n, 2 * this.determinerEnds.length));
    this.determinerEnds.fill(UNKNOWN, 0, n);
    this.markHarmless(n);
  }

  /** Marks the tokens inside a harmless phrase: a weapon word or harm verb there names no weapon or violent act. */
  private markHarmless(n: number): void {
    if (this.anyHarmless) this.harmless.fill(0);
    this.anyHarmless = false;
    if (this.pack.harmlessPhrases.size === 0) return;
    if (this.harmless.length < n) this.harmless = new Uint8Array(Math.max(n, 2 * this.harmless.length));
    for (let i = 0; i < n; i++) {
      const entries = this.words[i]!.harmlessPhrases;
      if (entries.length === 0) continue;
      // The longest phrase here with no punctuation inside ("bring a gun, range is close" has no "gun range").
      let end = 0;
      for (const e of this.pack.harmlessPhrases.endsOf(entries, this.tokens, i)) if (e > end && !this.pauseWithin(i, e)) end = e;
      if (end === 0) continue;
      this.harmless.fill(1, i, end);
      this.anyHarmless = true;
    }
  }

  /** Whether punctuation stands between two tokens of [start, end). */
  private pauseWithin(start: number, end: number): boolean {
    for (let k = start + 1; k < end; k++) if (this.pauseBefore[k] === true) return true;
    return false;
  }

  /** Ends of a weapon or harm verb at `pos` that cover no token of a harmless phrase. */
  private violentEnds(name: 'harm' | 'weapon', pos: number): readonly number[] {
    const ends = this.pack[name].endsOf(this.wordAt(pos)[name], this.tokens, pos);
    if (!this.anyHarmless || ends.length === 0) return ends;
    return ends.filter((end) => this.harmless.subarray(pos, end).every((covered) => covered === 0));
  }

  run(index: PatternIndex, bucketKind: BucketKind): RuleMatch[] {
    const found: RuleMatch[] = [];
    // A signal all of whose words lie inside a harmless phrase names that phrase's harmless thing
    // ("do broni", to arms, in "dostęp do broni", access to guns); a benign cue there still counts.
    this.dropHarmless = this.anyHarmless && bucketKind === 'signalBuckets';
    // A pattern (with all phrases of its source) counts once per post, at its first match; few
    // patterns match, so a list of their families will do.
    const matched: number[] = [];
    for (let i = 0; i < this.tokens.length; i++) {
      const buckets: readonly WordBucket[] = this.words[i]![bucketKind];
      if (buckets.length > 0) {
        const candidates = this.emptyCandidates();
        for (const bucket of buckets) bucket.candidates(this.tokens[i + 1], candidates);
        this.tryAllAt(candidates, i, found, matched);
      }
      if (index.classFirst.harm.length > 0) this.tryClassFirst('harm', index, i, found, matched);
      if (index.classFirst.weapon.length > 0) this.tryClassFirst('weapon', index, i, found, matched);
      if (index.targetFirst.length > 0) this.tryClassFirst('target', index, i, found, matched);
      this.tryAllAt(index.anyFirst, i, found, matched);
    }
    return found;
  }

  /** The shared candidate list, emptied (setting an array's length is a runtime call: only done when needed). */
  private emptyCandidates(): CompiledPattern[] {
    if (this.candidates.length !== 0) this.candidates.length = 0;
    return this.candidates;
  }

  /** Patterns starting with class `name`, where a word of that class starts at token `i`. */
  private tryClassFirst(name: ClassName, index: PatternIndex, i: number, found: RuleMatch[], matched: number[]): void {
    const ends = this.classEnds(name, i);
    if (ends.length === 0) return;
    const bucket = index.classBucket(name);
    if (ends.length > 1) {
      // The class ends at several places ("the judge", "judge"): the second word may be any of
      // the tokens there, so every pattern is tried.
      bucket.all(this.emptyCandidates());
    } else bucket.candidates(this.tokens[ends[0]!], this.emptyCandidates());
    this.tryAllAt(this.candidates, i, found, matched);
  }

  private tryAllAt(patterns: readonly CompiledPattern[], i: number, found: RuleMatch[], matched: number[]): void {
    for (const pattern of patterns) this.tryAt(pattern, i, found, matched);
  }

  /**
   * Matches one pattern at token `i`. A rule (a pattern with all the phrases of its source)
   * counts once per post, at the first place it matches; there, the longest of its phrases wins,
   * so `(you|)` and `(|you)` report the same match. `found[k]` is the match of `matched[k]`.
   */
  private tryAt(pattern: CompiledPattern, i: number, found: RuleMatch[], matched: number[]): void {
    if (pattern.anchor !== null && this.anchoredIn[pattern.id] !== this.post) return;
    const k = matched.length > 0 ? matched.indexOf(pattern.family) : -1;
    if (k >= 0 && found[k]!.start !== i) return;
    // A pattern starting with plain words is only a candidate because the word index accepted
    // this token, so matching goes on from the second element.
    const captures = this.captures;
    const end = pattern.elements[0]!.kind === 'word' ? this.matchFrom(pattern.elements, 1, i + 1, captures) : this.matchFrom(pattern.elements, 0, i, captures);
    if (end < 0) return;
    // Captures are only written along a successful match, so one object serves every failed attempt.
    this.captures = {};
    if (k >= 0 && end <= found[k]!.end) return;
    if (this.dropHarmless && end > i && this.harmless.subarray(i, end).every((covered) => covered === 1)) return;
    const match: RuleMatch = {
      group: pattern.group,
      source: pattern.source,
      weight: pattern.weight,
      start: i,
      end,
      text: this.tokens.slice(i, end).join(' '),
      ...captures,
      ...(this.isQuoted(i, Math.max(end, i + 1)) ? { quoted: true } : {}),
    };
    if (k >= 0) found[k] = match;
    else {
      matched.push(pattern.family);
      found.push(match);
    }
  }

  /** Returns the end position of a match of elements[e..] starting at token `pos`, or -1. */
  private matchFrom(elements: readonly Element[], e: number, pos: number, captures: Captures): number {
    if (e === elements.length) return pos;
    const el = elements[e]!;
    switch (el.kind) {
      case 'word': {
        const token = this.tokens[pos];
        if (token === undefined || !anyWordMatches(el.alternatives, token)) return -1;
        return this.matchFrom(elements, e + 1, pos + 1, captures);
      }
      case 'mixed': {
        const token = this.tokens[pos];
        if (token !== undefined && anyWordMatches(el.alternatives, token)) {
          const end = this.matchFrom(elements, e + 1, pos + 1, captures);
          if (end >= 0) return end;
        }
        for (const name of el.classes) {
          const end = this.matchClass(name, elements, e, pos, captures);
          if (end >= 0) return end;
        }
        return -1;
      }
      case 'any': {
        const end = pos < this.tokens.length ? this.matchFrom(elements, e + 1, pos + 1, captures) : -1;
        if (end >= 0) markOpen(captures, pos, pos + 1);
        return end;
      }
      case 'gap': {
        // Most gaps are followed by a plain word ("i ~ kill"): a position where that word is not
        // is skipped here rather than in a call of its own (this is the matcher's busiest spot).
        const next = elements[e + 1];
        for (let skip = 0; skip <= MAX_GAP && pos + skip <= this.tokens.length; skip++) {
          if (next !== undefined && next.kind === 'word') {
            const token = this.tokens[pos + skip];
            if (token === undefined || !anyWordMatches(next.alternatives, token)) continue;
          }
          const end = this.matchFrom(elements, e + 1, pos + skip, captures);
          if (end >= 0) {
            markOpen(captures, pos, pos + skip);
            return end;
          }
        }
        return -1;
      }
      case 'class':
        return this.matchClass(el.name!, elements, e, pos, captures);
    }
  }

  private matchClass(name: ClassName, elements: readonly Element[], e: number, pos: number, captures: Captures): number {
    for (const classEnd of this.classEnds(name, pos)) {
      const end = this.matchFrom(elements, e + 1, classEnd, captures);
      if (end >= 0) {
        const words = this.tokens.slice(pos, classEnd).join(' ');
        captures[name] ??= name === 'harm' ? this.pack.lemma(words) : words;
        markOpen(captures, pos, classEnd);
        return end;
      }
    }
    return -1;
  }

  /**
   * Whether a match over tokens [start, end) is quoted speech. Every word inside quotation marks
   * is. A match that starts inside a quotation and runs past its closing mark is when the
   * quotation holds a threat of its own (a harm verb or weapon, and a target: '"the judge deserves
   * a bullet" for his ruling, I reported it', '« je vais te tuer » à une élue') and the author's
   * words after the mark add no harm verb, weapon or target to the match: they report or comment
   * on it (and an own signal in them is matched on its own, unquoted). When the author's words
   * complete the threat ('"i will kill" him', '"the judge deserves" a bullet', '"i will" kill him'),
   * the author quoted the first words of their own threat, which endorses it: not quoted.
   */
  private isQuoted(start: number, end: number): boolean {
    const quoted = this.quoted;
    if (!quoted[start]) return false;
    let close = start;
    while (close < end && close < quoted.length && quoted[close]) close++;
    if (close >= end || close >= quoted.length) return true;
    let open = start;
    while (open > 0 && quoted[open - 1]) open--;
    // The whole quotation is [open, close): the match left it at `close`. Quotations that touch
    // with no word between ('"the judge" "deserves a bullet"') are read as one.
    let violent = false;
    let target = false;
    for (let k = open; k < close; k++) {
      if (!violent && (this.endsWithin('harm', k, close) || this.endsWithin('weapon', k, close))) violent = true;
      if (!target && this.endsWithin('target', k, close)) target = true;
    }
    if (!violent || !target) return false;
    for (let k = close; k < end; k++) {
      if (this.classEnds('harm', k).length > 0 || this.classEnds('weapon', k).length > 0 || this.classEnds('target', k).length > 0) return false;
    }
    return true;
  }

  private endsWithin(name: ClassName, pos: number, limit: number): boolean {
    for (const e of this.classEnds(name, pos)) if (e <= limit) return true;
    return false;
  }

  classTags(): string[] {
    const tags = new Array<string>(this.tokens.length);
    for (let i = 0; i < this.tokens.length; i++) {
      if (this.classEnds('harm', i).length > 0) tags[i] = 'harm';
      else if (this.classEnds('weapon', i).length > 0) tags[i] = 'weapon';
      else tags[i] = this.classEnds('target', i).length > 0 && this.determinerEnd(i) === NONE ? 'target' : '';
    }
    return tags;
  }

  /** Harm verbs and weapons anywhere in the post. */
  violentWords(): string[] {
    const found: string[] = [];
    for (let i = 0; i < this.tokens.length; i++) {
      const end = this.classEnds('weapon', i)[0] ?? this.classEnds('harm', i)[0];
      if (end !== undefined) found.push(this.tokens.slice(i, end).join(' '));
    }
    return found;
  }

  private classEnds(name: ClassName, pos: number): readonly number[] {
    const memo = this.memo[name];
    let ends = memo[pos];
    if (ends === undefined) {
      ends = name === 'target' ? this.targetEnds(pos) : this.violentEnds(name, pos);
      memo[pos] = ends;
    }
    return ends;
  }

  /** The lookup of the token at `pos`; past the end, the answer for no word. */
  private wordAt(pos: number): WordLookup {
    return this.words[pos] ?? NOTHING;
  }

  /**
   * End positions of a target starting at `pos`, allowing a few determiners before it and, in
   * languages that put demonstratives after the noun, one after it ("hakim itu").
   */
  private targetEnds(pos: number): number[] {
    const ends: number[] = [];
    let start = pos;
    for (let d = 0; d <= MAX_DETERMINERS && start < this.tokens.length; d++) {
      this.addTargetEndsAt(start, ends);
      const det = this.determinerEnd(start);
      if (det === NONE) break;
      start = det;
    }
    const after = this.pack.postDeterminers;
    if (after.size > 0) {
      for (let i = 0, n = ends.length; i < n; i++) {
        const end = ends[i]!;
        const next = this.tokens[end];
        if (next !== undefined && after.has(next) && !ends.includes(end + 1)) ends.push(end + 1);
      }
    }
    return ends.length > 1 ? ends.sort((a, b) => b - a) : ends;
  }

  /** Targets and class tags both ask whether a determiner starts at a position: answered once. */
  private determinerEnd(pos: number): number {
    let end = this.determinerEnds[pos]!;
    if (end === UNKNOWN) {
      end = this.pack.determiners.endsOf(this.wordAt(pos).determiners, this.tokens, pos)[0] ?? NONE;
      this.determinerEnds[pos] = end;
    }
    return end;
  }

  private addTargetEndsAt(pos: number, ends: number[]): void {
    const token = this.tokens[pos];
    if (token === undefined) return;
    if (token.startsWith('@') && token.length > 1) ends.push(pos + 1);
    else if (this.hints.mentions.has(token) || this.hints.knownNameWords.has(token)) {
      let end = pos + 1;
      while (end < this.tokens.length && this.hints.knownNameWords.has(this.tokens[end]!)) end++;
      ends.push(end);
    } else if (this.nameLike[pos]) {
      let end = pos + 1;
      while (end < this.tokens.length && this.nameLike[end]) end++;
      ends.push(end);
    }
    for (const end of this.pack.targets.endsOf(this.words[pos]!.targets, this.tokens, pos)) if (!ends.includes(end)) ends.push(end);
  }
}

/** Empties a per-position memo for a post of `length` positions. */
function clear(memo: Array<readonly number[] | undefined>, length: number): void {
  memo.length = length;
  memo.fill(undefined);
}

