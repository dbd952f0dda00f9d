/**
 * Screens a JSON Lines stream: each input line `{"id": …, "text": …}` produces one output line
 * `{"id","decision","category","score","lang","reasons"}` in input order. Malformed lines produce
 * `{"id": …|null, "error": "…"}` and the stream continues; so does a post the screener fails on.
 *
 * The lines that arrive together are screened together (`screenMany`, in batches of at most
 * BATCH), which is faster per post than one by one; a line is never held back waiting for more,
 * so a client that writes one line and waits for its answer gets it. Input is read a chunk at a
 * time and writes wait for the output to drain, so memory stays bounded however long the input is.
 */
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import type { PostToScreen, Screener } from './screener.js';
import type { Verdict } from './types.js';

const BATCH = 256;

export async function classifyStream(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, screener: Screener): Promise<void> {
  const lines = new LineSplitter();
  for await (const chunk of input) await classifyLines(lines.push(chunk as Buffer | string), output, screener);
  await classifyLines(lines.end(), output, screener);
}

/**
 * Cuts decoded text into lines at `\n`, `\r\n` or a lone `\r`. Only new text is searched for
 * line ends: the start of a long line waits in pieces, joined once its end arrives.
 */
class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pieces: string[] = [];
  /** The last text ended with `\r`: a `\n` opening the next text belongs to it. */
  private afterCarriageReturn = false;

  push(chunk: Buffer | string): string[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (this.afterCarriageReturn && text.startsWith('\n')) text = text.slice(1);
    if (text !== '') this.afterCarriageReturn = text.endsWith('\r');
    const parts = text.split(/\r\n|\r|\n/u);
    if (parts.length === 1) {
      this.pieces.push(text);
      return [];
    }
    const lines = [this.pieces.join('') + parts[0]!, ...parts.slice(1, -1)];
    this.pieces = [parts[parts.length - 1]!];
    return lines;
  }

  /** The last line, if the input did not end with a line break. */
  end(): string[] {
    const last = this.pieces.join('') + this.decoder.end();
    this.pieces = [];
    return last === '' ? [] : [last];
  }
}

async function classifyLines(lines: readonly string[], output: NodeJS.WritableStream, screener: Screener): Promise<void> {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  for (let start = 0; start < nonEmpty.length; start += BATCH) {
    for (const result of classifyBatch(nonEmpty.slice(start, start + BATCH), screener)) {
      if (!output.write(JSON.stringify(result) + '\n')) await once(output, 'drain');
    }
  }
}

/** One result per line, in order: a verdict, or the reason the line could not be read or screened. */
function classifyBatch(lines: readonly string[], screener: Screener): Array<Record<string, unknown>> {
  const read = lines.map(readLine);
  const posts = read.filter((r): r is ReadRow => 'post' in r);
  const verdicts = screenEach(posts, screener);
  let next = 0;
  return read.map((r) => {
    if (!('post' in r)) return r;
    const v = verdicts[next++]!;
    if (v instanceof Error) return { id: r.id, error: `could not screen this post: ${v.message}` };
    return { id: r.id, decision: v.decision, category: v.category, score: v.score, lang: v.lang, reasons: v.reasons };
  });
}

/**
 * Verdicts for a batch; should screening fail, the posts are screened one by one, so that one
 * post that cannot be screened costs its own line only.
 */
function screenEach(rows: readonly ReadRow[], screener: Screener): Array<Verdict | Error> {
  try {
    return screener.screenMany(rows.map((r) => r.post));
  } catch {
    return rows.map((r) => {
      try {
        return screener.screen(r.post.text, r.post.context);
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
    });
  }
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
