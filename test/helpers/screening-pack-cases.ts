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
