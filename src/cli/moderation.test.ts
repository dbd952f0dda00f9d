import { describe, it, expect } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { runModerationCommand } from './moderation.js';

function io(input: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  return { io: { stdin: Readable.from([input]), stdout, stderr }, out, err };
}

describe('runModerationCommand', () => {
  it('classify screens JSON Lines from stdin', async () => {
    const t = io('{"id":"1","text":"@anna I will kill you tonight"}\n{"id":"2","text":"my feet are killing me"}\n');
    expect(await runModerationCommand(['classify'], t.io)).toBe(0);
    const rows = t.out.join('').trim().split('\n').map((l) => JSON.parse(l) as { id: string; decision: string });
    expect(rows.map((r) => r.id)).toEqual(['1', '2']);
    expect(rows[0]?.decision).not.toBe('allow');
    expect(rows[1]?.decision).toBe('allow');
  });

  it('fails with a clear message for unknown subcommands', async () => {
    const t = io('');
    expect(await runModerationCommand(['frobnicate'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/unknown moderation subcommand "frobnicate"/u);
  });
});
