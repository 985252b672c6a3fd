// Counters for GET /_sim/stats and stats(): what the simulated API saw since start or reset, so a
// benchmark can check its client against ground truth (429s, tokens, concurrency, utilisation).
import type { Dimension, RateLimiter } from "./buckets";
import type { FaultName } from "./config";

export interface PoolStats {
  /** Share of the most each bucket could have admitted since the pool was created (0–1). */
  utilisation: { requests: number; inputTokens: number; outputTokens: number };
  /** Exact current bucket levels (never rounded, may be negative in realtime OTPM mode). */
  remaining: { requests: number; inputTokens: number; outputTokens: number };
}

export interface SimStats {
  since: string;
  uptimeMs: number;
  requests: {
    /** API requests (messages and count_tokens), not admin calls. */
    total: number;
    messages: number;
    countTokens: number;
    streaming: number;
    /** Keyed by HTTP status of responses whose head was sent. */
    byStatus: Record<string, number>;
    /** Connections closed by the client before the response ended. */
    clientAborts: number;
  };
  rateLimited: Record<Dimension | "count-tokens", number>;
  faults: Record<FaultName, number>;
  tokens: { input: number; output: number; cacheCreation: number; cacheRead: number };
  concurrency: { current: number; peak: number };
  /** Keyed by pool ("sonnet", "haiku"… or "shared"). */
  pools: Record<string, PoolStats>;
}

export class StatsRecorder {
  private readonly startedAt = Date.now();
  private readonly requests = { total: 0, messages: 0, countTokens: 0, streaming: 0, clientAborts: 0 };
  private readonly byStatus: Record<string, number> = {};
  private readonly rateLimited: Record<Dimension | "count-tokens", number> = {
    requests: 0,
    "input-tokens": 0,
    "output-tokens": 0,
    "count-tokens": 0,
  };
  private readonly faults: Record<FaultName, number> = { overloaded: 0, apiError: 0, midstream: 0, slow: 0 };
  private readonly tokens = { input: 0, output: 0, cacheCreation: 0, cacheRead: 0 };
  private current: number;
  private peak: number;

  /** A reset keeps counting requests that are still in flight, so `current` never goes negative. */
  constructor(inFlight = 0) {
    this.current = inFlight;
    this.peak = inFlight;
  }

  get inFlight(): number {
    return this.current;
  }

  opened(endpoint: "messages" | "countTokens"): void {
    this.requests.total++;
    this.requests[endpoint]++;
    this.current++;
    this.peak = Math.max(this.peak, this.current);
  }

  /** `status` is null when no response head was sent. */
  closed(status: number | null, finished: boolean): void {
    this.current--;
    if (status !== null) this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    if (!finished) this.requests.clientAborts++;
  }

  streamed(): void {
    this.requests.streaming++;
  }

  limited(dimension: Dimension | "count-tokens"): void {
    this.rateLimited[dimension]++;
  }

  fault(name: FaultName): void {
    this.faults[name]++;
  }

  input(input: number, cacheCreation: number, cacheRead: number): void {
    this.tokens.input += input;
    this.tokens.cacheCreation += cacheCreation;
    this.tokens.cacheRead += cacheRead;
  }

  output(n: number): void {
    this.tokens.output += n;
  }

  snapshot(pools: Map<string, RateLimiter>, now: number): SimStats {
    const poolStats: Record<string, PoolStats> = {};
    for (const [name, l] of pools) {
      poolStats[name] = {
        utilisation: {
          requests: l.requests.utilisation(now),
          inputTokens: l.input.utilisation(now),
          outputTokens: l.output.utilisation(now),
        },
        remaining: {
          requests: l.requests.available(now),
          inputTokens: l.input.available(now),
          outputTokens: l.output.available(now),
        },
      };
    }
    return {
      since: new Date(this.startedAt).toISOString(),
      uptimeMs: now - this.startedAt,
      requests: { ...this.requests, byStatus: { ...this.byStatus } },
      rateLimited: { ...this.rateLimited },
      faults: { ...this.faults },
      tokens: { ...this.tokens },
      concurrency: { current: this.current, peak: this.peak },
      pools: poolStats,
    };
  }
}
