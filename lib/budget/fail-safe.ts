// When Redis cannot be reached, budgets and limits keep working on a per-instance in-memory
// store with a share of the policy (failSafePolicy) — conservative, never unlimited. Only
// RedisUnavailableError triggers it; an error reply is a bug and propagates.
import type { Redis } from "@upstash/redis";
import { failSafePolicy, type EffectivePolicy } from "@/lib/budget/policy";
import { createRedis, isRedisUnavailable, redisPrefix } from "@/lib/redis";

export const FAIL_SAFE_SHARE = 0.5;
// After a failure Redis is skipped for a while, so each turn does not wait for the connection
// timeout again; the first call after that probes it.
const RETRY_AFTER_MS = 5_000;

interface Health {
  /** 0 while Redis answers; otherwise when to try it again. */
  downUntil: number;
  fallback?: Redis;
}

const health = new WeakMap<Redis, Health>();

export async function withFailSafe<T>(
  redis: Redis,
  policy: EffectivePolicy,
  run: (redis: Redis, policy: EffectivePolicy) => Promise<T>,
): Promise<T> {
  let state = health.get(redis);
  if (!state) {
    state = { downUntil: 0 };
    health.set(redis, state);
  }
  if (Date.now() >= state.downUntil) {
    try {
      const result = await run(redis, policy);
      if (state.downUntil > 0) console.info("[budget] Redis reachable again: shared budgets restored.");
      state.downUntil = 0;
      return result;
    } catch (error) {
      if (!isRedisUnavailable(error)) throw error;
      if (state.downUntil === 0) {
        console.warn(`[budget] ${error.message}; per-instance limits at ${FAIL_SAFE_SHARE * 100}% of policy until it is back.`);
      }
      state.downUntil = Date.now() + RETRY_AFTER_MS;
    }
  }
  state.fallback ??= createRedis({ embedded: true, prefix: `${redisPrefix(redis)}:failsafe` });
  return run(state.fallback, failSafePolicy(policy, FAIL_SAFE_SHARE));
}
