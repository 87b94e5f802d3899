/**
 * Token buckets in memory, one per key (a device, or an address that keeps
 * failing to authenticate). One process serves the API, so memory is enough;
 * a restart forgets the counts, which only ever errs towards letting through.
 */
export interface RateLimit {
  /** Requests a key may make at once. */
  burst: number;
  /** Requests a key regains per minute. */
  perMinute: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  private refill(key: string): { tokens: number; at: number } {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at: t };
    b.tokens = Math.min(this.limit.burst, b.tokens + ((t - b.at) / 60_000) * this.limit.perMinute);
    b.at = t;
    return b;
  }

  /** Seconds to wait before `key` may make a request, 0 if it may now. Takes nothing. */
  wait(key: string): number {
    const b = this.refill(key);
    return b.tokens >= 1 ? 0 : Math.ceil(((1 - b.tokens) * 60) / this.limit.perMinute);
  }

  /** Takes one request from `key`'s bucket; returns the seconds to wait instead when it is empty. */
  take(key: string): number {
    const wait = this.wait(key);
    if (wait > 0) return wait;
    const b = this.refill(key);
    b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.prune();
    return 0;
  }

  /** Forgets full buckets: they behave exactly like absent ones. */
  private prune(): void {
    for (const key of [...this.buckets.keys()]) {
      if (this.refill(key).tokens >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
