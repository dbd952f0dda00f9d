import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/parley.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed CLI (the compiled build) against its own SQLite data directory. */
function parley(dataDir: string, args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, PARLEY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('parley accounts (CLI)', () => {
  let dataDir: string;
  beforeAll(() => {
    if (!fs.existsSync(path.join(root, 'dist/cli/main.js'))) throw new Error('Run `npm run build` first: the CLI tests spawn the compiled build');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates accounts, including reserved staff names, in the data directory', async () => {
    const admin = await parley(dataDir, ['accounts', 'create', '--username', 'admin', '--email', 'admin@example.test', '--password', 'a long enough password', '--role', 'admin']);
    expect(admin.stderr).toBe('');
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/^Created @admin \(id \d+, role admin\)\n$/);
    const user = await parley(dataDir, ['accounts', 'create', '--username', 'lena', '--email', 'lena@example.test', '--password', 'a long enough password']);
    expect(user.code).toBe(0);
    expect(user.stdout).toContain('Created @lena');
    expect(user.stdout).toContain('role user');
    expect(fs.existsSync(path.join(dataDir, 'parley.sqlite3'))).toBe(true);
  });

  it('lists accounts, optionally by role', async () => {
    const all = await parley(dataDir, ['accounts', 'list']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/\t@admin\tadmin@example\.test\tadmin\n/);
    expect(all.stdout).toMatch(/\t@lena\tlena@example\.test\tuser\n/);
    expect(all.stdout).toContain('2 account(s)');
    const admins = await parley(dataDir, ['accounts', 'list', '--role', 'admin']);
    expect(admins.stdout).toContain('@admin');
    expect(admins.stdout).not.toContain('@lena');
    expect(admins.stdout).toContain('1 account(s)');
  });

  it('changes a role', async () => {
    const res = await parley(dataDir, ['accounts', 'set-role', '--username', 'lena', '--role', 'moderator']);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('@lena is now moderator\n');
    const mods = await parley(dataDir, ['accounts', 'list', '--role', 'moderator']);
    expect(mods.stdout).toContain('@lena');
  });

  it('approves an account waiting for approval, and lists it as pending before', async () => {
    await parley(dataDir, ['accounts', 'create', '--username', 'waiting', '--email', 'waiting@example.test', '--password', 'a long enough password']);
    const sqlite = new SQLite(path.join(dataDir, 'parley.sqlite3'));
    sqlite.prepare("update users set approved = 0 where email = 'waiting@example.test'").run();
    sqlite.close();
    const before = await parley(dataDir, ['accounts', 'list']);
    expect(before.stdout).toMatch(/\t@waiting\twaiting@example\.test\tuser\tpending\n/);
    const res = await parley(dataDir, ['accounts', 'approve', '--username', '@waiting']);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('@waiting is approved and can log in\n');
    const after = await parley(dataDir, ['accounts', 'list']);
    expect(after.stdout).toMatch(/\t@waiting\twaiting@example\.test\tuser\n/);
    const again = await parley(dataDir, ['accounts', 'approve', '--username', 'waiting']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('parley: @waiting is not awaiting approval\n');
  });

  it.each([
    [['accounts', 'approve'], 2, 'accounts approve needs --username'],
    [['accounts'], 2, 'accounts needs a subcommand'],
    [['accounts', 'frobnicate'], 2, 'accounts needs a subcommand'],
    [['accounts', 'create', '--username', 'x'], 2, 'needs --username, --email and --password'],
    [['accounts', 'create', '--nope'], 2, "Unknown option '--nope'"],
    [['accounts', 'set-role', '--username', 'lena', '--role', 'king'], 2, '--role must be one of user, moderator, admin'],
    [['accounts', 'set-role', '--username', 'ghost', '--role', 'admin'], 1, 'No local account named @ghost'],
    [['accounts', 'create', '--username', 'LENA', '--email', 'other@example.test', '--password', 'a long enough password'], 1, 'username is already taken'],
    [['accounts', 'create', '--username', 'shorty', '--email', 's@example.test', '--password', 'short'], 1, 'password must be at least 8 characters'],
    [['nonsense'], 2, 'Unknown command "nonsense"'],
  ])('refuses %j with exit code %i and a clear message', async (args, code, message) => {
    const res = await parley(dataDir, args);
    expect(res.code).toBe(code);
    expect(res.stderr).toContain(message);
    expect(res.stderr).toMatch(/^parley: /);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
