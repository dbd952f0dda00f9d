/**
 * Shared shape of the per-language pack tests: violent sentences must be flagged, benign
 * look-alikes must pass. Each language file lists its sentences and which extra facts it checks.
 */
import { describe, it, expect } from 'vitest';
import { createScreener } from '../../src/moderation/screening/screener.js';

export interface PackCases {
  /** [category, form, text]; a null category is not checked (an obfuscated form of any category). */
  violent: ReadonlyArray<readonly [category: string | null, form: string, text: string]>;
  /** [kind, text] */
  benign: ReadonlyArray<readonly [kind: string, text: string]>;
  /** Also check the verdict's category for violent sentences. */
  checkCategory?: boolean;
  /** Also check that violent sentences are detected as the pack's language. */
  checkLang?: boolean;
  /** Screen with the author's declared language, as a post created in that language would be. */
  declareLang?: boolean;
}

export function describePackCases(lang: string, cases: PackCases): void {
  describe(`${lang} pack`, async () => {
    const screener = await createScreener();
    const context = cases.declareLang ? { lang } : {};

    for (const [category, form, text] of cases.violent) {
      it(`flags ${category ?? 'a threat'} (${form}): ${text}`, () => {
        const verdict = screener.screen(text, context);
        expect(verdict.decision).not.toBe('allow');
        if (cases.checkCategory && category !== null) expect(verdict.category).toBe(category);
        if (cases.checkLang) expect(verdict.lang).toBe(lang);
      });
    }

    for (const [kind, text] of cases.benign) {
      it(`allows ${kind}: ${text}`, () => {
        expect(screener.screen(text, context).decision).toBe('allow');
      });
    }
  });
}

export interface CrossLanguageCues {
  /** [cue word, a threat in another language that contains the word]. */
  threats: ReadonlyArray<readonly [cue: string, text: string]>;
  /** Posts of the pack's own language that its cues (now phrases) must still allow. */
  benign: readonly string[];
  /** The strongest weight a benign cue on that word may keep; by default it may not fire at all. */
  maxCueWeight?: number;
}

/**
 * A pack also runs on posts of other languages (its author declared it, or language ID was
 * unsure), so a one-word cue that is an everyday word elsewhere would excuse threats there. Each
 * threat is screened with the pack's language declared: the cue may not fire on it (or only
 * weakly), and the threat must still be flagged.
 */
export function describeCrossLanguageCues(lang: string, cases: CrossLanguageCues): void {
  describe(`${lang} pack cues in other languages`, async () => {
    const screener = await createScreener();
    const maxWeight = cases.maxCueWeight ?? 0;
    for (const [cue, text] of cases.threats) {
      it(`no ${lang} benign cue${maxWeight > 0 ? ` above ${maxWeight}` : ''} on "${cue}" in: ${text}`, () => {
        const own = screener.analyze(text, { lang }).matches.find((m) => m.lang === lang);
        const onCue = (own?.benign ?? []).filter((b) => b.text === cue);
        expect(onCue.every((b) => b.weight <= maxWeight)).toBe(true);
        expect(screener.screen(text, { lang }).decision).not.toBe('allow');
      });
    }
    for (const text of cases.benign) {
      it(`still allows: ${text}`, () => {
        expect(screener.screen(text, { lang }).decision).toBe('allow');
      });
    }
  });
}
