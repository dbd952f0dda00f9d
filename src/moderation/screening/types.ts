/** Shared types of the screening engine (see docs/screening.md). */

export type Decision = 'allow' | 'review' | 'hold';

export const VIOLENT_CATEGORIES = ['threat', 'incitement', 'death_wish', 'plan', 'glorification'] as const;
export type ViolentCategory = (typeof VIOLENT_CATEGORIES)[number];

/** Kinds of benign cue a rule pack can list under `benign`. */
export const BENIGN_CUE_KINDS = [
  'reporting',
  'condemnation',
  'idiom',
  'sports',
  'gaming',
  'cooking',
  'computing',
  'fiction',
  'history',
  'lawful',
] as const;
export type BenignCueKind = (typeof BENIGN_CUE_KINDS)[number];

/** Benign cue kinds that say violent words are about play: a game or a match. */
export const PLAY_KINDS: ReadonlySet<string> = new Set<BenignCueKind>(['gaming', 'sports']);

export interface Verdict {
  decision: Decision;
  category: ViolentCategory | null;
  /** 0..1, how likely the post is violent. */
  score: number;
  /** ISO 639-1, 'und' when unknown. */
  lang: string;
  /** Readable by a moderator: which rule or feature fired. */
  reasons: string[];
  /** Set when an instance rule with action `warn` matched. */
  contentWarning?: string;
}

export interface Thresholds {
  /** Score at or above which a post is published and queued for review. */
  review: number;
  /** Score at or above which a post is held (subject to the strong-evidence requirement). */
  hold: number;
}

export type InstanceRuleKind = 'word' | 'phrase' | 'regex';
export type InstanceRuleAction = 'review' | 'hold' | 'warn';

export interface InstanceRule {
  id: string;
  /** ISO 639-1 code the rule applies to, or null for every language. */
  lang: string | null;
  kind: InstanceRuleKind;
  pattern: string;
  action: InstanceRuleAction;
}

export interface ScreeningContext {
  thresholds?: Partial<Thresholds>;
  instanceRules?: readonly InstanceRule[];
  /** Accounts mentioned in the post (with or without the leading @). */
  mentions?: readonly string[];
  /** Names of people known to the instance (e.g. display names), matched as targets. */
  knownNames?: readonly string[];
  /** Language the author declared; used when detection is unsure. */
  lang?: string;
}
