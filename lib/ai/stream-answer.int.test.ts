// streamAnswer against the local Anthropic simulator (scripts/sim), through the real SDK.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageParam } from "@anthropic-ai/sdk/resources/messages";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAnthropic } from "@/lib/ai/client";
import { buildSystemPrompt } from "@/lib/ai/prompts";
import { type AnswerEvent, type AttemptResult, streamAnswer, type StreamAnswerOptions } from "@/lib/ai/stream-answer";
import { type Simulator, startSimulator } from "@/scripts/sim/server";

const MODEL = "claude-sonnet-5";
const NO_FAULTS = { overloaded: 0, apiError: 0, midstream: 0, slow: 0 };
// Fast, exact and roomy unless a test says otherwise.
const BASE = {
  apiKey: null,
  rpm: 1_000,
  itpm: 1_000_000,
  otpm: 1_000_000,
  windowSeconds: 60,
  ttftMs: 20,
  ttftJitter: 0,
  tokensPerSecond: 500, // 80 tokens span several 25 ms ticks even on a busy machine, so the stream has several deltas
  answerTokens: 80,
  remainingRounding: 1,
  cacheMinTokens: 1_024,
  faults: NO_FAULTS,
};

let sim: Simulator;
let client: Anthropic;
let stopShim: () => Promise<void>;

// SDK 1.x (API version 2026-10-21) sends the key as `Authorization: Bearer`, but the simulator only
// reads `x-api-key`. Until it accepts both, this pass-through proxy copies the key across; it streams
// bodies and forwards client aborts, so the SDK sees the simulator's behaviour unchanged.
async function bearerShim(target: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const headers = { ...req.headers };
    const bearer = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
    if (bearer && !headers["x-api-key"]) headers["x-api-key"] = bearer;
    const upstream = request(`${target}${req.url}`, { method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const stop = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop };
}

beforeAll(async () => {
  sim = await startSimulator(BASE);
  const shim = await bearerShim(sim.url);
  stopShim = shim.stop;
  client = createAnthropic({ apiKey: "sk-test", baseURL: shim.url });
});
afterAll(async () => {
  await stopShim();
  await sim.stop();
});
beforeEach(() => {
  sim.configure(BASE);
  sim.reset();
});

const system = buildSystemPrompt({ gradeLevel: 7, subject: "Maths", mode: "full" });
const messages: MessageParam[] = [{ role: "user", content: "How do I solve 2x + 3 = 11?" }];

async function run(overrides: Partial<StreamAnswerOptions> = {}) {
  const attempts: AttemptResult[] = [];
  const events: AnswerEvent[] = [];
  const startedAt = Date.now();
  for await (const e of streamAnswer({
    client,
    model: MODEL,
    system,
    messages,
    maxTokens: 300,
    deadlineMs: 10_000,
    onAttemptResult: (r) => attempts.push(r),
    ...overrides,
  })) {
    events.push(e);
  }
  const text = events.flatMap((e) => (e.type === "delta" ? [e.text] : [])).join("");
  const last = events[events.length - 1];
  return { events, attempts, text, last, elapsedMs: Date.now() - startedAt };
}

describe("streamAnswer against the simulator", () => {
  it("streams deltas that add up to the whole answer, with usage, headers and TTFT", async () => {
    const { events, attempts, text, last } = await run();
    expect(events[0]).toMatchObject({ type: "start", attempt: 1 });
    expect((events[0] as { ttftMs: number }).ttftMs).toBeGreaterThanOrEqual(0);
    expect(events.filter((e) => e.type === "delta").length).toBeGreaterThan(1);
    expect(last.type).toBe("done");
    if (last.type !== "done") return;
    expect(last).toMatchObject({ status: 200, stopReason: "end_turn" });
    expect(last.requestId).toMatch(/^req_/);
    expect(last.usage.inputTokens + last.usage.cacheWriteTokens).toBeGreaterThan(1_000);
    expect(last.usage.outputTokens).toBeGreaterThan(0);
    expect(last.rateLimitHeaders["anthropic-ratelimit-requests-limit"]).toBe("1000");
    expect(attempts).toEqual([expect.objectContaining({ attempt: 1, status: 200, kind: "ok", willRetry: false })]);

    // The simulator's answer is deterministic for a prompt, so the non-streaming call returns the same text.
    const whole = await client.messages.create({ model: MODEL, system, messages, max_tokens: 300 });
    expect(text).toBe(whole.content.map((b) => (b.type === "text" ? b.text : "")).join(""));
    expect(last.usage.outputTokens).toBe(whole.usage.output_tokens);
  });

  it("retries a 429 after retry-after and returns one answer", async () => {
    sim.configure({ rpm: 1, windowSeconds: 2 });
    await run(); // uses the only request in the bucket
    const { events, attempts, last, elapsedMs } = await run();
    expect(attempts.map((a) => [a.status, a.kind, a.willRetry])).toEqual([
      [429, "rate_limited", true],
      [200, "ok", false],
    ]);
    expect(attempts[0].retryAfterMs).toBeGreaterThanOrEqual(1_000);
    expect(attempts[0].headers["retry-after"]).toBeDefined();
    expect(attempts[0].headers["anthropic-ratelimit-requests-remaining"]).toBe("0");
    expect(elapsedMs).toBeGreaterThanOrEqual(attempts[0].retryAfterMs!);
    expect(events.filter((e) => e.type === "start")).toEqual([expect.objectContaining({ attempt: 2 })]);
    expect(events.filter((e) => e.type === "done")).toHaveLength(1);
    expect(last.type).toBe("done");
    expect(sim.stats().requests.byStatus).toEqual({ "200": 2, "429": 1 });
  });

  it("ends a 529 storm at the deadline with failed/overloaded instead of throwing", async () => {
    sim.configure({ faults: { overloaded: 1 } });
    const retry = { maxAttempts: 100, baseMs: 200, capMs: 800 };
    const { events, attempts, last, elapsedMs } = await run({ deadlineMs: 2_500, retry });
    expect(events).toEqual([last]);
    expect(last).toEqual({ type: "failed", kind: "overloaded", status: 529, partialText: "", rateLimitHeaders: expect.any(Object) });
    expect(attempts.length).toBeGreaterThan(2);
    expect(attempts.every((a) => a.status === 529 && a.kind === "overloaded")).toBe(true);
    expect(attempts.at(-1)!.willRetry).toBe(false);
    // Retries stop once a new attempt could not start at least a second before the deadline.
    expect(elapsedMs).toBeGreaterThanOrEqual(1_400);
    expect(elapsedMs).toBeLessThan(2_500);
  });

  it("gives up on 5xx after maxAttempts", async () => {
    sim.configure({ faults: { apiError: 1 } });
    const { attempts, last } = await run({ retry: { maxAttempts: 3, baseMs: 50 } });
    expect(last).toMatchObject({ type: "failed", kind: "server_error", status: 500 });
    expect(attempts.map((a) => a.willRetry)).toEqual([true, true, false]);
  });

  it("does not retry an error after text was streamed: failed/midstream keeps the partial text", async () => {
    sim.configure({ faults: { midstream: 1 }, answerTokens: 200 });
    const { events, attempts, text, last } = await run();
    expect(text.length).toBeGreaterThan(0);
    expect(last).toEqual({ type: "failed", kind: "midstream", status: undefined, retryAfterMs: undefined, partialText: text, rateLimitHeaders: expect.any(Object) });
    expect(events.filter((e) => e.type === "start")).toHaveLength(1);
    expect(attempts).toEqual([expect.objectContaining({ kind: "midstream", willRetry: false })]);
    expect(sim.stats().requests.messages).toBe(1);
  });

  it("cuts a stalled stream at the deadline (the SDK timeout only covers headers)", async () => {
    sim.configure({ faults: { slow: 1 }, slowTtftMs: 5_000 });
    const { last, elapsedMs } = await run({ deadlineMs: 1_500 });
    expect(last).toMatchObject({ type: "failed", kind: "timeout", partialText: "" });
    expect(elapsedMs).toBeLessThan(2_500);
  });

  it("stops when the caller aborts, keeping what was already sent", async () => {
    sim.configure({ tokensPerSecond: 100, answerTokens: 300 });
    const caller = new AbortController();
    const events: AnswerEvent[] = [];
    for await (const e of streamAnswer({ client, model: MODEL, system, messages, maxTokens: 600, deadlineMs: 10_000, signal: caller.signal })) {
      events.push(e);
      if (e.type === "delta") caller.abort();
    }
    const last = events[events.length - 1];
    expect(last).toMatchObject({ type: "failed", kind: "timeout" });
    expect(last.type === "failed" && last.partialText.length).toBeGreaterThan(0);
  });

  it("does not retry an authentication error", async () => {
    sim.configure({ apiKey: "sk-right" });
    const { attempts, last } = await run();
    expect(last).toMatchObject({ type: "failed", kind: "auth", status: 401 });
    expect(attempts).toHaveLength(1);
  });

  it("reads the stable system block from the prompt cache on the next request", async () => {
    sim.configure({ cacheMinTokens: 100 });
    const first = await run();
    const second = await run({ messages: [{ role: "user", content: "And 5x - 2 = 13?" }] });
    expect(first.last).toMatchObject({ type: "done", usage: { cacheReadTokens: 0 } });
    expect(first.last.type === "done" && first.last.usage.cacheWriteTokens).toBeGreaterThan(0);
    expect(second.last.type === "done" && second.last.usage.cacheReadTokens).toBeGreaterThan(0);
    // Another student's grade and subject only change the block after the breakpoint.
    const other = await run({ system: buildSystemPrompt({ gradeLevel: 3, subject: "Science", mode: "concise" }) });
    expect(other.last.type === "done" && other.last.usage.cacheReadTokens).toBe(second.last.type === "done" && second.last.usage.cacheReadTokens);
  });

  it("is long enough to be cached at Sonnet's real 1,024-token minimum", async () => {
    await run();
    const { last } = await run();
    expect(last.type === "done" && last.usage.cacheReadTokens).toBeGreaterThan(1_024);
  });
});
