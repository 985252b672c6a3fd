// Retry policy for one tutor turn: which failures are worth another attempt, and how long to wait.
// Pure functions (time and randomness are parameters) so the policy is tested without a network.
import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "@anthropic-ai/sdk";

export type FailureKind =
  | "rate_limited"
  | "overloaded"
  | "server_error"
  | "network"
  | "timeout"
  | "midstream"
  | "bad_request"
  | "auth";

export interface ErrorClassification {
  /** "midstream" is never returned here: only the caller knows whether text had been streamed. */
  kind: Exclude<FailureKind, "midstream">;
  status?: number;
  retryable: boolean;
}

type HeaderSource = Headers | Record<string, string> | null | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  return headers[name] ?? headers[name.toLowerCase()];
}

/**
 * How long the server asked us to wait, in ms: `retry-after-ms` first (what the SDK prefers too), then
 * `retry-after` as seconds or an HTTP date. Undefined when absent or not a positive delay.
 */
export function parseRetryAfterMs(headers: HeaderSource, nowMs = Date.now()): number | undefined {
  const ms = Number.parseFloat(header(headers, "retry-after-ms") ?? "");
  if (ms > 0) return ms;
  const raw = header(headers, "retry-after")?.trim();
  if (!raw) return undefined;
  const seconds = Number(raw);
  const delay = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(raw) - nowMs;
  return delay > 0 ? delay : undefined;
}

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** From `parseRetryAfterMs`; the wait is never shorter ("earlier retries will fail"). */
  retryAfterMs?: number;
  /** Uniform in [0, 1); injectable for tests. */
  random?: () => number;
  nowMs?: number;
  /** Epoch ms by which the next attempt must have started. */
  deadlineAt?: number;
}

/**
 * Milliseconds to wait after failed attempt number `attempt` (1-based), or null when the next attempt
 * could not start before the deadline.
 *
 * Full jitter — uniform in [0, min(cap, base·2^(attempt−1))) — because many students hit the same
 * upstream at once: equal-jitter or plain exponential waits keep their retries in lockstep. With a
 * retry-after the wait is retry-after plus up to one `baseMs` of jitter, for the same reason.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions): number | null {
  const random = opts.random ?? Math.random;
  const ceiling = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  const delay =
    opts.retryAfterMs !== undefined ? opts.retryAfterMs + random() * opts.baseMs : random() * ceiling;
  if (opts.deadlineAt === undefined) return delay;
  const remaining = opts.deadlineAt - (opts.nowMs ?? Date.now());
  // A retry-after beyond the deadline means no useful retry exists; a jittered wait may be trimmed.
  if (remaining <= 0 || (opts.retryAfterMs ?? 0) > remaining) return null;
  return Math.min(delay, remaining);
}

function kindForStatus(status: number): ErrorClassification["kind"] {
  if (status === 429) return "rate_limited";
  if (status === 529) return "overloaded";
  if (status === 408 || status === 504) return "timeout";
  if (status >= 500) return "server_error";
  if (status === 401 || status === 402 || status === 403) return "auth";
  return "bad_request";
}

// An `event: error` inside a 200 stream has no status, only the error body's type.
const KIND_BY_TYPE: Record<string, ErrorClassification["kind"]> = {
  rate_limit_error: "rate_limited",
  overloaded_error: "overloaded",
  api_error: "server_error",
  timeout_error: "timeout",
  authentication_error: "auth",
  permission_error: "auth",
  billing_error: "auth",
};

const RETRYABLE_KINDS = new Set<ErrorClassification["kind"]>([
  "rate_limited",
  "overloaded",
  "server_error",
  "network",
  "timeout",
]);

export function classifyError(error: unknown): ErrorClassification {
  // Someone (the turn deadline or the caller) chose to stop: retrying would defy that choice.
  if (error instanceof APIUserAbortError) return { kind: "timeout", retryable: false };
  if (error instanceof APIConnectionTimeoutError) return { kind: "timeout", retryable: true };
  if (error instanceof APIConnectionError) return { kind: "network", retryable: true };
  if (error instanceof APIError) {
    const status = error.status;
    const kind =
      status !== undefined ? kindForStatus(status) : (KIND_BY_TYPE[error.type ?? ""] ?? "bad_request");
    let retryable = RETRYABLE_KINDS.has(kind);
    // A spend cap is a 429 that no amount of waiting fixes within a turn (and it has no retry-after).
    if (error.errorCode === "enforced_spend_limit_reached") retryable = false;
    // The server may say explicitly; the SDK obeys this header, so our loop does too.
    const should = header(error.headers, "x-should-retry");
    if (should === "true" || should === "false") retryable = should === "true";
    return { kind, status, retryable };
  }
  // Other SDK errors are client-side misuse (bad options); retrying cannot help.
  if (error instanceof AnthropicError) return { kind: "bad_request", retryable: false };
  // Anything else came out of fetch/undici while reading the body ("terminated", a reset socket).
  return { kind: "network", retryable: true };
}

/** 429 / 529 / 5xx / 408 / network / timeout, but never 400 / 401 / 403 / 404 / 413. */
export function isRetryable(error: unknown): boolean {
  return classifyError(error).retryable;
}
