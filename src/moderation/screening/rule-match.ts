/** What matching a rule pack against one post yields (read by rule-evidence.ts and the screener). */

export interface RuleMatch {
  /** A violent category or a benign cue kind. */
  group: string;
  source: string;
  weight: number;
  start: number;
  end: number;
  /** The words of the post the pattern covered. */
  text: string;
  harm?: string;
  target?: string;
  weapon?: string;
  /** Every word of the match stands inside quotation marks. */
  quoted?: boolean;
  /**
   * Token ranges, as [start, end) pairs, that the pattern matched with a gap, `_` or a class
   * rather than with its own words: a benign cue there is not part of the construction.
   */
  open?: readonly number[];
}

export interface PackMatches {
  lang: string;
  signals: RuleMatch[];
  benign: RuleMatch[];
  planCues: string[];
  /** Harm verbs and weapons mentioned anywhere, matched by a pattern or not. */
  violentWords: string[];
  /** Per token: 'harm', 'weapon', 'target' or '' — the class the token starts, for the model. */
  tags: string[];
}

/** Per-post target knowledge that is not in the pack: mentions and names. */
export interface TargetHints {
  mentions: ReadonlySet<string>;
  knownNameWords: ReadonlySet<string>;
}
