// Token buckets as the API describes them: capacity `limit`, refilled continuously at
// limit/window, so there is no fixed reset instant. Time is passed in (epoch ms) to keep the
// arithmetic pure and unit-testable.

export type Dimension = "requests" | "input-tokens" | "output-tokens";

export class TokenBucket {
  private level: number;
  private at: number;
  private used = 0;
  private readonly createdAt: number;
  private readonly perMs: number;

  constructor(
    readonly capacity: number,
    windowMs: number,
    now: number,
  ) {
    this.level = capacity;
    this.at = now;
    this.createdAt = now;
    this.perMs = capacity / windowMs;
  }

  private refill(now: number): void {
    if (now > this.at) this.level = Math.min(this.capacity, this.level + (now - this.at) * this.perMs);
    this.at = Math.max(this.at, now);
  }

  /** Can go negative after realtime output charges; callers clamp for display. */
  available(now: number): number {
    this.refill(now);
    return this.level;
  }

  /** Milliseconds until `n` fit. A request bigger than the bucket waits for a full bucket, which
   *  is when the API would tell it to retry (it still fails then; the caller sees that). */
  waitMs(n: number, now: number): number {
    const need = Math.min(n, this.capacity) - this.available(now);
    return need <= 0 ? 0 : need / this.perMs;
  }

  take(n: number, now: number): void {
    this.refill(now);
    this.level -= n;
    this.used += n;
  }

  give(n: number, now: number): void {
    this.refill(now);
    this.level = Math.min(this.capacity, this.level + n);
    this.used -= n;
  }

  /** Epoch ms at which the bucket is full again. */
  fullAt(now: number): number {
    return now + Math.max(0, this.capacity - this.available(now)) / this.perMs;
  }

  /** Share of the most this bucket could have admitted since creation (full start + refill). */
  utilisation(now: number): number {
    const max = this.capacity + (now - this.createdAt) * this.perMs;
    return max > 0 ? this.used / max : 0;
  }
}

export interface Admission {
  inputTokens: number;
  /** Reserved output: max_tokens in "max_tokens" mode, 0 in "realtime" mode (then ≥ 1 must be left). */
  outputReserve: number;
}

export type Verdict = { ok: true } | { ok: false; dimension: Dimension; retryAfterSec: number };

/** The three buckets of one model class. */
export class RateLimiter {
  readonly requests: TokenBucket;
  readonly input: TokenBucket;
  readonly output: TokenBucket;

  constructor(limits: { rpm: number; itpm: number; otpm: number; windowSeconds: number }, now: number) {
    const windowMs = limits.windowSeconds * 1000;
    this.requests = new TokenBucket(limits.rpm, windowMs, now);
    this.input = new TokenBucket(limits.itpm, windowMs, now);
    this.output = new TokenBucket(limits.otpm, windowMs, now);
  }

  /** All-or-nothing: a rejected request charges no bucket. */
  admit(a: Admission, now: number): Verdict {
    const checks: [Dimension, TokenBucket, number][] = [
      ["requests", this.requests, 1],
      ["input-tokens", this.input, a.inputTokens],
      ["output-tokens", this.output, Math.max(1, a.outputReserve)],
    ];
    for (const [dimension, bucket, n] of checks) {
      const wait = bucket.waitMs(n, now);
      if (wait > 0 || n > bucket.capacity) {
        return { ok: false, dimension, retryAfterSec: Math.max(1, Math.ceil(wait / 1000)) };
      }
    }
    this.requests.take(1, now);
    this.input.take(a.inputTokens, now);
    this.output.take(a.outputReserve, now);
    return { ok: true };
  }

  headers(now: number, rounding: number): Record<string, string> {
    const remaining = (b: TokenBucket) => Math.max(0, Math.floor(b.available(now)));
    const round = (n: number) => Math.round(n / rounding) * rounding;
    const h: Record<string, string> = {};
    const put = (name: string, limit: number, left: number, fullAt: number) => {
      h[`anthropic-ratelimit-${name}-limit`] = String(limit);
      h[`anthropic-ratelimit-${name}-remaining`] = String(left);
      h[`anthropic-ratelimit-${name}-reset`] = rfc3339(fullAt);
    };
    put("requests", this.requests.capacity, remaining(this.requests), this.requests.fullAt(now));
    put("input-tokens", this.input.capacity, round(remaining(this.input)), this.input.fullAt(now));
    put("output-tokens", this.output.capacity, round(remaining(this.output)), this.output.fullAt(now));
    // Without a workspace limit, `tokens-*` is input plus output.
    put(
      "tokens",
      this.input.capacity + this.output.capacity,
      round(remaining(this.input) + remaining(this.output)),
      Math.max(this.input.fullAt(now), this.output.fullAt(now)),
    );
    return h;
  }
}

/** Whole seconds, rounded up, in the `2025-02-24T22:25:32Z` form the API sends. */
export function rfc3339(epochMs: number): string {
  return new Date(Math.ceil(epochMs / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** The API pools limits per model class: every Sonnet shares one set of buckets. */
export function modelClass(model: string): string {
  return /opus|sonnet|haiku|fable/.exec(model)?.[0] ?? model;
}
