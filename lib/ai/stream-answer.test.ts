// Edge cases of streamAnswer that the simulator does not produce, through the real SDK with a fake fetch.
import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { type AnswerEvent, type AttemptResult, streamAnswer } from "@/lib/ai/stream-answer";

const sse = (data: object) => `event: ${(data as { type: string }).type}\ndata: ${JSON.stringify(data)}\n\n`;
const START = sse({
  type: "message_start",
  message: { id: "msg_1", type: "message", role: "assistant", content: [], model: "m", stop_reason: null, stop_sequence: null, usage: { input_tokens: 40, output_tokens: 1, cache_read_input_tokens: 1_300, cache_creation_input_tokens: 0 } },
});
const text = (t: string) => sse({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: t } });
const TAIL =
  sse({ type: "content_block_stop", index: 0 }) +
  sse({ type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 12 } }) +
  sse({ type: "message_stop" });
const OVERLOADED = sse({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } } as never);

type Reply = { status: number; body: string; headers?: Record<string, string> };

function fakeClient(replies: Reply[]) {
  const calls: number[] = [];
  const fetch = async () => {
    const reply = replies[Math.min(calls.length, replies.length - 1)];
    calls.push(Date.now());
    const contentType = reply.status === 200 ? "text/event-stream" : "application/json";
    return new Response(reply.body, { status: reply.status, headers: { "content-type": contentType, "request-id": "req_x", ...reply.headers } });
  };
  // Default maxRetries (2) on purpose: streamAnswer must still make exactly one request per attempt.
  return { client: new Anthropic({ apiKey: "k", baseURL: "http://fake.test", fetch }), calls };
}

async function collect(client: Anthropic, maxAttempts = 3) {
  const events: AnswerEvent[] = [];
  const attempts: AttemptResult[] = [];
  const stream = streamAnswer({
    client,
    model: "claude-sonnet-5",
    system: "Be a tutor.",
    messages: [{ role: "user", content: "hi" }],
    maxTokens: 100,
    deadlineMs: 5_000,
    onAttemptResult: (r) => attempts.push(r),
    retry: { maxAttempts, baseMs: 1, capMs: 5 },
  });
  for await (const e of stream) events.push(e);
  return { events, attempts, last: events[events.length - 1] };
}

describe("streamAnswer edge cases", () => {
  it("normalises usage: input and cache counts from message_start, cumulative output from message_delta", async () => {
    const { client } = fakeClient([{ status: 200, body: START + text("Hel") + text("lo") + TAIL }]);
    const { events, last } = await collect(client);
    expect(events.map((e) => e.type)).toEqual(["start", "delta", "delta", "done"]);
    expect(last).toMatchObject({
      type: "done",
      usage: { inputTokens: 40, outputTokens: 12, cacheReadTokens: 1_300, cacheWriteTokens: 0 },
      stopReason: "end_turn",
      requestId: "req_x",
    });
  });

  it("retries an `event: error` that arrives before any text", async () => {
    const { client, calls } = fakeClient([
      { status: 200, body: START + OVERLOADED },
      { status: 200, body: START + text("ok") + TAIL },
    ]);
    const { events, attempts } = await collect(client);
    expect(calls).toHaveLength(2);
    expect(attempts.map((a) => [a.kind, a.willRetry])).toEqual([["overloaded", true], ["ok", false]]);
    expect(events.map((e) => e.type)).toEqual(["start", "delta", "done"]);
    expect(events[0]).toMatchObject({ attempt: 2 });
  });

  it("treats a stream that ends without message_stop after text as midstream", async () => {
    const { client, calls } = fakeClient([{ status: 200, body: START + text("Half an ans") }]);
    const { last } = await collect(client);
    expect(calls).toHaveLength(1);
    expect(last).toMatchObject({ type: "failed", kind: "midstream", partialText: "Half an ans" });
  });

  it("reports an answer with no text with a start (no TTFT) before done", async () => {
    const { client } = fakeClient([{ status: 200, body: START + TAIL }]);
    const { events } = await collect(client);
    expect(events).toEqual([{ type: "start", attempt: 1 }, expect.objectContaining({ type: "done" })]);
  });

  it("does not retry a spend-cap 429, and makes one request per attempt whatever the client's maxRetries", async () => {
    const body = JSON.stringify({ type: "error", error: { type: "rate_limit_error", message: "cap", details: { error_code: "enforced_spend_limit_reached" } } });
    const { client, calls } = fakeClient([{ status: 429, body, headers: { "anthropic-ratelimit-requests-remaining": "10" } }]);
    const { last, attempts } = await collect(client);
    expect(calls).toHaveLength(1);
    expect(attempts).toEqual([{ attempt: 1, status: 429, kind: "rate_limited", retryAfterMs: undefined, headers: { "anthropic-ratelimit-requests-remaining": "10" }, willRetry: false }]);
    expect(last).toMatchObject({ type: "failed", kind: "rate_limited", status: 429, partialText: "" });
  });

  it("fails a 400 at once as bad_request", async () => {
    const body = JSON.stringify({ type: "error", error: { type: "invalid_request_error", message: "bad" } });
    const { client, calls } = fakeClient([{ status: 400, body }]);
    const { last } = await collect(client);
    expect(calls).toHaveLength(1);
    expect(last).toMatchObject({ type: "failed", kind: "bad_request", status: 400 });
  });
});
