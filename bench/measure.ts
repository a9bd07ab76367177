/** Latency sampling and percentiles for the benchmarks. */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

/**
 * Runs `fn` `warmup` times unmeasured, then `iterations` times, and returns the latencies in ms. With a
 * `budgetMs`, measuring stops early once that much time has passed (after at least 3 runs), so that a slow
 * query at a large size does not hold the run up for long.
 */
export async function sample(
  fn: () => Promise<unknown>,
  iterations: number,
  warmup = Math.ceil(iterations / 5),
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<number[]> {
  const started = performance.now();
  for (let i = 0; i < warmup && performance.now() - started < budgetMs / 4; i++) await fn();
  const out: number[] = [];
  const measuring = performance.now();
  for (let i = 0; i < iterations; i++) {
    if (out.length >= 3 && performance.now() - measuring > budgetMs) break;
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

export const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
