import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDatasets } from './training/dataset.js';
import { normalize } from './normalize.js';
import { loadPacks } from './load-packs.js';
import { literalGate, passesGate, RegexGates } from './regex-gate.js';

describe('literalGate', () => {
  it('finds the words every match needs, after optional and zero-width parts', () => {
    // Of the sets every match needs, the cheapest to check: few strings, each long enough to be rare.
    expect(literalGate('(?:^| )(?:opowiedzian|opisan)[aeyą] (?:przez|oczami)')).toEqual(['opisan', 'opowiedzian']);
    expect(literalGate('(?<!nie )(?:^| )zabij\\S* (?: \\S+){0,3}')).toEqual(['zabij']);
    expect(literalGate('^(?![\\s\\S]*(?:^| )listopada)[\\s\\S]*?(?:^| )(?:powiedz|mów)')).toEqual(['mów', 'powiedz']);
    // Two strings beat four ('kill him', 'kill her', …); a longer shortest string beats a shorter one.
    expect(literalGate('(?:kill|shoot) (?:him|her)')).toEqual(['kill', 'shoot']);
    expect(literalGate('\\b(?:killed|shot)\\b \\d+ (?:people|students)')).toEqual(['people', 'students']);
    // Exact parts concatenate into longer strings when nothing shorter will do.
    expect(literalGate('(?:^| )(?:zab|ub)(?:ij|ić)')).toEqual(['ubij', 'ubić', 'zabij', 'zabić']);
  });

  it('answers null when a match needs no particular word', () => {
    expect(literalGate('(?:^| )1[0-9]{3}(?: |$)')).toBeNull();
    expect(literalGate('(?:kill)?\\S+')).toBeNull();
    expect(literalGate('a|\\S+')).toBeNull();
    expect(literalGate('(?:kill|)')).toBeNull();
    expect(literalGate('[^a]+')).toBeNull();
    // Too short to save anything.
    expect(literalGate('(?:^| )ok(?: |$)')).toBeNull();
    // Not a pattern this reader understands.
    expect(literalGate('(?:kill')).toBeNull();
  });

  it('treats repeated and lazy parts as needed at least once', () => {
    expect(literalGate('(?:bang)+!')).toEqual(['bang']);
    expect(literalGate('(?:bang){2,}?')).toEqual(['bang']);
    expect(literalGate('(?:bang){0,2}x')).toBeNull();
  });

  it('keeps escaped punctuation and astral characters as literals', () => {
    expect(literalGate('kill\\.exe')).toEqual(['kill.exe']);
    expect(literalGate('🔪🔪🔪')).toEqual(['🔪🔪🔪']);
  });
});

describe('RegexGates', () => {
  it('answers for each regex what passesGate answers, reading the text once', () => {
    const gates = [['przez', 'oczami'], null, ['zabij'], ['oczami']];
    const checker = new RegexGates(gates);
    for (const text of ['opisana przez historyka', 'zabij go oczami', 'zwykły post', '']) {
      checker.check(text);
      expect(gates.map((_, i) => checker.passes(i))).toEqual(gates.map((g) => passesGate(g, text)));
    }
  });

  it('lets every regex through when none has a gate', () => {
    const checker = new RegexGates([null, null]);
    checker.check('anything');
    expect([checker.passes(0), checker.passes(1)]).toEqual([true, true]);
  });
});

describe('passesGate', () => {
  it('lets a text through when it holds a gate string, or when there is no gate', () => {
    expect(passesGate(['przez', 'oczami'], 'opisana przez historyka')).toBe(true);
    expect(passesGate(['przez', 'oczami'], 'zwykły post')).toBe(false);
    expect(passesGate(null, 'anything')).toBe(true);
  });
});

/** Every regex rule of every pack, by language. */
function packRegexes(): Map<string, string[]> {
  const dir = new URL('./packs/', import.meta.url);
  const out = new Map<string, string[]>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const sources: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x !== null && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.re === 'string') sources.push(o.re);
        Object.values(o).forEach(walk);
      }
    };
    walk(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
    out.set(f.slice(0, 2), sources);
  }
  return out;
}

describe('gates of the rule packs', () => {
  it('never hold back a regex from a training post it matches', () => {
    const posts = new Map<string, string[]>();
    for (const e of loadDatasets()) if (e.split === 'train') (posts.get(e.lang) ?? posts.set(e.lang, []).get(e.lang)!).push(normalize(e.text).text);
    let checked = 0;
    const wrong: string[] = [];
    for (const [lang, sources] of packRegexes()) {
      for (const source of sources) {
        const gate = literalGate(source);
        if (gate === null) continue;
        const re = new RegExp(source, 'u');
        for (const text of posts.get(lang) ?? []) {
          if (!re.test(text)) continue;
          checked++;
          if (!passesGate(gate, text)) wrong.push(`${lang} ${source.slice(0, 60)}: ${text.slice(0, 60)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The check means something only if the regexes match training posts at all.
    expect(checked).toBeGreaterThan(500);
  }, 120_000);
});

describe('gates checked together', () => {
  it('run on every training post exactly the regexes that passesGate lets through', () => {
    const texts = loadDatasets()
      .filter((e) => e.split === 'train')
      .map((e) => normalize(e.text).text);
    let gated = 0;
    let passed = 0;
    const wrong: string[] = [];
    // Every pack against every language's posts: a pack also runs on posts its markers pull in.
    for (const [lang, pack] of loadPacks()) {
      const built = pack.compiled();
      for (const [regexes, gates] of [
        [built.signalRegexes, built.signalGates],
        [built.benignRegexes, built.benignGates],
      ] as const) {
        gated += regexes.filter((r) => r.gate !== null).length;
        for (const text of texts) {
          gates.check(text);
          for (let i = 0; i < regexes.length; i++) {
            const old = passesGate(regexes[i]!.gate, text);
            if (gates.passes(i) !== old && wrong.length < 20) wrong.push(`${lang} ${regexes[i]!.re.source.slice(0, 60)}: ${text.slice(0, 60)}`);
            if (old && regexes[i]!.gate !== null) passed++;
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    // The comparison means something only if many regexes have gates and posts open them.
    expect(gated).toBeGreaterThan(200);
    expect(passed).toBeGreaterThan(1000);
  }, 120_000);
});
