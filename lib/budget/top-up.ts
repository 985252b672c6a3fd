// Teacher top-ups in Redis: credit counters beside the student's budget, one per window (expiring
// with it) and one per UTC day (for the daily cap). Every budget operation reads them and runs the
// student's counters under the raised limit (creditedPolicy), so the meter rises at once.
import type { Redis } from "@upstash/redis";
import { DAY_MS, windowResetAt } from "@/lib/budget/budget-math";
import type { EffectivePolicy } from "@/lib/budget/policy";
import { checkTopUp, withCredit, type TopUpCheck, type TopUpCredit } from "@/lib/budget/top-up-math";
import { redisKey } from "@/lib/redis";

// Check and add in one step, so two teachers granting at once can't pass the per-window bound together.
const GRANT = `
local granted = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local tokens = tonumber(ARGV[1])
if granted + tokens > tonumber(ARGV[2]) then return {0, granted} end
redis.call('INCRBY', KEYS[1], tokens)
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
redis.call('INCRBY', KEYS[2], tokens)
redis.call('PEXPIREAT', KEYS[2], ARGV[4])
return {1, granted + tokens}
`;

// A lapsed credit is gone already; decrementing it would leave a negative key with no expiry.
const REVOKE = `
for i = 1, 2 do
  if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('DECRBY', KEYS[i], ARGV[1]) end
end
return 1
`;

interface TopUpKeys {
  window: string;
  day: string;
  windowResetAt: number;
  dayResetAt: number;
}

// Windows sit on the same fixed grid as the budget counters, so a credit lapses exactly when the
// window it was granted in refills.
function keysAt(redis: Redis, studentId: string, policy: EffectivePolicy, at: number): TopUpKeys {
  const windowMs = policy.windowSeconds * 1000;
  return {
    window: redisKey(redis, "budget", "topup", windowMs, studentId, Math.floor(at / windowMs)),
    day: redisKey(redis, "budget", "topup-day", DAY_MS, studentId, Math.floor(at / DAY_MS)),
    windowResetAt: windowResetAt(at, windowMs),
    dayResetAt: windowResetAt(at, DAY_MS),
  };
}

/** Tokens granted to the student in the current window and today. */
export async function readTopUp(redis: Redis, studentId: string, policy: EffectivePolicy, at = Date.now()): Promise<TopUpCredit> {
  const k = keysAt(redis, studentId, policy, at);
  const [window, day] = await redis.mget<(number | string | null)[]>(k.window, k.day);
  return { window: Number(window ?? 0) || 0, day: Number(day ?? 0) || 0 };
}

/** The student's policy with this window's and today's top-ups added (what the counters run under). */
export async function creditedPolicy(redis: Redis, studentId: string, policy: EffectivePolicy): Promise<EffectivePolicy> {
  return withCredit(policy, await readTopUp(redis, studentId, policy));
}

export type TopUpGrant = { ok: true; granted: number; credit: TopUpCredit; grantedAt: number } | Exclude<TopUpCheck, { ok: true }>;

/**
 * Adds `tokens` of credit for the current window (and today), within the policy's bounds
 * (checkTopUp). Not fail-safe: a grant Redis can't record is refused, never kept per instance.
 */
export async function grantTopUp(args: { redis: Redis; studentId: string; policy: EffectivePolicy; tokens: number }): Promise<TopUpGrant> {
  const { redis, studentId, policy, tokens } = args;
  const grantedAt = Date.now();
  const before = await readTopUp(redis, studentId, policy, grantedAt);
  const check = checkTopUp(policy, before, tokens);
  if (!check.ok) return check;
  const k = keysAt(redis, studentId, policy, grantedAt);
  const reply = await redis.eval<(string | number)[], [number, number]>(GRANT, [k.window, k.day], [tokens, policy.tokensPerWindow, k.windowResetAt, k.dayResetAt]);
  const [ok, window] = reply.map(Number) as [number, number];
  // Another grant landed between the read and the script: report what is left now.
  if (ok !== 1) return { ok: false, reason: "over_per_window", maxTokens: Math.max(0, policy.tokensPerWindow - window) };
  return { ok: true, granted: tokens, credit: { window, day: before.day + tokens }, grantedAt };
}

/** Takes back a grant that could not be recorded elsewhere (the audit log), from the window it went into. */
export async function revokeTopUp(args: { redis: Redis; studentId: string; policy: EffectivePolicy; tokens: number; grantedAt: number }): Promise<void> {
  const k = keysAt(args.redis, args.studentId, args.policy, args.grantedAt);
  await args.redis.eval(REVOKE, [k.window, k.day], [args.tokens]);
}
