// GET /api/ops/status's document: the shared load level and why, the key's buckets against its
// limits, the admission queue, upstream outcomes in the last minute, and the last 15 minutes of the
// ledger. Each source is read independently, so Redis being down still shows the ledger and vice versa.
import type { Redis } from "@upstash/redis";
import type { Db } from "@/lib/db/client";
import { getRecentActivity, type RecentActivity } from "@/lib/db/admin-ops";
import type { GovernorConfig } from "@/lib/governor/config";
import { estimateWait, status } from "@/lib/governor/status";
import type { LoadConfig } from "@/lib/load/config";
import { readSignals } from "@/lib/load/signals";
import { currentLoad } from "@/lib/load/state";
import { MODES, type LoadLevel } from "@/lib/tutor/types";

export const OPS_WINDOW_MINUTES = 15;

export interface Gauge {
  used: number;
  /** What the governor lets us use (limit × safety margin). */
  capacity: number;
  /** The key's real limit per minute. */
  limit: number;
}

export interface OpsStatus {
  at: string;
  provider: "anthropic" | "offline";
  load: { level: LoadLevel; since: string; why: string } | null;
  limits: { requests: Gauge; inputTokens: Gauge; outputTokens: Gauge } | null;
  queue: { depth: number; estimatedWaitMs: number; pausedUntil: string | null } | null;
  lastMinute: { calls: number; ok: number; rateLimited: number; overloaded: number; otherErrors: number; errorRate: number; breaker: string } | null;
  recent: (RecentActivity & { minutes: number; modeShare: Record<string, number>; promptCacheHitRate: number | null; answerCacheRate: number | null }) | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const soft = <T>(p: Promise<T>, what: string): Promise<T | null> =>
  p.catch((err) => {
    console.error(`[ops] ${what} unavailable`, err);
    return null;
  });

export async function opsStatus(o: { db: Db; redis: Redis; governor: GovernorConfig; load: LoadConfig; schoolIds: string[]; offline: boolean; typicalRequest: { input: number; output: number }; now?: number }): Promise<OpsStatus> {
  const now = o.now ?? Date.now();
  const { redis } = o;
  const [load, gov, wait, signals, recent] = await Promise.all([
    soft(currentLoad({ redis, config: o.load, governor: o.governor, now }), "load level"),
    soft(status({ redis, config: o.governor, now }), "governor"),
    soft(estimateWait({ redis, config: o.governor, estInputTokens: o.typicalRequest.input, maxOutputTokens: o.typicalRequest.output, now }), "queue"),
    soft(readSignals({ redis, config: o.load, now }), "signals"),
    soft(getRecentActivity({ db: o.db, schoolIds: o.schoolIds, since: new Date(now - OPS_WINDOW_MINUTES * 60_000) }), "ledger"),
  ]);
  const gauge = (b: { level: number; capacity: number; limit: number }): Gauge => ({ used: Math.max(0, Math.round(b.capacity - b.level)), capacity: Math.round(b.capacity), limit: b.limit });
  return {
    at: iso(now),
    provider: o.offline ? "offline" : "anthropic",
    load: load && { level: load.level, since: iso(load.since), why: load.why },
    limits: gov && { requests: gauge(gov.buckets.requests), inputTokens: gauge(gov.buckets.inputTokens), outputTokens: gauge(gov.buckets.outputTokens) },
    queue: wait && { depth: wait.queueDepth, estimatedWaitMs: wait.queueDepth > 0 || wait.pausedUntil ? wait.waitMs : 0, pausedUntil: wait.pausedUntil ? iso(wait.pausedUntil) : null },
    lastMinute: signals && {
      calls: signals.total,
      ok: signals.counts.ok,
      rateLimited: signals.counts.rate_limited,
      overloaded: signals.counts.overloaded,
      otherErrors: signals.counts.server_error + signals.counts.network + signals.counts.timeout + signals.counts.midstream + signals.counts.bad_request + signals.counts.auth,
      errorRate: signals.errorRate,
      breaker: signals.breaker.state,
    },
    recent: recent && {
      ...recent,
      minutes: OPS_WINDOW_MINUTES,
      modeShare: Object.fromEntries(MODES.map((m) => [m, recent.turns ? (recent.modes[m] ?? 0) / recent.turns : 0])),
      promptCacheHitRate: rate(recent.tokens.cacheRead, recent.tokens.input + recent.tokens.cacheRead + recent.tokens.cacheWrite),
      answerCacheRate: rate(recent.modes.cached ?? 0, recent.turns),
    },
  };
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
