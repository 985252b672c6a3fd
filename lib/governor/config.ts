// The governor's configuration, passed in explicitly (the caller reads env), and its derived form:
// bucket capacities and refill rates, Redis keys, queue tuning.

export interface GovernorLimits {
  /** Requests per window (Anthropic: per minute). */
  rpm: number;
  /** Uncached input tokens per window (cache reads don't count toward ITPM). */
  itpm: number;
  /** Output tokens per window. */
  otpm: number;
}

export interface GovernorConfig {
  /** Prefix of every key, e.g. `${env.REDIS_PREFIX}:gov`; tests use a unique one per run. */
  prefix: string;
  /** The real limits of the shared key. */
  limits: GovernorLimits;
  /** Fraction of the real limits we let ourselves use (default 0.95): slack for drift and other clients. */
  safetyMargin?: number;
  /** Length of the limit window (default 60 000 ms). Only the simulator and tests shrink it. */
  windowMs?: number;
  /**
   * OTPM reserved per request = ceil(maxOutputTokens × ratio), default 1 (reserve max_tokens, which is
   * what the 2025 rules charge). reconcile() settles the difference once the real count is known.
   */
  outputReserveRatio?: number;
  /** Per-school share (0..1] of every limit. Absent or 1 = no per-school buckets for that school. */
  schoolShares?: Record<string, number>;
  /** Share for schools not listed in schoolShares (default 1 = unlimited within the global buckets). */
  defaultSchoolShare?: number;
  queue?: {
    /** Waiting tickets beyond this are refused at once with "queue_full" (default 500). */
    maxLength?: number;
    /** Bounds of the head's adaptive poll sleep (defaults 5 and 250 ms); tickets further back sleep up to ticketTtlMs / 2. */
    pollMinMs?: number;
    pollMaxMs?: number;
    /** A ticket not polled for this long belongs to a dead instance and is dropped (default 2 000 ms). */
    ticketTtlMs?: number;
  };
}

/** Bucket dimensions, always in this order: requests, input tokens, output tokens. */
export type Triple = readonly [number, number, number];

export interface ResolvedGovernor {
  limits: Triple;
  capacities: Triple;
  /** Refill per millisecond. */
  rates: Triple;
  outputReserveRatio: number;
  maxLength: number;
  pollMinMs: number;
  pollMaxMs: number;
  ticketTtlMs: number;
  keys: {
    bucket: string;
    queue: string;
    queueExpiry: string;
    pause: string;
    /** Per-school bucket key = schoolPrefix + schoolId. */
    schoolPrefix: string;
  };
  shareFor(schoolId: string | undefined): number;
}

const DEFAULT_SAFETY_MARGIN = 0.95;
const DEFAULT_WINDOW_MS = 60_000;

function positive(name: string, v: number): number {
  if (!Number.isFinite(v) || v <= 0) throw new Error(`governor config: ${name} must be a positive number, got ${v}`);
  return v;
}

function share(name: string, v: number): number {
  if (!Number.isFinite(v) || v <= 0 || v > 1) throw new Error(`governor config: ${name} must be in (0, 1], got ${v}`);
  return v;
}

export function resolveGovernor(config: GovernorConfig): ResolvedGovernor {
  const margin = share("safetyMargin", config.safetyMargin ?? DEFAULT_SAFETY_MARGIN);
  const windowMs = positive("windowMs", config.windowMs ?? DEFAULT_WINDOW_MS);
  const limits = [positive("limits.rpm", config.limits.rpm), positive("limits.itpm", config.limits.itpm), positive("limits.otpm", config.limits.otpm)] as const;
  const shares = config.schoolShares ?? {};
  const fallbackShare = share("defaultSchoolShare", config.defaultSchoolShare ?? 1);
  for (const [id, s] of Object.entries(shares)) share(`schoolShares.${id}`, s);
  const pollMaxMs = positive("queue.pollMaxMs", config.queue?.pollMaxMs ?? 250);
  const ticketTtlMs = positive("queue.ticketTtlMs", config.queue?.ticketTtlMs ?? 2_000);
  // A live waiter heartbeats at least every pollMaxMs; the TTL must leave room for a slow round trip.
  if (ticketTtlMs < 2 * pollMaxMs) throw new Error(`governor config: queue.ticketTtlMs (${ticketTtlMs}) must be at least twice queue.pollMaxMs (${pollMaxMs})`);
  const p = config.prefix;
  return {
    limits,
    // The margin lowers both the burst (capacity) and the sustained rate, so estimation drift tends to
    // leave Anthropic's bucket fuller than ours rather than emptier.
    capacities: [limits[0] * margin, limits[1] * margin, limits[2] * margin],
    rates: [(limits[0] * margin) / windowMs, (limits[1] * margin) / windowMs, (limits[2] * margin) / windowMs],
    outputReserveRatio: positive("outputReserveRatio", config.outputReserveRatio ?? 1),
    maxLength: Math.floor(positive("queue.maxLength", config.queue?.maxLength ?? 500)),
    pollMinMs: positive("queue.pollMinMs", config.queue?.pollMinMs ?? 5),
    pollMaxMs,
    ticketTtlMs,
    keys: { bucket: `${p}:bucket`, queue: `${p}:queue`, queueExpiry: `${p}:queue-exp`, pause: `${p}:pause`, schoolPrefix: `${p}:school:` },
    shareFor: (schoolId) => (schoolId === undefined ? 1 : (shares[schoolId] ?? fallbackShare)),
  };
}
