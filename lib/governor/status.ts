// Read-only views for the UI and the ops page: bucket levels against limits, queue depth, pause, and
// a wait estimate for a request that would join the queue now. One EVAL each.
import type { Redis } from "@upstash/redis";
import { headroom, refill, waitMs, type StoredBuckets } from "./bucket-math";
import { resolveGovernor, type GovernorConfig, type ResolvedGovernor, type Triple } from "./config";
import { num, optNum, runLua } from "./lua";
import { PEEK } from "./scripts";

export interface BucketView {
  /** Current level (may be negative after an under-estimate), capacity (limit × margin), real limit. */
  level: number;
  capacity: number;
  limit: number;
}

export interface GovernorStatus {
  at: number;
  queueDepth: number;
  pausedUntil: number | null;
  buckets: { requests: BucketView; inputTokens: BucketView; outputTokens: BucketView };
  /** How full the emptiest bucket is, 0..1. */
  headroom: number;
}

interface Peek {
  r: ResolvedGovernor;
  levels: Triple;
  pausedUntil: number | null;
  depth: number;
  members: string[];
}

async function peek(redis: Redis, config: GovernorConfig, now: number, withMembers: boolean): Promise<Peek> {
  const r = resolveGovernor(config);
  const reply = (await runLua(redis, PEEK, [r.keys.queue, r.keys.queueExpiry, r.keys.pause, r.keys.bucket], [now, withMembers ? "1" : "0"])) as unknown[];
  const raw = reply.slice(0, 4).map(optNum);
  const stored: StoredBuckets | null = raw.every((v) => v !== null) ? { levels: [raw[0]!, raw[1]!, raw[2]!], t: raw[3]! } : null;
  const paused = optNum(reply[4]);
  return {
    r,
    levels: refill(stored, now, r.capacities, r.rates),
    pausedUntil: paused !== null && paused > now ? paused : null,
    depth: num(reply[5]),
    members: reply.slice(6).map(String),
  };
}

export async function status(opts: { redis: Redis; config: GovernorConfig; now?: number }): Promise<GovernorStatus> {
  const now = opts.now ?? Date.now();
  const { r, levels, pausedUntil, depth } = await peek(opts.redis, opts.config, now, false);
  const view = (k: 0 | 1 | 2): BucketView => ({ level: levels[k], capacity: r.capacities[k], limit: r.limits[k] });
  return {
    at: now,
    queueDepth: depth,
    pausedUntil,
    buckets: { requests: view(0), inputTokens: view(1), outputTokens: view(2) },
    headroom: headroom(levels, r.capacities),
  };
}

/**
 * Roughly how long a request of this size would wait if it joined the queue now: until the global
 * buckets could cover everything queued plus it, or the pause ends. Ignores priority and school
 * shares (it is a hint for "you're in line", not a promise).
 */
export async function estimateWait(opts: {
  redis: Redis;
  config: GovernorConfig;
  estInputTokens: number;
  maxOutputTokens: number;
  now?: number;
}): Promise<{ waitMs: number; queueDepth: number; pausedUntil: number | null }> {
  const now = opts.now ?? Date.now();
  const { r, levels, pausedUntil, depth, members } = await peek(opts.redis, opts.config, now, true);
  const total: [number, number, number] = [1, opts.estInputTokens, Math.ceil(opts.maxOutputTokens * r.outputReserveRatio)];
  for (const m of members) {
    const [, , tin, tout] = m.split("|");
    total[0] += 1;
    total[1] += Number(tin) || 0;
    total[2] += Number(tout) || 0;
  }
  // Unclamped: a long queue can need more than one bucketful, which simply takes longer to refill.
  const uncapped: Triple = [Infinity, Infinity, Infinity];
  const tokensWait = waitMs(levels, total, uncapped, r.rates);
  const pauseWait = pausedUntil === null ? 0 : pausedUntil - now;
  return { waitMs: Math.ceil(Math.max(tokensWait, pauseWait)), queueDepth: depth, pausedUntil };
}
