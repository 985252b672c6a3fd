// One sample a second while a run is going: demand (turns in flight), the app's shared load level
// and queue depth (read from Redis where the gate keeps them), what the simulator has seen upstream,
// and the app's CPU and memory. Raw cumulative counters; metrics.ts and charts.ts derive rates.
import type { LoadLevel } from "@/lib/tutor/types";
import type { SimStats } from "@/scripts/sim/server";
import type { LiveCounters } from "./driver";
import type { ProcSample } from "./proc-stats";

export interface Sample {
  /** Offset from the start of the run (ms). */
  tMs: number;
  inFlight: number;
  started: number;
  finished: number;
  /** Cumulative, from the simulator: calls received, answered 200, refused 429, failed 5xx. */
  upstream: { calls: number; ok: number; limited: number; failed: number; inputTokens: number; outputTokens: number };
  /** Used ÷ available in the simulated key's buckets since its first call (see poolUtilisation). */
  utilisation: { requests: number; inputTokens: number; outputTokens: number } | null;
  /** null for the naive pipeline, which has no load level or queue. */
  level: LoadLevel | null;
  queueDepth: number | null;
  proc: ProcSample | null;
}

export interface SamplerSources {
  sim: () => SimStats;
  live: LiveCounters;
  load?: () => Promise<{ level: LoadLevel | null; queueDepth: number }>;
  proc?: () => ProcSample | null;
}

/** Sums of the simulator's per-status counters. */
export function upstreamCounts(s: SimStats): Sample["upstream"] {
  const by = (pred: (status: number) => boolean) => Object.entries(s.requests.byStatus).reduce((n, [k, v]) => n + (pred(Number(k)) ? v : 0), 0);
  return {
    calls: s.requests.messages,
    ok: by((c) => c === 200),
    limited: by((c) => c === 429),
    failed: by((c) => c >= 500),
    inputTokens: s.tokens.input + s.tokens.cacheCreation,
    outputTokens: s.tokens.output,
  };
}

/** The benchmarks configure one shared pool: the governor mirrors one set of limits for the key. */
export function poolUtilisation(s: SimStats): Sample["utilisation"] {
  const pool = s.pools.shared ?? Object.values(s.pools)[0];
  return pool ? { ...pool.utilisation } : null;
}

/** At most this many samples (an hour at 1 Hz): the timer stops itself beyond it. */
const MAX_SAMPLES = 3_600;

export function startSampler(src: SamplerSources, t0: number, everyMs = 1_000): { stop(): Promise<Sample[]> } {
  const samples: Sample[] = [];
  let pending: Promise<void> = Promise.resolve();
  const take = async () => {
    const load = await src.load?.().catch(() => null);
    const sim = src.sim();
    samples.push({
      tMs: performance.now() - t0,
      inFlight: src.live.inFlight,
      started: src.live.started,
      finished: src.live.finished,
      upstream: upstreamCounts(sim),
      utilisation: poolUtilisation(sim),
      level: load?.level ?? null,
      queueDepth: load?.queueDepth ?? null,
      proc: src.proc?.() ?? null,
    });
  };
  const timer = setInterval(() => {
    if (samples.length >= MAX_SAMPLES) return clearInterval(timer);
    pending = pending.then(take);
  }, everyMs);
  pending = take();
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      await take();
      return samples;
    },
  };
}
