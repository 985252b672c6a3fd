// The load level every instance agrees on. It lives in Redis with its `since`/`calmSince`, so the
// hysteresis is shared too; whichever instance finds it older than recomputeEveryMs recomputes it from
// the governor and the outcome signals and writes it back with a compare-and-set.
import type { Redis } from "@upstash/redis";
import type { GovernorConfig } from "@/lib/governor/config";
import { lua, num, optNum, runLua } from "@/lib/governor/lua";
import { status } from "@/lib/governor/status";
import type { LoadLevel } from "@/lib/tutor/types";
import { resolveLoad, type LoadConfig } from "./config";
import { LEVELS, nextLoadLevel, type LoadSignals, type LoadState } from "./level";
import { checkUpstream, readSignals } from "./signals";

export interface SharedLoad extends LoadState {
  why: string;
  /** When it was last computed. */
  at: number;
}

// KEYS: level hash. ARGV: expected at ("" = none yet), level, since, calmSince ("" = none), why, at.
// Reply: {1} when written, else {0, level, since, calmSince, why, at} as stored by the winner.
const COMPARE_AND_SET = lua(`
local cur = redis.call('HMGET', KEYS[1], 'level', 'since', 'calmSince', 'why', 'at')
if tonumber(cur[5]) ~= tonumber(ARGV[1]) then
  local function s(v) if type(v) == 'string' then return v end return '' end
  return { 0, s(cur[1]), s(cur[2]), s(cur[3]), s(cur[4]), s(cur[5]) }
end
redis.call('HSET', KEYS[1], 'level', ARGV[2], 'since', ARGV[3], 'calmSince', ARGV[4], 'why', ARGV[5], 'at', ARGV[6])
redis.call('PEXPIRE', KEYS[1], 86400000)
return { 1 }
`);

function parse(fields: unknown[]): SharedLoad | null {
  const level = String(fields[0] ?? "") as LoadLevel;
  const since = optNum(fields[1]);
  const at = optNum(fields[4]);
  if (!LEVELS.includes(level) || since === null || at === null) return null;
  const calmSince = optNum(fields[2]);
  return { level, since, ...(calmSince !== null && { calmSince }), why: String(fields[3] ?? ""), at };
}

export async function currentLoad(opts: { redis: Redis; config: LoadConfig; governor: GovernorConfig; now?: number }): Promise<SharedLoad> {
  const { redis } = opts;
  const c = resolveLoad(opts.config);
  const now = opts.now ?? Date.now();
  const stored = parse(await redis.hmget(c.keys.level, "level", "since", "calmSince", "why", "at").then((h) => (h ? [h.level, h.since, h.calmSince, h.why, h.at] : [])));
  if (stored && now - stored.at < c.recomputeEveryMs) return stored;

  const [gov, sig] = await Promise.all([status({ redis, config: opts.governor, now }), readSignals({ redis, config: opts.config, now })]);
  const signals: LoadSignals = { headroom: gov.headroom, queueDepth: gov.queueDepth, errorRate: sig.errorRate, providerDown: sig.breaker.state !== "closed" };
  const next: SharedLoad = { ...nextLoadLevel(stored ?? { level: "NORMAL", since: now }, signals, now, c.thresholds), at: now };
  const reply = (await runLua(redis, COMPARE_AND_SET, [c.keys.level], [stored?.at ?? "", next.level, next.since, next.calmSince ?? "", next.why, now])) as unknown[];
  // Lost the race: another instance wrote first; agree with it.
  return num(reply[0]) === 1 ? next : (parse(reply.slice(1)) ?? next);
}

/**
 * What a tutor turn needs: the shared level, and whether the provider is down for this turn. While the
 * circuit is half-open exactly one turn (across instances) is the probe: it sees the provider up and
 * at most BUSY (a short answer), because with everyone else in fallback nothing else would ever test
 * whether the provider is back.
 */
export async function turnLoad(opts: {
  redis: Redis;
  config: LoadConfig;
  governor: GovernorConfig;
  now?: number;
}): Promise<{ level: LoadLevel; providerDown: boolean; probe: boolean; why: string }> {
  const [load, circuit] = await Promise.all([currentLoad(opts), checkUpstream(opts)]);
  if (circuit.state === "half_open" && circuit.allowRequest) {
    return { level: "BUSY", providerDown: false, probe: true, why: "This request probes whether the AI provider is back." };
  }
  return { level: load.level, providerDown: !circuit.allowRequest, probe: false, why: load.why };
}
