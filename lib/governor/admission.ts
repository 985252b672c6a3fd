// admit(): the gate in front of every upstream call. A bounded priority queue shared by all instances
// (a Redis sorted set); only the head may take tokens, so higher priority goes first and, within a
// priority, first come first served. With capacity and an empty queue it is one EVAL round trip.
import type { Redis } from "@upstash/redis";
import { leaveQueue, queueMember, takeOnce, type Ticket } from "./buckets";
import { resolveGovernor, type GovernorConfig } from "./config";

/** Follow-ups whose prompt is above this many tokens rank below short ones (they cost more to serve). */
export const LONG_FOLLOW_UP_TOKENS = 2_000;
export const MAX_PRIORITY = 5;

/**
 * Higher is served first, 0..MAX_PRIORITY. Class time always beats homework (a teacher is waiting with
 * a room of students); within each, a first turn beats a short follow-up beats a long follow-up.
 */
export function priorityFor(req: { classTime: boolean; firstTurn: boolean; estInputTokens: number }): number {
  const turn = req.firstTurn ? 2 : req.estInputTokens <= LONG_FOLLOW_UP_TOKENS ? 1 : 0;
  return (req.classTime ? 3 : 0) + turn;
}

/** Sorted-set score: priority band first, then arrival. Fits a double exactly (< 2^53) until year 2255. */
export function queueScore(priority: number, arrivalMs: number): number {
  const p = Math.min(MAX_PRIORITY, Math.max(0, Math.round(priority)));
  return (MAX_PRIORITY - p) * 1e13 + arrivalMs;
}

export type AdmitResult =
  | { admitted: true; waitedMs: number; ticket: Ticket }
  | { admitted: false; waitedMs: number; reason: "queue_timeout" | "queue_full" | "paused" };

export interface AdmitOptions {
  redis: Redis;
  config: GovernorConfig;
  estInputTokens: number;
  maxOutputTokens: number;
  /** From priorityFor(). */
  priority: number;
  schoolId?: string;
  maxWaitMs: number;
  signal?: AbortSignal;
  /** Called once if the request has to wait, with the first wait estimate (for a "you're in line" hint). */
  onQueued?: (estimatedWaitMs: number) => void;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Wait for room in every bucket (and the school's, if it has a share), in queue order, for at most
 * maxWaitMs. Polls with a sleep of the computed wait (clamped), which also heartbeats the ticket so
 * a dead instance's tickets expire. A pause that outlasts the remaining wait gives up at once. An
 * abort removes the ticket and rejects with the signal's reason. Redis failures reject (with
 * RedisUnavailableError when unreachable): failing open or closed is the caller's decision.
 */
export async function admit(opts: AdmitOptions): Promise<AdmitResult> {
  const { redis, signal } = opts;
  signal?.throwIfAborted();
  const r = resolveGovernor(opts.config);
  const start = Date.now();
  const deadline = start + Math.max(0, opts.maxWaitMs);
  const ticket: Ticket = {
    id: crypto.randomUUID(),
    ...(opts.schoolId !== undefined && { schoolId: opts.schoolId }),
    estInputTokens: Math.max(0, Math.ceil(opts.estInputTokens)),
    reservedOutputTokens: Math.max(0, Math.ceil(opts.maxOutputTokens * r.outputReserveRatio)),
  };
  const member = queueMember(ticket, r.shareFor(opts.schoolId));
  const score = queueScore(opts.priority, start);
  const leave = async <T>(result: T): Promise<T> => {
    await leaveQueue(redis, r, member);
    return result;
  };
  const refused = (reason: "queue_timeout" | "queue_full" | "paused") => ({ admitted: false as const, waitedMs: Date.now() - start, reason });

  for (let attempt = 0; ; attempt++) {
    const reply = await takeOnce(redis, r, member, score, Date.now());
    if (reply.code === "admitted") return { admitted: true, waitedMs: Date.now() - start, ticket };
    if (reply.code === "queue_full") return refused("queue_full");
    const left = deadline - Date.now();
    if (reply.code === "paused" && reply.waitMs > left) return leave(refused("paused"));
    // Not giving up early on a long computed wait: reconcile() refunds often free capacity sooner.
    if (left <= 0) return leave(refused("queue_timeout"));
    if (attempt === 0) opts.onQueued?.(reply.waitMs);
    // The head polls often (capacity may come back early); tickets further back poll about when their
    // turn should come, at least every half TTL (the heartbeat), to keep Redis traffic low under load.
    const cap = reply.code === "behind" ? r.ticketTtlMs / 2 : r.pollMaxMs;
    try {
      await sleep(Math.min(Math.max(reply.waitMs, r.pollMinMs), cap, left), signal);
    } catch (err) {
      throw await leave(err);
    }
  }
}
