/**
 * Screens a JSON Lines stream: each input line `{"id": …, "text": …}` produces one output line
 * `{"id","decision","category","score","lang","reasons"}` in input order. Malformed lines produce
 * `{"id": …|null, "error": "…"}` and the stream continues. Lines are read one at a time and
 * writes wait for the output to drain, so memory stays bounded however long the input is.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Screener } from './screener.js';

export async function classifyStream(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, screener: Screener): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const ok = output.write(JSON.stringify(classifyLine(line, screener)) + '\n');
    if (!ok) await once(output, 'drain');
  }
}

export function classifyLine(line: string, screener: Screener): Record<string, unknown> {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (e) {
    return { id: null, error: `invalid JSON: ${(e as Error).message}` };
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { id: null, error: 'each line must be a JSON object' };
  const record = row as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : null;
  if (typeof record.text !== 'string') return { id, error: 'missing or non-string "text"' };
  const lang = typeof record.lang === 'string' ? record.lang : undefined;
  const v = screener.screen(record.text, lang ? { lang } : {});
  return { id, decision: v.decision, category: v.category, score: v.score, lang: v.lang, reasons: v.reasons };
}
