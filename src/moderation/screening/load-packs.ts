/** Reads, validates and compiles every rule pack in a directory (one `<lang>.json` per language). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompiledPack } from './pack-matcher.js';
import { validatePack, type RulePack } from './pack-schema.js';
import { PhraseSet } from './phrase-set.js';

export const DEFAULT_PACKS_DIR = fileURLToPath(new URL('./packs/', import.meta.url));

export class PackError extends Error {}

/** What the engine needs from a pack besides its compiled patterns. */
export interface PackInfo {
  /** Second-person pronouns, normalised (lower case). */
  secondPerson: ReadonlySet<string>;
  /** Whether a capitalised word inside a sentence may be a name (false for languages that capitalise nouns). */
  capitalisedNames: boolean;
  /** Everyday words of the language, normalised, that make its pack run whatever language ID says. */
  markers: ReadonlySet<string>;
  /** Words, normalised, that look like written laughter elsewhere but are ordinary words here. */
  notLaughter: ReadonlySet<string>;
  /** Phrases with which an author makes a quotation their own ("I agree", "genau so", "ma rację"). */
  endorsements: PhraseSet;
  /** Negation words, normalised: "not exactly", "nie ma racji" endorse nothing. */
  negations: ReadonlySet<string>;
}

const INFO = new WeakMap<CompiledPack, PackInfo>();

/** The pack's extra settings; defaults for a pack compiled elsewhere. */
export function packInfo(pack: CompiledPack): PackInfo {
  return (
    INFO.get(pack) ?? {
      secondPerson: new Set(pack.lang === 'en' ? ['you', 'u', 'ya'] : []),
      capitalisedNames: true,
      markers: new Set(),
      notLaughter: new Set(),
      endorsements: new PhraseSet(),
      negations: new Set(),
    }
  );
}

export function compilePack(pack: RulePack): CompiledPack {
  const compiled = new CompiledPack(pack);
  INFO.set(compiled, {
    secondPerson: new Set((pack.secondPerson ?? []).map((w) => w.trim().toLowerCase())),
    capitalisedNames: pack.capitalisedNames ?? true,
    markers: new Set((pack.markers ?? []).map((w) => w.trim().toLowerCase())),
    notLaughter: new Set((pack.notLaughter ?? []).map((w) => w.trim().toLowerCase())),
    endorsements: new PhraseSet(pack.endorsements ?? []),
    negations: new Set((pack.negations ?? []).map((w) => w.trim().toLowerCase())),
  });
  return compiled;
}

export function readPack(path: string): RulePack {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const errors = validatePack(raw);
  if (errors.length > 0) throw new PackError(`${path}:\n  ${errors.join('\n  ')}`);
  return raw as RulePack;
}

export function packFiles(dir: string = DEFAULT_PACKS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^[a-z]{2}\.json$/u.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Compiles every valid pack; invalid packs are reported through `onError` and skipped. */
export function loadPacks(dir: string = DEFAULT_PACKS_DIR, onError?: (e: Error) => void): Map<string, CompiledPack> {
  const packs = new Map<string, CompiledPack>();
  for (const file of packFiles(dir)) {
    try {
      const pack = readPack(file);
      packs.set(pack.lang, compilePack(pack));
    } catch (e) {
      if (!onError) throw e;
      onError(e as Error);
    }
  }
  return packs;
}
