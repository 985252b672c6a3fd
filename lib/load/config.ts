// Configuration of the shared load signals and level, passed in explicitly.
import { DEFAULT_LOAD_THRESHOLDS, type LoadThresholds } from "./level";

export interface LoadConfig {
  /** Prefix of every key, e.g. `${env.REDIS_PREFIX}:load`. */
  prefix: string;
  /** Sliding window for the error rate (default 60 s, in one-second buckets). */
  windowSeconds?: number;
  /** The error rate is failures / max(calls, minSamples), so two calls with one failure isn't "50%" (default 10). */
  minSamples?: number;
  breaker?: {
    /** Consecutive provider failures that open the circuit (default 5)... */
    failures?: number;
    /** ...each within this long of the previous one (default 30 s). */
    withinMs?: number;
    /** Open this long before one probe request is let through (half-open, default 15 s). */
    coolDownMs?: number;
  };
  thresholds?: LoadThresholds;
  /** The shared level is recomputed at most this often across all instances (default 1 s). */
  recomputeEveryMs?: number;
}

export interface ResolvedLoad {
  windowSeconds: number;
  minSamples: number;
  failures: number;
  withinMs: number;
  coolDownMs: number;
  thresholds: LoadThresholds;
  recomputeEveryMs: number;
  keys: { secondPrefix: string; breaker: string; probe: string; level: string };
}

export function resolveLoad(c: LoadConfig): ResolvedLoad {
  return {
    windowSeconds: Math.max(1, Math.round(c.windowSeconds ?? 60)),
    minSamples: Math.max(1, c.minSamples ?? 10),
    failures: Math.max(1, c.breaker?.failures ?? 5),
    withinMs: c.breaker?.withinMs ?? 30_000,
    coolDownMs: c.breaker?.coolDownMs ?? 15_000,
    thresholds: c.thresholds ?? DEFAULT_LOAD_THRESHOLDS,
    recomputeEveryMs: c.recomputeEveryMs ?? 1_000,
    keys: { secondPrefix: `${c.prefix}:sec:`, breaker: `${c.prefix}:breaker`, probe: `${c.prefix}:probe`, level: `${c.prefix}:level` },
  };
}
