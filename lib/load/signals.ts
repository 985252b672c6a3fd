// Outcomes of upstream calls, shared by all instances through Redis: per-second counters (TTL'd) for
// a sliding-window error rate, and a circuit breaker that calls the provider down after N consecutive
// failures close together, then lets a single probe through (half-open) after a cool-down.
import type { Redis } from "@upstash/redis";
import { lua, num, runLua } from "@/lib/governor/lua";
import { resolveLoad, type LoadConfig } from "./config";

/** Same kinds as UpstreamOutcome["kind"] in lib/tutor/ports.ts. */
export const OUTCOMES = ["ok", "rate_limited", "overloaded", "server_error", "network", "timeout", "midstream", "bad_request", "auth"] as const;
export type OutcomeKind = (typeof OUTCOMES)[number];

/** Count toward the error rate: the provider, or our pacing, failed the call. */
const ERRORS: ReadonlySet<OutcomeKind> = new Set(["rate_limited", "overloaded", "server_error", "network", "timeout", "midstream"]);
/**
 * Count toward the breaker: the provider itself looks unwell. A 429 is our pacing, and 400/401 are our
 * requests; those show the provider is answering, so they close the breaker like a success.
 */
const PROVIDER_FAILURES: ReadonlySet<OutcomeKind> = new Set(["overloaded", "server_error", "network", "timeout", "midstream"]);

/** Map an HTTP status (or none, for a transport failure) to an outcome kind. */
export function outcomeForStatus(status: number | null, transport: "network" | "timeout" = "network"): OutcomeKind {
  if (status === null) return transport;
  if (status < 400) return "ok";
  if (status === 429) return "rate_limited";
  if (status === 529) return "overloaded";
  if (status === 401 || status === 403) return "auth";
  if (status === 408 || status === 504) return "timeout";
  return status >= 500 ? "server_error" : "bad_request";
}

export type CircuitState = "closed" | "open" | "half_open";

export function circuitState(openedAt: number, now: number, coolDownMs: number): CircuitState {
  if (openedAt <= 0) return "closed";
  return now - openedAt < coolDownMs ? "open" : "half_open";
}

// KEYS: this second's counters, breaker. ARGV: kind, now, counterTtlMs, providerFailure, failures, withinMs.
// Reply: openedAt (0 = closed).
const RECORD = lua(`
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if ARGV[4] ~= '1' then
  redis.call('DEL', KEYS[2])
  return 0
end
local now = tonumber(ARGV[2])
local h = redis.call('HMGET', KEYS[2], 'n', 'last', 'open')
local n = tonumber(h[1]) or 0
local last = tonumber(h[2]) or 0
local open = tonumber(h[3]) or 0
if now - last > tonumber(ARGV[6]) then n = 0 end
n = n + 1
-- a failure while open or half-open (the probe) restarts the cool-down
if open > 0 or n >= tonumber(ARGV[5]) then open = now end
redis.call('HSET', KEYS[2], 'n', n, 'last', now, 'open', open)
redis.call('PEXPIRE', KEYS[2], 3600000)
return open
`);

// KEYS: breaker, then the window's per-second counters. ARGV: the outcome kinds.
// Reply: openedAt, consecutive failures, then one count per kind in ARGV order.
const READ = lua(`
local unpackArgs = unpack or table.unpack
local h = redis.call('HMGET', KEYS[1], 'open', 'n')
local out = { tonumber(h[1]) or 0, tonumber(h[2]) or 0 }
for j = 1, #ARGV do out[j + 2] = 0 end
for i = 2, #KEYS do
  local c = redis.call('HMGET', KEYS[i], unpackArgs(ARGV))
  for j = 1, #ARGV do out[j + 2] = out[j + 2] + (tonumber(c[j]) or 0) end
end
return out
`);

function windowKeys(prefix: string, now: number, seconds: number): string[] {
  const sec = Math.floor(now / 1000);
  return Array.from({ length: seconds }, (_, i) => `${prefix}${sec - i}`);
}

export async function recordOutcome(opts: { redis: Redis; config: LoadConfig; kind: OutcomeKind; now?: number }): Promise<CircuitState> {
  const c = resolveLoad(opts.config);
  const now = opts.now ?? Date.now();
  const [key] = windowKeys(c.keys.secondPrefix, now, 1);
  const openedAt = num(
    await runLua(opts.redis, RECORD, [key, c.keys.breaker], [opts.kind, now, (c.windowSeconds + 2) * 1000, PROVIDER_FAILURES.has(opts.kind) ? "1" : "0", c.failures, c.withinMs]),
  );
  return circuitState(openedAt, now, c.coolDownMs);
}

export interface SignalSnapshot {
  counts: Record<OutcomeKind, number>;
  total: number;
  errorRate: number;
  breaker: { state: CircuitState; openedAt: number | null; consecutiveFailures: number };
}

export async function readSignals(opts: { redis: Redis; config: LoadConfig; now?: number }): Promise<SignalSnapshot> {
  const c = resolveLoad(opts.config);
  const now = opts.now ?? Date.now();
  const keys = [c.keys.breaker, ...windowKeys(c.keys.secondPrefix, now, c.windowSeconds)];
  const reply = ((await runLua(opts.redis, READ, keys, [...OUTCOMES])) as unknown[]).map(num);
  const counts = Object.fromEntries(OUTCOMES.map((k, i) => [k, reply[i + 2]])) as Record<OutcomeKind, number>;
  const total = OUTCOMES.reduce((s, k) => s + counts[k], 0);
  const errors = OUTCOMES.reduce((s, k) => s + (ERRORS.has(k) ? counts[k] : 0), 0);
  const openedAt = reply[0];
  return {
    counts,
    total,
    errorRate: errors / Math.max(total, c.minSamples),
    breaker: { state: circuitState(openedAt, now, c.coolDownMs), openedAt: openedAt > 0 ? openedAt : null, consecutiveFailures: reply[1] },
  };
}

// KEYS: breaker, probe lease. ARGV: now, coolDownMs. Reply: {openedAt, allowed (1/0)}.
const CHECK = lua(`
local open = tonumber(redis.call('HGET', KEYS[1], 'open')) or 0
if open <= 0 then return { 0, 1 } end
if tonumber(ARGV[1]) - open < tonumber(ARGV[2]) then return { open, 0 } end
if redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2], 'NX') then return { open, 1 } end
return { open, 0 }
`);

/**
 * Before an upstream call: may it go? Closed → yes. Open → no. Half-open → exactly one caller per
 * cool-down (across instances) gets to send the probe; its recorded outcome closes or re-opens the circuit.
 */
export async function checkUpstream(opts: { redis: Redis; config: LoadConfig; now?: number }): Promise<{ state: CircuitState; allowRequest: boolean }> {
  const c = resolveLoad(opts.config);
  const now = opts.now ?? Date.now();
  const reply = (await runLua(opts.redis, CHECK, [c.keys.breaker, c.keys.probe], [now, c.coolDownMs])) as unknown[];
  return { state: circuitState(num(reply[0]), now, c.coolDownMs), allowRequest: num(reply[1]) === 1 };
}
