/**
 * The seam between content-writing services (posts, edits, profiles) and the screening
 * engine. Services call `ctx.screener.screen(text, input)` before they store anything; the
 * instance's own rules and thresholds (set by admins) are applied on every call.
 */
import type { Logger } from '../logger.js';
import { createScreener, type InstanceRule, type Screener, type Thresholds } from './screening/index.js';

export type ScreeningDecision = 'allow' | 'review' | 'hold';

export interface ScreeningResult {
  decision: ScreeningDecision;
  category: string | null;
  score: number;
  lang: string;
  reasons: string[];
  contentWarning?: string;
}

export interface ScreeningInput {
  /** Usernames or handles @-mentioned in the text, so the engine can recognise targets. */
  mentions?: string[];
  /** Language the author declared, if any. */
  language?: string | null;
}

export interface ContentScreener {
  screen(text: string, input?: ScreeningInput): ScreeningResult;
}

/** What admins configure: their own rules and the review/hold thresholds. */
export interface ScreeningPolicy {
  rules: InstanceRule[];
  thresholds: Partial<Thresholds>;
}

let sharedEngine: Promise<Screener> | null = null;

/**
 * The engine is pure and its load is the slow part, so one instance serves the process. A rule
 * pack that fails validation is skipped and logged, not fatal: the other languages keep working
 * (the pack tests catch it before it ships).
 */
function engine(logger: Logger): Promise<Screener> {
  sharedEngine ??= createScreener({ onPackError: (err) => logger.error({ err }, 'screening rule pack skipped') });
  return sharedEngine;
}

export async function loadContentScreener(policy: ScreeningPolicy, logger: Logger): Promise<ContentScreener> {
  const screener = await engine(logger);
  return {
    screen(text, input = {}) {
      const verdict = screener.screen(text, {
        instanceRules: policy.rules,
        thresholds: policy.thresholds,
        ...(input.mentions ? { mentions: input.mentions } : {}),
        ...(input.language ? { lang: input.language } : {}),
      });
      return { ...verdict };
    },
  };
}
