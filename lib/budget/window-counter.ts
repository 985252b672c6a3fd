// A per-student fixed-window counter on @upstash/ratelimit (multi-unit `limit(id, { rate })`),
// shared by the token budget, the daily cap and the message limit. Why fixed window, and what
// it takes to make charges and refunds exact, is in lib/budget/README.md.
import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import { refundCorrection } from "@/lib/budget/budget-math";
import { redisKey } from "@/lib/redis";
import type { BudgetSnapshot } from "@/lib/tutor/types";

export interface Counter {
  /** Names the counter in Redis keys: "tokens", "daily", "messages". */
  scope: string;
  limit: number;
  windowMs: number;
}

export interface ChargeResult {
  ok: boolean;
  snapshot: BudgetSnapshot;
}

const limiters = new WeakMap<Redis, Map<string, Ratelimit>>();

// A Ratelimit instance fixes its limit and window, but policies change at any time: instances
// are cached per (scope, limit, window). The key prefix holds the window but not the limit, so a
// new limit applies to the running counter at once (used stays used), while a new window length
// starts a fresh counter — a count from another grid means nothing on this one.
function limiter(redis: Redis, c: Counter): Ratelimit {
  let byPolicy = limiters.get(redis);
  if (!byPolicy) {
    byPolicy = new Map();
    limiters.set(redis, byPolicy);
  }
  const id = `${c.scope}:${c.limit}:${c.windowMs}`;
  let instance = byPolicy.get(id);
  if (!instance) {
    instance = new Ratelimit({
      redis,
      limiter: Ratelimit.fixedWindow(c.limit, `${c.windowMs} ms`),
      prefix: redisKey(redis, "budget", c.scope, c.windowMs),
      // The ephemeral cache keeps refusing locally until the window ends, even after a refund or
      // a raised limit.
      ephemeralCache: false,
      // On timeout the library *allows* the request. A slow Redis must not mean an open budget.
      timeout: 0,
      analytics: false,
      enableTelemetry: false,
    });
    byPolicy.set(id, instance);
  }
  return instance;
}

function snapshotOf(c: Counter, res: { remaining: number; reset: number }): BudgetSnapshot {
  return { limit: c.limit, remaining: Math.min(res.remaining, c.limit), resetAt: res.reset };
}

/**
 * Charges `units` if they fit in what remains. A refusal costs nothing: the fixed-window script
 * counts before it compares, so a refused charge is taken straight back. With `force`, the units
 * are recorded even past the limit — usage that already happened (ok then says whether it fit).
 */
export async function charge(
  redis: Redis,
  id: string,
  c: Counter,
  units: number,
  opts: { force?: boolean } = {},
): Promise<ChargeResult> {
  const res = await limiter(redis, c).limit(id, { rate: units });
  if (res.success || opts.force) return { ok: res.success, snapshot: snapshotOf(c, res) };
  const after = await refund(redis, id, c, units, res.reset);
  return { ok: false, snapshot: after ?? (await peek(redis, id, c)) };
}

/**
 * Gives back `units` charged in the window ending at `chargedResetAt`: never into a later window
 * and never below zero (see refundCorrection). Null when that window is already over.
 */
export async function refund(
  redis: Redis,
  id: string,
  c: Counter,
  units: number,
  chargedResetAt: number,
): Promise<BudgetSnapshot | null> {
  if (units <= 0 || Date.now() >= chargedResetAt) return null;
  const instance = limiter(redis, c);
  const res = await instance.limit(id, { rate: -units });
  const back = refundCorrection({ reset: res.reset, remaining: res.remaining, limit: c.limit }, chargedResetAt, units);
  return snapshotOf(c, back > 0 ? await instance.limit(id, { rate: back }) : res);
}

export async function peek(redis: Redis, id: string, c: Counter): Promise<BudgetSnapshot> {
  return snapshotOf(c, await limiter(redis, c).getRemaining(id));
}
