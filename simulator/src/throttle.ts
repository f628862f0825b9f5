/**
 * A token bucket per (account, region, operation), the shape AWS uses for API rate limits: a
 * steady refill rate and a burst capacity. Time comes from the injected clock, so the benchmark
 * can run it on virtual time.
 */
export interface RateLimit {
  /** Requests per second, sustained. */
  readonly rate: number;
  /** Requests that may arrive at once after an idle period. */
  readonly burst: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number) {}

  /** Takes a token for `key`; false when the bucket is empty (the request is throttled). */
  take(key: string, limit: RateLimit): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    // A clock that steps back (virtual time handed over between runs) refills nothing.
    bucket.tokens = Math.min(limit.burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * limit.rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
