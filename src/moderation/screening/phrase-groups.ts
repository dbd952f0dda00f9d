/**
 * Phrase alternatives in patterns: `(mach auf|die tür auf)` stands for either phrase, and
 * `(the|)` for an optional word. A token `a|b` offers alternatives for one position only, so
 * pack authors who wrote `in het ziekenhuis|in de kist` got a pattern that never matched; a
 * group says what they meant. Groups are expanded into plain patterns when a pack compiles, so
 * the matcher never sees them.
 */

/** A group: `(` at the start of a token, `)` at the end of one, at least one `|`, no nesting. */
const GROUP = /(?<=^|\s)\(([^()]*\|[^()]*)\)(?=\s|$)/u;
/** More expansions than this make a pattern too broad to read as one rule. */
export const MAX_EXPANSIONS = 32;

/** Whether the pattern holds a phrase group at all (most do not: they compile as they are). */
export function hasPhraseGroup(pattern: string): boolean {
  // Most patterns have no bracket at all: a character search spares them the regex.
  return pattern.includes('(') && GROUP.test(pattern);
}

/**
 * The plain patterns a pattern stands for, in the order its choices are written (the first
 * choice of every group first). A pattern without groups is its own only expansion.
 */
export function expandPhraseGroups(pattern: string): string[] {
  const match = pattern.includes('(') ? GROUP.exec(pattern) : null;
  if (!match) return [pattern];
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  const out: string[] = [];
  for (const choice of match[1]!.split('|')) {
    for (const rest of expandPhraseGroups(after)) {
      out.push(`${before} ${choice.trim()} ${rest}`.trim().replace(/\s+/gu, ' '));
      if (out.length > MAX_EXPANSIONS) throw new Error(`a pattern may stand for at most ${MAX_EXPANSIONS} phrases: ${pattern}`);
    }
  }
  return out;
}

/** Why a pattern's groups cannot be expanded, or null (the expansions are checked on their own). */
export function phraseGroupProblem(pattern: string): string | null {
  try {
    for (const expansion of expandPhraseGroups(pattern)) {
      for (const token of expansion.split(' ')) {
        // What is left of a group that did not expand: an opening bracket, a closing one without
        // its pair ("wait()" is a word), or a bracket in a token of alternatives.
        const glued = token.includes('|') && (token.includes('(') || token.includes(')'));
        if (glued || token.startsWith('(') || (token.endsWith(')') && !token.includes('('))) return 'phrase groups "(a b|c d)" must stand apart from other words and cannot be nested';
      }
    }
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
