/** Public API of the screening engine (see docs/screening.md). */
export { createScreener, type Screener, type ScreenerOptions, type Analysis } from './screener.js';
export { DEFAULT_THRESHOLDS } from './decide.js';
export { validateInstanceRule, InstanceRuleError } from './instance-rules.js';
export type { Verdict, ScreeningContext, InstanceRule, Thresholds, Decision, ViolentCategory } from './types.js';
