// The simulator through the official SDK: if these pass, client code sees what it would see
// against the real API (shapes, headers, limits, faults).
import Anthropic, { APIError, APIUserAbortError, AuthenticationError, BadRequestError, InternalServerError, RateLimitError } from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SimConfigPatch } from "./config";
import { type Simulator, startSimulator } from "./server";

const MODEL = "claude-sonnet-5";
// Instant, exact and unconstrained unless a test says otherwise.
const BASE: SimConfigPatch = {
  apiKey: null,
  rpm: 1_000,
  itpm: 1_000_000,
  otpm: 1_000_000,
  otpmMode: "max_tokens",
  pools: "model-class",
  windowSeconds: 60,
  countTokensRpm: 1_000,
  remainingRounding: 1,
  ttftMs: 0,
  ttftJitter: 0,
  slowTtftMs: 300,
  tokensPerSecond: 2_000,
  answerTokens: 80,
  cacheMinTokens: 1_024,
  faults: { overloaded: 0, apiError: 0, midstream: 0, slow: 0 },
};

let sim: Simulator;
let client: Anthropic;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ask = (content: string, max_tokens = 400) => ({ model: MODEL, max_tokens, messages: [{ role: "user" as const, content }] });
const post = (path: string, body: unknown, headers: Record<string, string> = { "x-api-key": "test", "anthropic-version": "2023-06-01" }) =>
  fetch(sim.url + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
async function rejection(p: Promise<unknown>): Promise<APIError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof APIError)) throw new Error(`expected an APIError, got ${String(err)}`);
  return err;
}

beforeAll(async () => {
  sim = await startSimulator(BASE);
  client = new Anthropic({ apiKey: "test", baseURL: sim.url, maxRetries: 0 });
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.configure(BASE);
  sim.reset();
});

describe("messages", () => {
  it("streams text whose final usage matches what arrived", async () => {
    sim.configure({ tokensPerSecond: 400 });
    const stream = client.messages.stream(ask("Can you explain quadratic equations and factoring?"));
    const deltas: string[] = [];
    stream.on("text", (d) => deltas.push(d));
    const final = await stream.finalMessage();
    const text = deltas.join("");

    expect(deltas.length).toBeGreaterThan(2);
    expect(text).toMatch(/quadratic equations/);
    expect(final.content).toEqual([{ type: "text", text }]);
    expect(final.stop_reason).toBe("end_turn");
    expect(final.usage.output_tokens).toBe(Math.ceil(text.length / 4));
    const counted = await client.messages.countTokens({ model: MODEL, messages: ask("Can you explain quadratic equations and factoring?").messages });
    expect(final.usage.input_tokens).toBe(counted.input_tokens);
    expect(final.usage.cache_read_input_tokens).toBe(0);
    expect(stream.request_id).toMatch(/^req_[0-9A-Za-z]{24}$/);
  });

  it("sends the documented SSE event sequence, event name equal to data.type", async () => {
    const res = await post("/v1/messages", { ...ask("What is photosynthesis?"), stream: true });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = (await res.text()).trim().split("\n\n").map((chunk) => {
      const [eventLine, dataLine] = chunk.split("\n");
      const data = JSON.parse(dataLine.slice("data: ".length)) as { type: string; usage?: { output_tokens: number } };
      expect(eventLine).toBe(`event: ${data.type}`);
      return data;
    });
    const types = events.map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(["message_start", "content_block_start", "ping"]);
    expect(types.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);
    expect(new Set(types.slice(3, -3))).toEqual(new Set(["content_block_delta"]));
    expect(events.at(-2)?.usage?.output_tokens).toBeGreaterThan(1);
  });

  it("answers non-streaming requests deterministically and honours max_tokens", async () => {
    const { data, response, request_id } = await client.messages.create(ask("Why do we add fractions with common denominators?")).withResponse();
    const again = await client.messages.create(ask("Why do we add fractions with common denominators?"));
    const cut = await client.messages.create(ask("Why do we add fractions with common denominators?", 10));

    expect(data.content[0]).toEqual(again.content[0]);
    expect(data.stop_reason).toBe("end_turn");
    expect(cut.stop_reason).toBe("max_tokens");
    expect(cut.usage.output_tokens).toBe(10);
    const full = data.content[0].type === "text" ? data.content[0].text : "";
    expect(cut.content[0]).toEqual({ type: "text", text: full.slice(0, 40) });
    expect(request_id).toMatch(/^req_[0-9A-Za-z]{24}$/);
    expect(response.headers.get("anthropic-ratelimit-requests-limit")).toBe("1000");
    expect(response.headers.get("x-should-retry")).toBeNull();
  });

  it("rejects invalid requests with the API's error body", async () => {
    const res = await post("/v1/messages", { model: MODEL, messages: [{ role: "user", content: "hi" }] });
    const body: unknown = await res.json();
    expect(res.status).toBe(400);
    expect(body).toEqual({
      type: "error",
      error: { type: "invalid_request_error", message: "max_tokens: Field required" },
      request_id: res.headers.get("request-id"),
    });
    const err = await rejection(client.messages.create({ model: MODEL, max_tokens: 10, messages: [] }));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.apiMessage).toBe("messages: at least one message is required");
  });

  it("requires an API key", async () => {
    const res = await post("/v1/messages", ask("hi"), { "anthropic-version": "2023-06-01" });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ type: "error", error: { type: "authentication_error" }, request_id: expect.stringMatching(/^req_/) });
    sim.configure({ apiKey: "the-right-key" });
    expect(await rejection(client.messages.create(ask("hi")))).toBeInstanceOf(AuthenticationError);
  });
});

describe("rate limits", () => {
  it("429s over RPM with retry-after and headers, then admits once the bucket refills", async () => {
    sim.configure({ rpm: 2, windowSeconds: 2 }); // 1 request/s refill
    await client.messages.create(ask("one", 5));
    await client.messages.create(ask("two", 5));
    const err = await rejection(client.messages.create(ask("three", 5)));

    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.error).toMatchObject({ type: "error", error: { type: "rate_limit_error" }, request_id: err.requestID });
    expect(err.apiMessage).toContain("of 2 requests per minute");
    const h = err.headers!;
    expect(h.get("retry-after")).toBe("1");
    expect(h.get("anthropic-ratelimit-requests-limit")).toBe("2");
    expect(h.get("anthropic-ratelimit-requests-remaining")).toBe("0");
    expect(h.get("anthropic-ratelimit-requests-reset")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(h.get("anthropic-ratelimit-input-tokens-remaining")).not.toBeNull();
    // "Earlier retries will fail."
    expect(await rejection(client.messages.create(ask("three", 5)))).toBeInstanceOf(RateLimitError);
    await sleep(Number(h.get("retry-after")) * 1000 + 50);
    await expect(client.messages.create(ask("three", 5))).resolves.toMatchObject({ type: "message" });
    expect(sim.stats().rateLimited.requests).toBe(2);
  });

  it("enforces ITPM on input tokens", async () => {
    sim.configure({ itpm: 100 });
    const prompt = "Explain the water cycle. ".repeat(9); // 225 chars → 57 + 3 tokens
    const ok = await client.messages.create(ask(prompt, 5)).withResponse();
    expect(ok.data.usage.input_tokens).toBe(60);
    expect(ok.response.headers.get("anthropic-ratelimit-input-tokens-remaining")).toBe("40");
    const err = await rejection(client.messages.create(ask(prompt, 5)));
    expect(err.status).toBe(429);
    expect(err.apiMessage).toContain("of 100 input tokens per minute");
    expect(Number(err.headers?.get("retry-after"))).toBe(12); // 20 tokens at 100/60 per second
    expect(sim.stats().rateLimited["input-tokens"]).toBe(1);
  });

  it("reserves max_tokens against OTPM and refunds the unused part (max_tokens mode)", async () => {
    sim.configure({ otpm: 100, answerTokens: 20 });
    const tooBig = await rejection(client.messages.create(ask("Describe mitosis.", 150)));
    expect(tooBig.apiMessage).toContain("of 100 output tokens per minute");
    // A stream's headers leave at admission, with the whole max_tokens reserved…
    const stream = client.messages.stream(ask("Describe mitosis.", 60));
    const { response } = await stream.withResponse();
    expect(response.headers.get("anthropic-ratelimit-output-tokens-remaining")).toBe("40");
    // …and the end of the answer gives back what it did not use.
    const final = await stream.finalMessage();
    expect(final.stop_reason).toBe("end_turn");
    expect(sim.stats().pools.sonnet.remaining.outputTokens).toBeCloseTo(100 - final.usage.output_tokens, 0);
  });

  it("charges OTPM as tokens are produced (realtime mode)", async () => {
    sim.configure({ otpm: 100, otpmMode: "realtime", answerTokens: 300 });
    const first = await client.messages.create(ask("Describe the causes of the First World War.", 1_000));
    expect(first.usage.output_tokens).toBeGreaterThan(100);
    const err = await rejection(client.messages.create(ask("And the second?", 5)));
    expect(err.apiMessage).toContain("output tokens per minute");
    expect(err.headers?.get("anthropic-ratelimit-output-tokens-remaining")).toBe("0");
    expect(sim.stats().rateLimited["output-tokens"]).toBe(1);
  });

  it("keeps separate buckets per model class", async () => {
    sim.configure({ rpm: 1 });
    await client.messages.create(ask("hi", 5));
    await expect(client.messages.create({ ...ask("hi", 5), model: "claude-haiku-4-5" })).resolves.toBeTruthy();
    expect(await rejection(client.messages.create({ ...ask("hi", 5), model: "claude-sonnet-4-6" }))).toBeInstanceOf(RateLimitError);
  });
});

describe("prompt caching", () => {
  const system = (text: string) => [{ type: "text" as const, text, cache_control: { type: "ephemeral" as const } }];
  const lesson = "You are a patient maths tutor for 12-year-olds. ".repeat(10); // 480 chars → 120 tokens

  it("writes a cacheable prefix on first sight and reads it afterwards; reads don't count toward ITPM", async () => {
    sim.configure({ cacheMinTokens: 100, itpm: 10_000, windowSeconds: 6_000 });
    const first = await client.messages.create({ ...ask("What is 7 x 8?", 5), system: system(lesson) }).withResponse();
    expect(first.data.usage).toMatchObject({ cache_creation_input_tokens: 120, cache_read_input_tokens: 0, input_tokens: 7 });
    expect(first.data.usage.cache_creation).toEqual({ ephemeral_5m_input_tokens: 120, ephemeral_1h_input_tokens: 0 });
    expect(first.response.headers.get("anthropic-ratelimit-input-tokens-remaining")).toBe(String(10_000 - 127));

    const second = await client.messages.create({ ...ask("And 9 x 6?", 5), system: system(lesson) }).withResponse();
    expect(second.data.usage).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 120, input_tokens: 6 });
    expect(second.response.headers.get("anthropic-ratelimit-input-tokens-remaining")).toBe(String(10_000 - 127 - 6));

    const counted = await client.messages.countTokens({ model: MODEL, system: system(lesson), messages: ask("And 9 x 6?").messages });
    expect(counted.input_tokens).toBe(126);
    expect(sim.stats().tokens).toMatchObject({ cacheCreation: 120, cacheRead: 120, input: 13 });
  });

  it("does not cache prefixes below the minimum, nor across models or changed prefixes", async () => {
    sim.configure({ cacheMinTokens: 200 });
    const short = await client.messages.create({ ...ask("hi", 5), system: system(lesson) });
    expect(short.usage).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0, input_tokens: 124 });

    sim.configure({ cacheMinTokens: 100 });
    await client.messages.create({ ...ask("hi", 5), system: system(lesson) });
    const otherModel = await client.messages.create({ ...ask("hi", 5), model: "claude-haiku-4-5", system: system(lesson) });
    expect(otherModel.usage.cache_creation_input_tokens).toBe(120);
    const changed = await client.messages.create({ ...ask("hi", 5), system: system(`${lesson}!`) });
    expect(changed.usage).toMatchObject({ cache_creation_input_tokens: 121, cache_read_input_tokens: 0 });
  });
});

describe("faults", () => {
  it("injects 529 and 500 with the real error bodies and rate-limit headers", async () => {
    const overloaded = await rejection(client.messages.create(ask("hi"), { headers: { "x-sim-fault": "529" } }));
    expect(overloaded.status).toBe(529);
    expect(overloaded.error).toEqual({ type: "error", error: { type: "overloaded_error", message: "Overloaded" }, request_id: overloaded.requestID });
    expect(overloaded.headers?.get("anthropic-ratelimit-requests-remaining")).toBe("1000");

    const broken = await rejection(client.messages.create(ask("hi"), { headers: { "x-sim-fault": "500" } }));
    expect(broken).toBeInstanceOf(InternalServerError);
    expect(broken.type).toBe("api_error");

    sim.configure({ faults: { overloaded: 1 } });
    expect((await rejection(client.messages.create(ask("hi")))).status).toBe(529);
    expect(sim.stats().faults).toMatchObject({ overloaded: 2, apiError: 1 });
    expect(sim.stats().requests.byStatus).toEqual({ "500": 1, "529": 2 });
  });

  it("breaks a stream with an error event the SDK raises without a status", async () => {
    sim.configure({ tokensPerSecond: 400 });
    const stream = client.messages.stream(ask("Explain long division step by step.", 1_000), { headers: { "x-sim-fault": "midstream" } });
    let received = "";
    stream.on("text", (d) => (received += d));
    const err = await rejection(stream.finalMessage());
    expect(err.status).toBeUndefined();
    expect(err.type).toBe("overloaded_error");
    expect(received.length).toBeGreaterThan(0);
    expect(sim.stats().faults.midstream).toBe(1);
    expect(sim.stats().tokens.output).toBe(Math.ceil(received.length / 4));
  });

  it("delays the first token of a slow response", async () => {
    const started = Date.now();
    const stream = client.messages.stream(ask("hi"), { headers: { "x-sim-fault": "slow" } });
    const firstText = await new Promise<number>((resolve) => stream.once("text", () => resolve(Date.now() - started)));
    await stream.finalMessage();
    expect(firstText).toBeGreaterThanOrEqual(300);
  });

  it("rejects an unknown x-sim-fault value", async () => {
    expect((await rejection(client.messages.create(ask("hi"), { headers: { "x-sim-fault": "oops" } }))).status).toBe(400);
  });
});

describe("count_tokens, stats and admin", () => {
  it("counts tokens under its own limit", async () => {
    sim.configure({ countTokensRpm: 1, rpm: 1 });
    const { input_tokens } = await client.messages.countTokens({ model: MODEL, messages: ask("Hello there").messages });
    expect(input_tokens).toBe(6);
    expect(await rejection(client.messages.countTokens({ model: MODEL, messages: ask("Hello there").messages }))).toBeInstanceOf(RateLimitError);
    await expect(client.messages.create(ask("Hello there", 5))).resolves.toBeTruthy();
    expect(sim.stats().rateLimited["count-tokens"]).toBe(1);
  });

  it("reports totals, concurrency and aborts, and serves the admin endpoints", async () => {
    sim.configure({ ttftMs: 400, tokensPerSecond: 1_000 }); // long enough for all 50 to overlap
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => client.messages.stream(ask(`Question ${i}`)).finalMessage()));
    const aborted = client.messages.stream(ask("never mind"));
    await new Promise<void>((r) => aborted.once("connect", r));
    aborted.abort();
    await expect(aborted.finalMessage()).rejects.toBeInstanceOf(APIUserAbortError);
    await sleep(100);

    const stats = sim.stats();
    expect(stats.requests).toMatchObject({ total: 51, messages: 51, streaming: 51, clientAborts: 1, byStatus: { "200": 51 } });
    expect(stats.concurrency).toEqual({ current: 0, peak: 50 });
    expect(stats.tokens.output).toBe(results.reduce((sum, m) => sum + m.usage.output_tokens, 0));
    expect(stats.tokens.input).toBe(results.reduce((sum, m) => sum + m.usage.input_tokens, 0) + 6);
    expect(stats.pools.sonnet.utilisation.requests).toBeCloseTo(51 / 1_000, 2);

    const viaHttp = (await (await fetch(`${sim.url}/_sim/stats`)).json()) as typeof stats;
    expect(viaHttp.requests).toEqual(stats.requests);
    const patched = await post("/_sim/config", { rpm: 7 }, {});
    expect(await patched.json()).toMatchObject({ rpm: 7 });
    expect((await post("/_sim/config", { rpmm: 7 }, {})).status).toBe(400);
    await post("/_sim/reset", {}, {});
    expect(sim.stats().requests.total).toBe(0);
  });
});
