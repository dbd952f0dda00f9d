/**
 * Screening benchmark: posts per second on one core and per-post latency (p50, p99) over every
 * dataset text, next to a baseline measured in the same run (one case-insensitive regular
 * expression of violent keywords over the same posts), and the time to load the screener.
 */
import { performance } from 'node:perf_hooks';
import { createScreener } from '../src/moderation/screening/index.js';
import { loadDatasets } from '../src/moderation/screening/training/dataset.js';

const BASELINE = /\b(kill|murder|shoot|stab|hang|bomb|burn|behead|execute|lynch|bullet|gun|knife|noose|die|dead|t[øo]te|tuer|matar|uccid|bunuh|zabi|doden|drepe)\w*/iu;
const MIN_POSTS = 20000;

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function measure(texts: readonly string[], fn: (t: string) => unknown): { postsPerSecond: number; p50Ms: number; p99Ms: number } {
  const latencies = new Float64Array(texts.length);
  const start = performance.now();
  for (let i = 0; i < texts.length; i++) {
    const t0 = performance.now();
    fn(texts[i]!);
    latencies[i] = performance.now() - t0;
  }
  const elapsed = performance.now() - start;
  latencies.sort();
  return { postsPerSecond: Math.round((texts.length / elapsed) * 1000), p50Ms: round(percentile(latencies, 0.5)), p99Ms: round(percentile(latencies, 0.99)) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export async function runScreeningBench(): Promise<Record<string, unknown>> {
  const loadStart = performance.now();
  const screener = await createScreener();
  const loadMs = round(performance.now() - loadStart);

  const corpus = loadDatasets().map((e) => e.text);
  if (corpus.length === 0) throw new Error('no dataset texts found under datasets/screening');
  // Repeat the corpus so the timed run is long enough to be stable.
  const texts: string[] = [];
  while (texts.length < Math.max(MIN_POSTS, corpus.length)) texts.push(...corpus);
  for (const t of corpus.slice(0, 500)) screener.screen(t); // warm-up: JIT and wasm

  const baseline = measure(texts, (t) => BASELINE.test(t));
  const screening = measure(texts, (t) => screener.screen(t));
  return {
    posts: texts.length,
    distinctPosts: corpus.length,
    loadMs,
    screening,
    baseline,
    throughputRatio: round(screening.postsPerSecond / baseline.postsPerSecond),
    p99Ratio: round(screening.p99Ms / Math.max(baseline.p99Ms, 1e-6)),
    targets: { postsPerSecond: 5000, p99Ms: 1, loadMs: 1000 },
    meetsTargets: screening.postsPerSecond >= 5000 && screening.p99Ms < 1 && loadMs < 1000,
  };
}
