/**
 * Which of many sets of strings occur in a text, in one pass over it (Aho–Corasick).
 *
 * Built once from a list of sets; `scan(text)` reads the text once, and afterwards `found(i)`
 * tells whether any string of set `i` occurs in it, exactly as `strings.some((s) =>
 * text.includes(s))` would. Strings are matched by UTF-16 code units, as `includes` does.
 *
 * The automaton is a dense table: characters that occur in some string get a column each, every
 * other character shares column 0, which leads back to the root from every state; two typed
 * array reads per character (its column, then the next state), more only where a string ends. A scan allocates nothing: the
 * sets found are marked in a typed array with the number of the scan.
 */
export class MultiStringSearch {
  /** Column of each character code below its length; 0 for characters in no string. */
  private readonly column: Uint16Array;
  private readonly width: number;
  /**
   * `next[state * width + column]`: the state after reading a character in that column, as its
   * row offset (`state * width`) times two, plus one when reaching it finds a string.
   */
  private readonly next: Int32Array;
  /** The sets to mark on reaching a state: `outIds[outStart[s] .. outStart[s + 1])`. */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  /** Sets that hold the empty string, found in every text. */
  private readonly always: Uint8Array;
  /** `seen[i] === scans` when set `i` was found by the latest scan. */
  private readonly seen: Uint32Array;
  private scans = 0;

  constructor(sets: readonly (readonly string[])[]) {
    this.always = new Uint8Array(sets.length);
    this.seen = new Uint32Array(sets.length);
    // Columns for the characters the strings use.
    let maxCode = 0;
    const columnOf = new Map<number, number>();
    for (const set of sets) {
      for (const s of set) {
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i);
          if (!columnOf.has(c)) columnOf.set(c, columnOf.size + 1);
          if (c > maxCode) maxCode = c;
        }
      }
    }
    this.width = columnOf.size + 1;
    this.column = new Uint16Array(columnOf.size === 0 ? 0 : maxCode + 1);
    for (const [c, col] of columnOf) this.column[c] = col;

    // The trie: children by column, and the sets each string ends for.
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    sets.forEach((set, id) => {
      for (const s of set) {
        if (s === '') {
          this.always[id] = 1;
          continue;
        }
        let state = 0;
        for (let i = 0; i < s.length; i++) {
          const col = this.column[s.charCodeAt(i)]!;
          let child = children[state]!.get(col);
          if (child === undefined) {
            child = children.length;
            children.push(new Map());
            ends.push([]);
            children[state]!.set(col, child);
          }
          state = child;
        }
        if (!ends[state]!.includes(id)) ends[state]!.push(id);
      }
    });

    // Breadth first: each state's missing transitions are its failure state's, and it also ends
    // whatever its failure state ends (a string that is a suffix of the text read so far).
    const count = children.length;
    const width = this.width;
    if (count * width * 2 > 0x7fffffff) throw new RangeError('too many strings for one automaton');
    const next = new Int32Array(count * width);
    const fail = new Int32Array(count);
    const outputs: number[][] = ends.map((e) => [...e]);
    const queue: number[] = [];
    for (const [col, child] of children[0]!) {
      next[col] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const f = fail[state]!;
      for (const id of outputs[f]!) if (!outputs[state]!.includes(id)) outputs[state]!.push(id);
      for (let col = 0; col < width; col++) {
        const child = children[state]!.get(col);
        if (child === undefined) {
          next[state * width + col] = next[f * width + col]!;
        } else {
          next[state * width + col] = child;
          fail[child] = next[f * width + col]!;
          queue.push(child);
        }
      }
    }
    // Each entry becomes the next state's row offset, doubled, plus 1 when that state ends a string.
    for (let k = 0; k < next.length; k++) {
      const to = next[k]!;
      next[k] = ((to * width) << 1) | (outputs[to]!.length > 0 ? 1 : 0);
    }
    this.next = next;
    this.outStart = new Int32Array(count + 1);
    for (let s = 0; s < count; s++) this.outStart[s + 1] = this.outStart[s]! + outputs[s]!.length;
    this.outIds = new Int32Array(outputs.flat());
  }

  /** Reads `text` once and records which sets occur in it, for `found`. */
  scan(text: string): void {
    if (this.scans === 0xffffffff) {
      this.seen.fill(0);
      this.scans = 0;
    }
    const scan = ++this.scans;
    const { column, next, outStart, outIds, seen, width } = this;
    const columns = column.length;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const to = next[row + (c < columns ? column[c]! : 0)]!;
      row = to >> 1;
      if ((to & 1) === 0) continue;
      const state = row / width;
      const end = outStart[state + 1]!;
      for (let k = outStart[state]!; k < end; k++) seen[outIds[k]!] = scan;
    }
  }

  /** Whether the text of the latest scan holds a string of set `id`. */
  found(id: number): boolean {
    return this.always[id] === 1 || (this.seen[id] === this.scans && this.scans !== 0);
  }
}
