/**
 * Screening benchmark: posts per second on one core and per-post latency (p50, p99) over dataset
 * posts the screener has not seen before (after warming up on the others), next to a baseline
 * measured in the same run (one case-insensitive regular expression of violent keywords over the
 * same posts), and the time to load the screener. Figures are given in wall-clock time and in
 * CPU time of this process.
 */
import { performance } from 'node:perf_hooks';
import { createScreener } from '../src/moderation/screening/index.js';
import { loadDatasets } from '../src/moderation/screening/training/dataset.js';

const BASELINE = /\b(kill|murder|shoot|stab|hang|bomb|burn|behead|execute|lynch|bullet|gun|knife|noose|die|dead|t[øo]te|tuer|matar|uccid|bunuh|zabi|doden|drepe)\w*/iu;

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

interface Figures {
  postsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Wall-clock figures, and the same figures in CPU time of this process: on a shared machine
 * other processes steal the core, which inflates wall-clock latency but not CPU time.
 *
 * Throughput and latency come from two separate passes: reading the CPU clock is a system call
 * that costs about as much as the baseline's whole regex test, so timing every post would
 * inflate the throughput of both sides; the latency pass pays that cost per post instead.
 */
function measure(texts: readonly string[], fn: (t: string) => unknown): { wall: Figures; cpu: Figures } {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < texts.length; i++) fn(texts[i]!);
  const elapsed = performance.now() - start;
  const cpuTotal = process.cpuUsage(cpuStart);
  const cpuElapsed = (cpuTotal.user + cpuTotal.system) / 1000;

  const wall = new Float64Array(texts.length);
  const cpu = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(texts[i]!);
    wall[i] = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu[i] = (c.user + c.system) / 1000;
  }
  wall.sort();
  cpu.sort();
  return {
    wall: { postsPerSecond: Math.round((texts.length / elapsed) * 1000), p50Ms: round(percentile(wall, 0.5)), p99Ms: round(percentile(wall, 0.99)) },
    cpu: { postsPerSecond: Math.round((texts.length / cpuElapsed) * 1000), p50Ms: round(percentile(cpu, 0.5)), p99Ms: round(percentile(cpu, 0.99)) },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export async function runScreeningBench(): Promise<Record<string, unknown>> {
  const loadStart = performance.now();
  const loadCpuStart = process.cpuUsage();
  const screener = await createScreener();
  const loadMs = round(performance.now() - loadStart);
  const loadCpu = process.cpuUsage(loadCpuStart);
  const loadCpuMs = round((loadCpu.user + loadCpu.system) / 1000);

  const corpus = loadDatasets().map((e) => e.text);
  if (corpus.length === 0) throw new Error('no dataset texts found under datasets/screening');
  // A running server has seen many posts before the next one arrives: its JIT is warm and its
  // per-pack word tables hold the common vocabulary, but the next post is new. So half of the
  // posts warm the screener up, and the other half, none of them seen before, are timed.
  // Timing the same posts twice would flatter the word tables; timing a cold process, the JIT.
  const warmUp = corpus.filter((_, i) => i % 2 === 0);
  const timed = corpus.filter((_, i) => i % 2 === 1);
  for (const t of warmUp) screener.screen(t);
  for (const t of warmUp) BASELINE.test(t);

  const baseline = measure(timed, (t) => BASELINE.test(t));
  const screening = measure(timed, (t) => screener.screen(t));
  return {
    posts: timed.length,
    warmUpPosts: warmUp.length,
    loadMs,
    loadCpuMs,
    screening,
    baseline,
    throughputRatio: round(screening.cpu.postsPerSecond / baseline.cpu.postsPerSecond),
    targets: { postsPerSecond: 5000, p99Ms: 1, loadMs: 1000 },
    meetsTargetsWall: screening.wall.postsPerSecond >= 5000 && screening.wall.p99Ms < 1 && loadMs < 1000,
    meetsTargetsCpu: screening.cpu.postsPerSecond >= 5000 && screening.cpu.p99Ms < 1 && loadCpuMs < 1000,
  };
}
