/**
 * Request budgets per client: a token bucket each, refilled continuously. A client may burst up to `burst`
 * requests, then gets `perMinute` a minute. Time is passed in so the arithmetic is tested without a clock.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    /** Past this many clients, buckets that have filled up again (idle clients) are forgotten. */
    private readonly maxClients = 10_000,
  ) {}

  /** Takes one token for `key`; returns 0 if granted, else the milliseconds until one is available. */
  take(key: string, now: number): number {
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 60_000) / this.perMinute);
  }

  private refilled(key: string, now: number) {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxClients) this.forgetIdle(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000);
    bucket.at = now;
    return bucket;
  }

  private forgetIdle(now: number): void {
    for (const [key, bucket] of this.buckets)
      if (bucket.tokens + ((now - bucket.at) * this.perMinute) / 60_000 >= this.burst) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}
