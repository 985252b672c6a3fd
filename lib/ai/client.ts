// The one place an Anthropic client is built, so retry and timeout settings cannot drift per caller.
import Anthropic from "@anthropic-ai/sdk";

/**
 * Per-attempt timeout. In SDK 1.16 it only covers the wait for response headers (the timer is
 * cleared once `fetch` resolves), which for a stream arrive with `message_start`; a stalled body is
 * cut off by the turn deadline in stream-answer.ts instead. 15 s leaves room inside the default
 * 30 s turn deadline for one more attempt after a hung connection.
 */
export const ATTEMPT_TIMEOUT_MS = 15_000;

export interface CreateAnthropicOptions {
  apiKey: string;
  /** Host without `/v1` (the SDK appends `/v1/messages`), e.g. the local simulator's URL. */
  baseURL?: string;
  timeoutMs?: number;
}

export function createAnthropic({ apiKey, baseURL, timeoutMs = ATTEMPT_TIMEOUT_MS }: CreateAnthropicOptions): Anthropic {
  return new Anthropic({
    apiKey,
    // null, not undefined: the SDK would otherwise read ANTHROPIC_BASE_URL itself, and lib/env.ts is
    // the only reader of the environment.
    baseURL: baseURL ?? null,
    // The SDK retries 429/5xx twice by default, sleeping up to 8 s without knowing our turn deadline.
    // streamAnswer owns retries (full jitter, deadline-aware, and only before any text has been
    // streamed), so SDK retries would multiply attempts — up to 3 requests per attempt of ours — and
    // pile load onto an upstream that is already rate limiting or overloaded.
    maxRetries: 0,
    timeout: timeoutMs,
  });
}
