// One tutor answer from Claude as a stream of events, with our own retries. Never throws for an
// upstream problem: every answer ends with exactly one `done` or `failed`, so the caller can always
// finish the turn (offline tutor, closing line) and reconcile budgets.
import type Anthropic from "@anthropic-ai/sdk";
import { APIError, APIUserAbortError } from "@anthropic-ai/sdk";
import type {
  MessageDeltaUsage,
  MessageParam,
  StopReason,
  TextBlockParam,
  Usage as ApiUsage,
} from "@anthropic-ai/sdk/resources/messages";
import { backoffDelay, classifyError, parseRetryAfterMs, type FailureKind } from "@/lib/ai/retry";
import type { Usage } from "@/lib/tutor/types";

export type AnswerEvent =
  /** Once, just before the first delta (or before `done` when the answer has no text). */
  | { type: "start"; attempt: number; ttftMs?: number }
  | { type: "delta"; text: string }
  | {
      type: "done";
      usage: Usage;
      stopReason: StopReason | null;
      status: number;
      rateLimitHeaders: Record<string, string>;
      requestId?: string;
    }
  | {
      type: "failed";
      kind: FailureKind;
      status?: number;
      retryAfterMs?: number;
      /** Text already sent to the student: non-empty only for `midstream`, or `timeout` after text. */
      partialText: string;
      rateLimitHeaders: Record<string, string>;
    };

export interface AttemptResult {
  attempt: number;
  status?: number;
  kind: FailureKind | "ok";
  retryAfterMs?: number;
  headers: Record<string, string>;
  willRetry: boolean;
}

export interface StreamAnswerOptions {
  client: Anthropic;
  model: string;
  system: string | TextBlockParam[];
  messages: MessageParam[];
  maxTokens: number;
  /** Budget in ms from now for the whole answer, retries and waits included. */
  deadlineMs: number;
  /** Aborting ends the answer with `failed/timeout` (e.g. the student left). */
  signal?: AbortSignal;
  /** Called synchronously after every attempt, so the governor can learn from 429s and 529s. */
  onAttemptResult?: (result: AttemptResult) => void;
  retry?: { maxAttempts?: number; baseMs?: number; capMs?: number; random?: () => number };
}

// A fresh attempt with less time than this left would only add load and then time out.
const MIN_ATTEMPT_MS = 1_000;
// More attempts inside one deadline mostly add load to an upstream that is already struggling.
const DEFAULT_MAX_ATTEMPTS = 4;
const DEFAULT_BASE_MS = 500;
const DEFAULT_CAP_MS = 8_000;

interface TurnState {
  startedAt: number;
  /** Everything already yielded as deltas; while empty, a retry is invisible to the student. */
  text: string;
}

type AttemptOutcome =
  | { ok: true; usage: Usage; stopReason: StopReason | null; status: number; headers: Headers; requestId?: string }
  | { ok: false; error: unknown; headers: Headers | undefined };

/** `anthropic-ratelimit-*` and retry-after headers, for the governor to correct its buckets. */
export function rateLimitHeaders(headers: Headers | undefined): Record<string, string> {
  const picked: Record<string, string> = {};
  headers?.forEach((value, name) => {
    if (name.startsWith("anthropic-ratelimit-") || name === "retry-after" || name === "retry-after-ms") {
      picked[name] = value;
    }
  });
  return picked;
}

// message_delta counts are cumulative; input and cache counts are only present when they changed.
function applyUsage(usage: Usage, reported: ApiUsage | MessageDeltaUsage): void {
  usage.outputTokens = reported.output_tokens;
  if (reported.input_tokens != null) usage.inputTokens = reported.input_tokens;
  if (reported.cache_read_input_tokens != null) usage.cacheReadTokens = reported.cache_read_input_tokens;
  if (reported.cache_creation_input_tokens != null) usage.cacheWriteTokens = reported.cache_creation_input_tokens;
}

async function* runAttempt(
  opts: StreamAnswerOptions,
  attempt: number,
  signal: AbortSignal,
  deadlineAt: number,
  state: TurnState,
): AsyncGenerator<AnswerEvent, AttemptOutcome, undefined> {
  let headers: Headers | undefined;
  try {
    const { data, response, request_id } = await opts.client.messages
      .create(
        { model: opts.model, system: opts.system, messages: opts.messages, max_tokens: opts.maxTokens, stream: true },
        {
          signal,
          // Repeated per request so a client not built by createAnthropic cannot multiply attempts.
          maxRetries: 0,
          // The SDK's timeout covers the wait for headers; never let it outlive the turn.
          timeout: Math.max(1, Math.floor(Math.min(opts.client.timeout, deadlineAt - Date.now()))),
        },
      )
      .withResponse();
    headers = response.headers;
    const usage: Usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
    let stopReason: StopReason | null = null;
    let finished = false;
    for await (const event of data) {
      if (event.type === "message_start") applyUsage(usage, event.message.usage);
      else if (event.type === "message_delta") {
        applyUsage(usage, event.usage);
        stopReason = event.delta.stop_reason;
      } else if (event.type === "message_stop") finished = true;
      else if (event.type === "content_block_delta" && event.delta.type === "text_delta" && event.delta.text) {
        if (!state.text) yield { type: "start", attempt, ttftMs: Date.now() - state.startedAt };
        state.text += event.delta.text;
        yield { type: "delta", text: event.delta.text };
      }
    }
    // The SDK ends iteration quietly when the request is aborted, and a proxy may close the
    // connection cleanly mid-answer: neither is a finished answer.
    if (!finished) {
      throw signal.aborted ? new APIUserAbortError() : new Error("Stream ended before message_stop");
    }
    return { ok: true, usage, stopReason, status: response.status, headers, requestId: request_id ?? undefined };
  } catch (error) {
    return { ok: false, error, headers: error instanceof APIError && error.headers ? error.headers : headers };
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

export async function* streamAnswer(opts: StreamAnswerOptions): AsyncGenerator<AnswerEvent, void, undefined> {
  const { maxAttempts = DEFAULT_MAX_ATTEMPTS, baseMs = DEFAULT_BASE_MS, capMs = DEFAULT_CAP_MS, random } = opts.retry ?? {};
  const state: TurnState = { startedAt: Date.now(), text: "" };
  const deadlineAt = state.startedAt + opts.deadlineMs;
  // One controller for the whole turn: the deadline, the caller, or the consumer leaving early all
  // cancel whatever request or wait is in flight.
  const turn = new AbortController();
  const deadlineTimer = setTimeout(() => turn.abort(), Math.max(0, opts.deadlineMs));
  const onCallerAbort = () => turn.abort();
  if (opts.signal?.aborted) turn.abort();
  opts.signal?.addEventListener("abort", onCallerAbort, { once: true });

  try {
    for (let attempt = 1; ; attempt++) {
      const outcome = yield* runAttempt(opts, attempt, turn.signal, deadlineAt, state);
      const headers = rateLimitHeaders(outcome.headers);

      if (outcome.ok) {
        opts.onAttemptResult?.({ attempt, status: outcome.status, kind: "ok", headers, willRetry: false });
        if (!state.text) yield { type: "start", attempt };
        yield {
          type: "done",
          usage: outcome.usage,
          stopReason: outcome.stopReason,
          status: outcome.status,
          rateLimitHeaders: headers,
          requestId: outcome.requestId,
        };
        return;
      }

      const { kind: errorKind, status, retryable } = classifyError(outcome.error);
      const retryAfterMs = parseRetryAfterMs(outcome.headers);
      // Once the student has seen text, a retry would restart the answer under it: the caller
      // finishes the turn from partialText instead.
      const cut = outcome.error instanceof APIUserAbortError;
      const kind: FailureKind = state.text && !cut ? "midstream" : errorKind;
      const delay =
        !state.text && retryable && attempt < maxAttempts
          ? backoffDelay(attempt, { baseMs, capMs, retryAfterMs, random, deadlineAt: deadlineAt - MIN_ATTEMPT_MS })
          : null;
      opts.onAttemptResult?.({ attempt, status, kind, retryAfterMs, headers, willRetry: delay !== null });
      if (delay === null) {
        yield { type: "failed", kind, status, retryAfterMs, partialText: state.text, rateLimitHeaders: headers };
        return;
      }
      // A caller abort during the wait ends it early; the next attempt then fails as an abort.
      await sleep(delay, turn.signal);
    }
  } finally {
    clearTimeout(deadlineTimer);
    opts.signal?.removeEventListener("abort", onCallerAbort);
    turn.abort();
  }
}
