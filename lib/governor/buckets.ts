// The shared RPM / ITPM / OTPM buckets in Redis: the atomic check-and-take (via the queue, see
// admission.ts), settling a reservation after the call, and learning from Anthropic's headers.
import type { Redis } from "@upstash/redis";
import type { Usage } from "@/lib/tutor/types";
import { levelFromHeader } from "./bucket-math";
import { resolveGovernor, type GovernorConfig, type ResolvedGovernor, type Triple } from "./config";
import { readRateLimitHeaders, type HeaderBag } from "./headers";
import { num, runLua } from "./lua";
import { ADJUST, LEAVE, PAUSE, TAKE } from "./scripts";

/** What admit() hands out; pass it back to reconcile() after the call. */
export interface Ticket {
  id: string;
  schoolId?: string;
  /** What was taken from the ITPM and OTPM buckets at admission. */
  estInputTokens: number;
  reservedOutputTokens: number;
}

export type TakeReply = { code: "admitted" | "wait" | "behind" | "paused" | "queue_full"; waitMs: number };

const CODES = { 1: "admitted", 0: "wait", 3: "behind", 2: "paused", [-1]: "queue_full" } as const;

/** Queue member: the fields the Lua needs to judge a waiting ticket without another lookup. */
export function queueMember(ticket: Ticket, share: number): string {
  return `${ticket.id}|${share}|${ticket.estInputTokens}|${ticket.reservedOutputTokens}|${ticket.schoolId ?? ""}`;
}

export async function takeOnce(redis: Redis, r: ResolvedGovernor, member: string, score: number, now: number): Promise<TakeReply> {
  const reply = (await runLua(
    redis,
    TAKE,
    [r.keys.queue, r.keys.queueExpiry, r.keys.pause, r.keys.bucket],
    [now, member, score, r.maxLength, r.ticketTtlMs, ...r.capacities, ...r.rates, r.keys.schoolPrefix],
  )) as unknown[];
  const code = CODES[num(reply[0]) as keyof typeof CODES];
  if (!code) throw new Error(`governor: unexpected reply from the admission script: ${JSON.stringify(reply)}`);
  return { code, waitMs: num(reply[1]) };
}

export async function leaveQueue(redis: Redis, r: ResolvedGovernor, member: string): Promise<void> {
  await runLua(redis, LEAVE, [r.keys.queue, r.keys.queueExpiry], [member]);
}

type Values = [number | null, number | null, number | null];

async function adjust(redis: Redis, r: ResolvedGovernor, key: string, share: number, mode: "add" | "min", values: Values, now: number): Promise<Triple> {
  const reply = (await runLua(redis, ADJUST, [key], [now, ...r.capacities, ...r.rates, share, mode, ...values.map((v) => (v === null ? "" : v))])) as unknown[];
  return [num(reply[0]), num(reply[1]), num(reply[2])];
}

/**
 * After the call: give back what the estimate over-reserved, or charge what it under-reserved, in the
 * global and (if any) the school buckets. ITPM counts uncached input: input + cache-creation tokens.
 * The request itself stays counted (Anthropic counts it too once it arrived).
 */
export async function reconcile(opts: { redis: Redis; config: GovernorConfig; ticket: Ticket; usage: Usage; now?: number }): Promise<void> {
  const { redis, ticket, usage } = opts;
  const r = resolveGovernor(opts.config);
  const now = opts.now ?? Date.now();
  const values: Values = [null, ticket.estInputTokens - (usage.inputTokens + usage.cacheWriteTokens), ticket.reservedOutputTokens - usage.outputTokens];
  if (values[1] === 0 && values[2] === 0) return;
  const share = r.shareFor(ticket.schoolId);
  await Promise.all([
    adjust(redis, r, r.keys.bucket, 1, "add", values, now),
    share < 1 ? adjust(redis, r, r.keys.schoolPrefix + ticket.schoolId, share, "add", values, now) : undefined,
  ]);
}

/** A retry-after beyond this is treated as a bad header rather than frozen on. */
const MAX_PAUSE_MS = 10 * 60_000;

/** Block all admissions until `untilMs` (shared by every instance; only ever extended). */
export async function pauseUntil(opts: { redis: Redis; config: GovernorConfig; untilMs: number; now?: number }): Promise<number> {
  const r = resolveGovernor(opts.config);
  const now = opts.now ?? Date.now();
  const until = Math.min(opts.untilMs, now + MAX_PAUSE_MS);
  if (until <= now) return now;
  return num(await runLua(opts.redis, PAUSE, [r.keys.pause], [now, Math.ceil(until)]));
}

export interface Correction {
  /** Global levels after the correction (floored), or null when the headers carried nothing usable. */
  levels: Triple | null;
  pausedUntil: number | null;
}

/**
 * Learn from a response's rate-limit headers: if Anthropic says less remains than we believe (another
 * client on the key, or drift), lower our buckets to match; never raise them. On a 429 with
 * retry-after, pause admissions until then. `retryAfterMs` overrides the header (callers that parsed it).
 */
export async function correctFromHeaders(opts: {
  redis: Redis;
  config: GovernorConfig;
  headers: HeaderBag;
  status?: number;
  retryAfterMs?: number;
  now?: number;
}): Promise<Correction> {
  const now = opts.now ?? Date.now();
  const r = resolveGovernor(opts.config);
  const h = readRateLimitHeaders(opts.headers, now);
  const dims = [h.requests, h.inputTokens, h.outputTokens] as const;
  const targets = dims.map((d, k) =>
    d.remaining === undefined ? null : levelFromHeader(d.remaining, d.limit, r.limits[k], r.capacities[k], k > 0),
  ) as Values;
  const retryAfterMs = opts.retryAfterMs ?? h.retryAfterMs;
  const [levels, pausedUntil] = await Promise.all([
    targets.some((t) => t !== null) ? adjust(opts.redis, r, r.keys.bucket, 1, "min", targets, now) : null,
    opts.status === 429 && retryAfterMs !== undefined ? pauseUntil({ redis: opts.redis, config: opts.config, untilMs: now + retryAfterMs, now }) : null,
  ]);
  return { levels, pausedUntil };
}
