import type { ReportCategory, ReportLane } from '../../db/schema/moderation.js';

/** The violence policy's categories: reports in these go to the fast lane. */
export const VIOLENT_REPORT_CATEGORIES = ['threat', 'incitement', 'death_wish', 'plan', 'glorification'] as const;
export const REPORT_CATEGORIES: readonly ReportCategory[] = [
  'spam', 'legal', 'violation', 'other', ...VIOLENT_REPORT_CATEGORIES,
];

export function isViolentCategory(category: string | null | undefined): boolean {
  return (VIOLENT_REPORT_CATEGORIES as readonly string[]).includes(category ?? '');
}

export function laneFor(category: ReportCategory, held = false): ReportLane {
  return held || isViolentCategory(category) ? 'violent' : 'general';
}

/** Policy defaults: the fast lane is decided within 15 minutes, the rest within 24 hours. */
export const DEFAULT_DEADLINES_MS: Record<ReportLane, number> = {
  violent: 15 * 60_000,
  general: 24 * 60 * 60_000,
};

// How dangerous each category is when true; plans and threats against people come first.
const SEVERITY: Record<ReportCategory, number> = {
  plan: 1,
  threat: 0.95,
  incitement: 0.9,
  death_wish: 0.85,
  glorification: 0.7,
  legal: 0.6,
  violation: 0.5,
  other: 0.3,
  spam: 0.2,
};

export interface PriorityInput {
  category: ReportCategory;
  /** The author's followers: a threat from a large account reaches more people. */
  authorFollowers: number;
  /** Independent reporters (people, flaggers, screening). */
  reporterCount: number;
  /** Screening score, when screening filed or joined the report. */
  screeningScore?: number | null;
  held?: boolean;
}

/**
 * Priority inside a lane: severity dominates, then the author's reach (logarithmic, so one huge
 * account does not drown everything), then how many independent reporters agree.
 */
export function computePriority(input: PriorityInput): number {
  const severity = SEVERITY[input.category] * 100;
  const reach = Math.log10(1 + Math.max(0, input.authorFollowers)) * 10;
  const crowd = Math.min(Math.max(0, input.reporterCount - 1), 10) * 4;
  const confidence = (input.screeningScore ?? 0) * 10;
  const heldBonus = input.held ? 10 : 0;
  return Math.round((severity + reach + crowd + confidence + heldBonus) * 100) / 100;
}
