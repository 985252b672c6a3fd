// Token-bucket arithmetic, pure. The Lua in scripts.ts does the same steps atomically inside Redis;
// this copy serves status()/estimateWait() and lets tests check the two agree.
import type { Triple } from "./config";

/** A bucket triple as stored in Redis: levels at time t (ms). null = never used, i.e. full. */
export interface StoredBuckets {
  levels: Triple;
  t: number;
}

/** Levels at `now`: continuous refill at `rates` per ms, capped at `capacities`. Levels may be negative (debt). */
export function refill(stored: StoredBuckets | null, now: number, capacities: Triple, rates: Triple): Triple {
  if (!stored) return capacities;
  // Another instance's clock may be ahead of ours: never refill for negative elapsed time.
  const elapsed = Math.max(0, now - stored.t);
  const at = (k: 0 | 1 | 2) => Math.min(capacities[k], stored.levels[k] + elapsed * rates[k]);
  return [at(0), at(1), at(2)];
}

/**
 * Milliseconds until every bucket holds `costs` (0 = admissible now). A cost above a bucket's capacity
 * is clamped to it, so an oversized request waits for a full bucket instead of forever.
 */
export function waitMs(levels: Triple, costs: Triple, capacities: Triple, rates: Triple): number {
  let wait = 0;
  for (const k of [0, 1, 2] as const) {
    const need = Math.min(costs[k], capacities[k]);
    if (levels[k] < need) wait = Math.max(wait, (need - levels[k]) / rates[k]);
  }
  return wait;
}

/** How full the emptiest bucket is, 0..1 (the load level's "headroom" signal). */
export function headroom(levels: Triple, capacities: Triple): number {
  const ratios = [0, 1, 2].map((k) => levels[k] / capacities[k]);
  return Math.max(0, Math.min(1, ...ratios));
}

/** Token "-remaining" headers are rounded to the nearest thousand. */
const TOKEN_HEADER_ROUNDING = 1_000;

/**
 * The bucket level Anthropic's `-remaining` header implies for us, or null when it can't tell.
 * In sync, Anthropic's remaining = our level + (real limit − our capacity), the margin we keep unused.
 * Rounded values are read at their lowest possible true value, so we only ever err towards less.
 */
export function levelFromHeader(remaining: number, headerLimit: number | undefined, configLimit: number, capacity: number, rounded: boolean): number {
  const lowest = rounded ? remaining - TOKEN_HEADER_ROUNDING / 2 : remaining;
  const limit = headerLimit ?? configLimit;
  return lowest - Math.max(0, limit - capacity);
}
