/**
 * The seam between content-writing services (posts, edits, profiles) and the screening
 * engine. Services call `ctx.screener.screen(text, context)` before they store anything.
 */
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

/** Until the engine is wired in, everything is allowed; replaced by the real engine. */
export async function loadContentScreener(): Promise<ContentScreener> {
  return {
    screen: () => ({ decision: 'allow', category: null, score: 0, lang: 'und', reasons: [] }),
  };
}
