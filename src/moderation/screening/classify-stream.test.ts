import { once } from 'node:events';
import { describe, it, expect } from 'vitest';
import { PassThrough, Readable, Writable } from 'node:stream';
import { classifyStream } from './classify-stream.js';
import type { Screener } from './screener.js';
import type { Verdict } from './types.js';

const judge = (text: string): Verdict => ({ decision: text.includes('kill') ? 'review' : 'allow', category: text.includes('kill') ? 'threat' : null, score: text.includes('kill') ? 0.8 : 0.1, lang: 'en', reasons: [] });
/** Sizes of the batches the stream asked for. */
const batches: number[] = [];
/** A stand-in screener: the stream's job is framing, batching and order, not judging. */
const fakeScreener: Screener = {
  languages: ['en'],
  screen: judge,
  screenMany: (posts) => {
    batches.push(posts.length);
    return posts.map((p) => judge(p.text));
  },
  analyze: () => {
    throw new Error('not used');
  },
};

async function run(input: string): Promise<Array<Record<string, unknown>>> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  await classifyStream(Readable.from([input]), out, fakeScreener);
  return chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('classifyStream', () => {
  it('writes one verdict line per input line, in order', async () => {
    const rows = await run('{"id":"a","text":"i will kill you"}\n{"id":"b","text":"nice day"}\n');
    expect(rows).toEqual([
      { id: 'a', decision: 'review', category: 'threat', score: 0.8, lang: 'en', reasons: [] },
      { id: 'b', decision: 'allow', category: null, score: 0.1, lang: 'en', reasons: [] },
    ]);
  });

  it('reports malformed lines and continues', async () => {
    const rows = await run('not json\n{"id":"c"}\n{"id":"d","text":5}\n[1]\n{"id":"e","text":"ok"}');
    expect(rows[0]).toMatchObject({ id: null, error: expect.stringMatching(/invalid JSON/) });
    expect(rows[1]).toEqual({ id: 'c', error: 'missing or non-string "text"' });
    expect(rows[2]).toEqual({ id: 'd', error: 'missing or non-string "text"' });
    expect(rows[3]).toMatchObject({ id: null, error: 'each line must be a JSON object' });
    expect(rows[4]).toMatchObject({ id: 'e', decision: 'allow' });
  });

  it('screens lines that arrive together in batches of at most 256, and lines split across chunks whole', async () => {
    batches.length = 0;
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ id: i, text: i % 3 ? 'hi' : 'kill' })).join('\n');
    const bytes = Buffer.from(`${lines}\n{"id":"last","text":"kill ünïcödé"}`);
    // Cut inside the last line and inside a two-byte character.
    const cut = bytes.length - 4;
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString()));
    await classifyStream(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]), out, fakeScreener);
    const rows = chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => r.id)).toEqual([...Array.from({ length: 600 }, (_, i) => i), 'last']);
    expect(rows[3]).toMatchObject({ id: 3, decision: 'review' });
    expect(rows[4]).toMatchObject({ id: 4, decision: 'allow' });
    expect(batches).toEqual([256, 256, 88, 1]);
  });

  it('ends lines at a lone carriage return too, and joins a long line that arrives in many chunks', async () => {
    const long = 'x'.repeat(200_000);
    const text = `{"id":"a","text":"hi"}\r{"id":"b","text":"kill"}\r\n{"id":"c","text":"${long}"}\r`;
    const chunks = Array.from({ length: Math.ceil(text.length / 1000) }, (_, i) => text.slice(i * 1000, (i + 1) * 1000));
    const out = new PassThrough();
    const written: string[] = [];
    out.on('data', (c: Buffer) => written.push(c.toString()));
    await classifyStream(Readable.from(chunks), out, fakeScreener);
    const rows = written.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.id, r.decision])).toEqual([['a', 'allow'], ['b', 'review'], ['c', 'allow']]);
  });

  it('answers every other line of a batch when the screener fails on one post', async () => {
    const failing: Screener = {
      ...fakeScreener,
      screen: (text) => {
        if (text === 'BOOM') throw new Error('model file unreadable');
        return judge(text);
      },
      screenMany: (posts) => posts.map((p) => failing.screen(p.text, p.context)),
    };
    const out = new PassThrough();
    const written: string[] = [];
    out.on('data', (c: Buffer) => written.push(c.toString()));
    await classifyStream(Readable.from(['{"id":1,"text":"hi"}\nnot json\n{"id":2,"text":"BOOM"}\n{"id":3,"text":"kill"}\n']), out, failing);
    const rows = written.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toEqual([
      expect.objectContaining({ id: 1, decision: 'allow' }),
      expect.objectContaining({ id: null, error: expect.stringMatching(/invalid JSON/u) }),
      { id: 2, error: 'could not screen this post: model file unreadable' },
      expect.objectContaining({ id: 3, decision: 'review' }),
    ]);
  });

  it('answers each line as soon as it arrives, without waiting for more input', async () => {
    const input = new PassThrough();
    const out = new PassThrough();
    const done = classifyStream(input, out, fakeScreener);
    for (const id of ['x', 'y']) {
      input.write(`{"id":"${id}","text":"kill"}\n`);
      const [answer] = (await once(out, 'data')) as [Buffer];
      expect(JSON.parse(answer.toString())).toMatchObject({ id, decision: 'review' });
    }
    input.end();
    await done;
  });

  it('respects backpressure of a slow writer and handles many lines', async () => {
    const lines = Array.from({ length: 20000 }, (_, i) => JSON.stringify({ id: i, text: i % 2 ? 'kill' : 'hi' })).join('\n');
    let count = 0;
    let maxBuffered = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, cb) {
        count += chunk.toString().split('\n').length - 1;
        setImmediate(cb);
      },
    });
    const probe = setInterval(() => (maxBuffered = Math.max(maxBuffered, slow.writableLength)), 0);
    await classifyStream(Readable.from([lines]), slow, fakeScreener);
    await new Promise<void>((resolve) => slow.end(resolve));
    clearInterval(probe);
    expect(count).toBe(20000);
    expect(maxBuffered).toBeLessThan(64 * 1024);
  });
});
