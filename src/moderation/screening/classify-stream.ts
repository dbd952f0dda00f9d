/**
 * Screens a JSON Lines stream: each input line `{"id": …, "text": …}` produces one output line
 * `{"id","decision","category","score","lang","reasons"}` in input order. Malformed lines produce
 * `{"id": …|null, "error": "…"}` and the stream continues.
 *
 * The lines that arrive together are screened together (`screenMany`, in batches of at most
 * BATCH), which is faster per post than one by one; a line is never held back waiting for more,
 * so a client that writes one line and waits for its answer gets it. Input is read a chunk at a
 * time and writes wait for the output to drain, so memory stays bounded however long the input is.
 */
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import type { PostToScreen, Screener } from './screener.js';

const BATCH = 256;

export async function classifyStream(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, screener: Screener): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of input) {
    const lines = (carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer))).split('\n');
    carry = lines.pop()!;
    await classifyLines(lines, output, screener);
  }
  const last = carry + decoder.end();
  if (last !== '') await classifyLines([last], output, screener);
}

async function classifyLines(lines: readonly string[], output: NodeJS.WritableStream, screener: Screener): Promise<void> {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  for (let start = 0; start < nonEmpty.length; start += BATCH) {
    for (const result of classifyBatch(nonEmpty.slice(start, start + BATCH), screener)) {
      if (!output.write(JSON.stringify(result) + '\n')) await once(output, 'drain');
    }
  }
}

/** One result per line, in order: a verdict, or the reason the line could not be read. */
export function classifyBatch(lines: readonly string[], screener: Screener): Array<Record<string, unknown>> {
  const read = lines.map(readLine);
  const posts = read.filter((r): r is ReadRow => 'post' in r);
  const verdicts = screener.screenMany(posts.map((r) => r.post));
  let next = 0;
  return read.map((r) => {
    if (!('post' in r)) return r;
    const v = verdicts[next++]!;
    return { id: r.id, decision: v.decision, category: v.category, score: v.score, lang: v.lang, reasons: v.reasons };
  });
}

export function classifyLine(line: string, screener: Screener): Record<string, unknown> {
  return classifyBatch([line], screener)[0]!;
}

interface ReadRow {
  id: string | number | null;
  post: PostToScreen;
}

function readLine(line: string): ReadRow | Record<string, unknown> {
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
  return { id, post: { text: record.text, context: lang ? { lang } : {} } };
}
