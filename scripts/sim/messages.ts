// POST /v1/messages after auth and validation: faults, cache accounting, rate limiting, then a
// paced answer, streamed as SSE or returned whole.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Dimension, RateLimiter } from "./buckets";
import type { FaultName, SimConfig } from "./config";
import { Generation, type Ticker } from "./generation";
import { errorBody, newId, sendJson } from "./http";
import { type PromptCache, promptSegments, totalTokens } from "./prompt-cache";
import { OVERLOADED_EVENT, messageBody, streamHead, streamTail, textDelta, type Usage } from "./sse";
import type { StatsRecorder } from "./stats";
import { CHARS_PER_TOKEN, generateAnswer, hashString } from "./text-gen";
import type { MessagesRequest } from "./validate";

export interface SimContext {
  config: SimConfig;
  cache: PromptCache;
  stats: StatsRecorder;
  ticker: Ticker;
  limiter(model: string): RateLimiter;
}

const FAULT_HEADER_VALUES: Record<string, FaultName> = { "529": "overloaded", "500": "apiError", midstream: "midstream", slow: "slow" };

/** undefined: the x-sim-fault header names no known fault (a test typo should fail, not pass silently). */
export function chooseFault(header: string | string[] | undefined, faults: SimConfig["faults"]): FaultName | null | undefined {
  if (typeof header === "string") return FAULT_HEADER_VALUES[header];
  let r = Math.random();
  for (const name of Object.keys(faults) as FaultName[]) {
    if (r < faults[name]) return name;
    r -= faults[name];
  }
  return null;
}

const ORGANIZATION = "00000000-0000-4000-8000-5151a7a70000";
const DIMENSION_WORDS: Record<Dimension, string> = {
  requests: "requests",
  "input-tokens": "input tokens",
  "output-tokens": "output tokens",
};

export function rateLimitMessage(limit: number, what: string): string {
  return (
    `This request would exceed the rate limit for your organization (${ORGANIZATION}) of ${limit.toLocaleString("en-US")} ${what} per minute. ` +
    "For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. " +
    "Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at " +
    "https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase."
  );
}

function lastUserText(r: MessagesRequest): string {
  const last = r.messages.findLast((m) => m.role === "user");
  if (!last) return "";
  if (typeof last.content === "string") return last.content;
  return last.content.map((b) => (b.type === "text" ? b.text : "")).join(" ");
}

export function handleMessages(ctx: SimContext, req: IncomingMessage, res: ServerResponse, requestId: string, r: MessagesRequest): void {
  const cfg = ctx.config;
  const maxTokens = r.max_tokens;
  const now = Date.now();
  const limiter = ctx.limiter(r.model);
  const headers = () => ({ "request-id": requestId, ...limiter.headers(Date.now(), ctx.config.remainingRounding) });
  const fail = (status: number, type: Parameters<typeof errorBody>[0], message: string, extra: Record<string, string> = {}) =>
    sendJson(res, status, errorBody(type, message, requestId), { ...headers(), ...extra });

  const fault = chooseFault(req.headers["x-sim-fault"], cfg.faults);
  if (fault === undefined) return fail(400, "invalid_request_error", "x-sim-fault: expected one of 529, 500, midstream, slow");
  if (fault) ctx.stats.fault(fault);
  // Overload and server errors happen before any work, so they charge no rate limit.
  if (fault === "overloaded") return fail(529, "overloaded_error", "Overloaded");
  if (fault === "apiError") return fail(500, "api_error", "Internal server error");

  const segments = promptSegments(r);
  const plan = ctx.cache.plan(r.model, segments, cfg.cacheMinTokens, now);
  const usage: Usage = {
    input: totalTokens(segments) - plan.readTokens - plan.creationTokens,
    cacheCreation: plan.creationTokens,
    cacheRead: plan.readTokens,
    creationTtl: plan.creationTtl,
    output: 0,
  };
  const outputReserve = cfg.otpmMode === "max_tokens" ? maxTokens : 0;
  // Cache reads do not count toward ITPM.
  const verdict = limiter.admit({ inputTokens: usage.input + usage.cacheCreation, outputReserve }, now);
  if (!verdict.ok) {
    ctx.stats.limited(verdict.dimension);
    const limit = { requests: cfg.rpm, "input-tokens": cfg.itpm, "output-tokens": cfg.otpm }[verdict.dimension];
    return fail(429, "rate_limit_error", rateLimitMessage(limit, DIMENSION_WORDS[verdict.dimension]), {
      "retry-after": String(verdict.retryAfterSec),
    });
  }
  ctx.cache.commit(plan, now);
  ctx.stats.input(usage.input, usage.cacheCreation, usage.cacheRead);

  const answer = generateAnswer({
    seed: hashString(r.model + JSON.stringify(r.system) + JSON.stringify(r.messages)),
    prompt: lastUserText(r),
    maxTokens,
    meanTokens: cfg.answerTokens,
  });
  const ttft = fault === "slow" ? cfg.slowTtftMs : cfg.ttftMs * (1 + cfg.ttftJitter * (2 * Math.random() - 1));
  const failAt = fault === "midstream" ? Math.max(1, Math.floor(answer.outputTokens * (0.3 + 0.4 * Math.random()))) : null;
  const messageId = newId("msg");
  const realtime = cfg.otpmMode === "realtime";

  let settled = false;
  // In max_tokens mode the reservation is trued up to what was actually produced.
  const settle = (produced: number) => {
    settled = true;
    if (outputReserve > 0) limiter.output.give(outputReserve - produced, Date.now());
  };
  const generation = new Generation(answer.outputTokens, now + ttft, cfg.tokensPerSecond, failAt, {
    onTokens(from, to) {
      if (realtime) limiter.output.take(to - from, Date.now());
      ctx.stats.output(to - from);
      if (r.stream) res.write(textDelta(answer.text.slice(from * CHARS_PER_TOKEN, to * CHARS_PER_TOKEN)));
    },
    onDone() {
      settle(answer.outputTokens);
      const final = { ...usage, output: answer.outputTokens };
      if (r.stream) res.end(streamTail(answer.stopReason, final));
      else sendJson(res, 200, messageBody(messageId, r.model, answer.text, answer.stopReason, final), headers());
    },
    onFail() {
      settle(generation.emitted);
      if (r.stream) res.end(OVERLOADED_EVENT);
      else fail(529, "overloaded_error", "Overloaded");
    },
  });
  res.on("close", () => {
    if (settled) return;
    ctx.ticker.remove(generation);
    settle(generation.emitted);
  });

  if (r.stream) {
    ctx.stats.streamed();
    res.writeHead(200, { ...headers(), "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
    res.write(streamHead(messageId, r.model, usage));
  }
  ctx.ticker.add(generation);
}
