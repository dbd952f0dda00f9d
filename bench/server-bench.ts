/**
 * The server benchmark: seeds a fresh SQLite database (10,000 accounts, 200 follows each,
 * 200,000 posts and their home feeds; `BENCH_SCALE` scales accounts and posts), starts Parley
 * and a bare Fastify hello-world in their own processes, and drives both with autocannon on
 * loopback: home-timeline reads (50 connections, `BENCH_DURATION` seconds) and post creation
 * with fan-out to 1,000 followers (posts created per second, counted until every fan-out job has
 * run; `BENCH_POST_DURATION` seconds of load at 10 connections).
 */
import autocannon, { type Options, type Result } from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../src/db/database.js';
import { serve } from './processes.js';
import { seedDatabase, type SeedSizes } from './seed-database.js';

const CONNECTIONS = 50;
// Writes serialize on one SQLite connection; more connections would only queue (and time out).
const POST_CONNECTIONS = 10;

export async function runServerBench(): Promise<Record<string, unknown>> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const duration = Number(process.env.BENCH_DURATION ?? '10');
  const postSeconds = Number(process.env.BENCH_POST_DURATION ?? String(Math.max(duration, 20)));
  if (!(scale > 0) || !(duration > 0) || !(postSeconds > 0)) throw new Error('BENCH_SCALE, BENCH_DURATION and BENCH_POST_DURATION must be positive');
  const accounts = Math.max(60, Math.round(10_000 * scale));
  const sizes: SeedSizes = {
    accounts,
    followsPerAccount: 200,
    posts: Math.round(200_000 * scale),
    posters: 10,
    posterFollowers: Math.min(1000, accounts - 10),
    readers: 1000,
    homeFeedCap: 800,
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
  const file = path.join(dir, 'parley.sqlite3');
  const t0 = Date.now();
  const log = (msg: string) => process.stderr.write(`[bench +${Math.round((Date.now() - t0) / 1000)}s] ${msg}\n`);
  const seed = await seedDatabase(file, sizes, log);
  log(`seeded in ${seed.seconds} s: ${JSON.stringify(seed.rows)}`);

  const parley = await serve('serve-parley.ts', {
    PARLEY_DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    PARLEY_DOMAIN: 'bench.test',
    LOG_LEVEL: 'warn',
    PARLEY_RATE_LIMITS: 'off',
    PARLEY_HOME_FEED_CAP: String(sizes.homeFeedCap),
  });
  const hello = await serve('serve-hello.ts');
  const database = openDatabase({ url: null, sqliteFile: file });
  try {
    const homeRequests = seed.readerTokens.slice(0, 200).map((token) => ({
      method: 'GET',
      path: '/api/v1/timelines/home?limit=20',
      headers: { authorization: `Bearer ${token}` },
    }));
    await assertServes(parley.url, homeRequests[0]!);
    log('warming up');
    await load({ url: parley.url, connections: CONNECTIONS, duration: 2, requests: homeRequests });
    await load({ url: hello.url, connections: CONNECTIONS, duration: 2, requests: [{ method: 'GET', path: '/hello' }] });

    log(`home timeline reads, ${duration} s each`);
    const home = await load({ url: parley.url, connections: CONNECTIONS, duration, requests: homeRequests });
    const helloGet = await load({ url: hello.url, connections: CONNECTIONS, duration, requests: [{ method: 'GET', path: '/hello' }] });

    log(`post creation: ${postSeconds} s at ${POST_CONNECTIONS} connections, each post fanned out to ${sizes.posterFollowers} followers`);
    const body = JSON.stringify({ status: 'Benchmark post [<id>] about rivers, lanterns and the harbour at dusk' });
    const postRequests = seed.posterTokens.map((token) => ({
      method: 'POST',
      path: '/api/v1/statuses',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    }));
    const postsBefore = await countPosterStatuses(database);
    const started = performance.now();
    const posting = await load({ url: parley.url, connections: POST_CONNECTIONS, duration: postSeconds, requests: postRequests, idReplacement: true });
    const requestsDone = performance.now();
    // Posts still in flight when the load stopped are counted too: wait until every job has
    // run and no post has been added for half a second.
    const created = (await waitForQuiet(database)) - postsBefore;
    const drained = performance.now();
    const fanOutRows = await countPosterFeedRows(database);
    const helloPost = await load({
      url: hello.url,
      connections: POST_CONNECTIONS,
      duration: postSeconds,
      requests: [{ method: 'POST', path: '/hello', headers: { 'content-type': 'application/json' }, body }],
      idReplacement: true,
    });

    const postsPerSecond = created / ((drained - started) / 1000);
    const homeRps = home.requests.average;
    return {
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
      scale,
      seed: { ...seed.rows, seconds: seed.seconds },
      homeTimeline: {
        connections: CONNECTIONS,
        durationSeconds: duration,
        parley: summary(home),
        helloWorld: summary(helloGet),
        throughputRatio: round(homeRps / helloGet.requests.average),
        p99Ratio: round(home.latency.p99 / Math.max(helloGet.latency.p99, 1)),
      },
      postCreation: {
        connections: POST_CONNECTIONS,
        durationSeconds: postSeconds,
        followersPerPost: sizes.posterFollowers,
        postsCreated: created,
        answeredOk: posting['2xx'],
        non2xx: posting.non2xx,
        postsPerSecondIncludingFanOut: round(postsPerSecond),
        requestPhaseSeconds: round((requestsDone - started) / 1000),
        fanOutDrainSeconds: round((drained - requestsDone) / 1000),
        homeFeedRowsWritten: fanOutRows,
        parley: summary(posting),
        helloWorld: summary(helloPost),
        throughputRatio: round(postsPerSecond / (helloPost['2xx'] / helloPost.duration)),
      },
    };
  } finally {
    await database.close();
    await parley.stop();
    await hello.stop();
    if (!process.env.BENCH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function load(options: Options): Promise<Result> {
  return autocannon({ timeout: 120, ...options });
}

function summary(r: Result) {
  return {
    requestsPerSecond: round(r['2xx'] / r.duration),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

/** Fails fast, with the server's answer, when the endpoint under test does not work. */
async function assertServes(base: string, request: { method: string; path: string; headers: Record<string, string> }) {
  const res = await fetch(new URL(request.path, base), { method: request.method, headers: request.headers });
  if (res.status !== 200) throw new Error(`${request.method} ${request.path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
}

/** Waits until no job is pending and the posters' post count is stable; returns that count. */
async function waitForQuiet(database: Database): Promise<number> {
  const deadline = Date.now() + 1_800_000;
  let last = -1;
  for (;;) {
    const jobs = await database.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('failed_at', 'is', null).executeTakeFirstOrThrow();
    const posts = await countPosterStatuses(database);
    if (Number(jobs.n) === 0 && posts === last) return posts;
    if (Date.now() > deadline) throw new Error(`${jobs.n} jobs still pending after 30 minutes`);
    last = Number(jobs.n) === 0 ? posts : -1;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Posters are the accounts that follow nobody (bench/seed-database.ts). */
function posterIds(database: Database) {
  return database.db.selectFrom('accounts').select('id').where('following_count', '=', 0);
}

async function countPosterStatuses(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('statuses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', 'in', posterIds(database))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countPosterFeedRows(database: Database): Promise<number> {
  // Posters had no posts before the run, so every feed row they authored was written by it.
  const row = await database.db
    .selectFrom('home_feed')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('author_account_id', 'in', posterIds(database))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Three significant digits: ratios far below 1 must not round to 0. */
function round(x: number): number {
  return Number(x.toPrecision(3));
}
