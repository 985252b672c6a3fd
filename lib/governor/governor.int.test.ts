// The governor against real Redis and the embedded store. Limits use a short window (windowMs) so
// refill happens in test time: on real Redis RPM=20 is a full bucket of 20 and one more request every
// 50 ms. The embedded store runs Lua in JS (~3–5 ms an EVAL), so its clock is slowed by S = 5.
import type { Redis } from "@upstash/redis";
import { afterAll, describe, expect, it } from "vitest";
import { admit, queueScore, type AdmitOptions, type AdmitResult } from "./admission";
import { correctFromHeaders, pauseUntil, queueMember, reconcile, takeOnce } from "./buckets";
import { resolveGovernor, type GovernorConfig } from "./config";
import { estimateWait, status } from "./status";
import { testBackends, uniquePrefix } from "./test-backends";

const backends = await testBackends();

const HUGE = 1e9;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(backends)("governor on $name", (backend) => {
  afterAll(() => backend.close());
  const redis = backend.connect();
  const S = backend.name === "embedded store" ? 5 : 1;
  /** RPM=20 over a window of S seconds: one request per 50·S ms. */
  function config(over: Partial<GovernorConfig> = {}): GovernorConfig {
    return { prefix: uniquePrefix("gov"), limits: { rpm: 20, itpm: HUGE, otpm: HUGE }, windowMs: 1_000 * S, safetyMargin: 1, ...over };
  }

  const ask = (c: GovernorConfig, over: Partial<AdmitOptions> = {}, client: Redis = redis): Promise<AdmitResult> =>
    admit({ redis: client, config: c, estInputTokens: 100, maxOutputTokens: 50, priority: 1, maxWaitMs: 0, ...over });

  /** Take requests until one is refused: the RPM bucket is then empty. */
  async function drain(c: GovernorConfig) {
    for (let n = 0; n < 1_000; n++) if (!(await ask(c)).admitted) return;
    throw new Error("could not drain");
  }

  it("admits within the limits at once and takes exactly the request's cost", async () => {
    const c = config({ limits: { rpm: 1_000, itpm: 100_000, otpm: 10_000 }, windowMs: 60_000 });
    const start = Date.now();
    const results = await Promise.all(Array.from({ length: 10 }, () => ask(c, { estInputTokens: 1_000, maxOutputTokens: 300 })));
    expect(results.every((r) => r.admitted)).toBe(true);
    const s = await status({ redis, config: c });
    const refilled = ((Date.now() - start) * 100_000) / 60_000;
    expect(s.queueDepth).toBe(0);
    expect(s.buckets.inputTokens.level).toBeGreaterThanOrEqual(90_000);
    expect(s.buckets.inputTokens.level).toBeLessThanOrEqual(90_000 + refilled);
    expect(s.buckets.outputTokens.level).toBeGreaterThanOrEqual(7_000);
    expect(s.buckets.outputTokens).toMatchObject({ capacity: 10_000, limit: 10_000 });
  });

  it("makes over-RPM requests wait, then admits them at the refill rate", async () => {
    const c = config();
    await drain(c);
    const start = Date.now();
    for (let i = 0; i < 5; i++) expect((await ask(c, { maxWaitMs: 2_000 * S })).admitted).toBe(true);
    // 5 refills of 50·S ms each. Time spent draining (slow on a busy machine) may have refilled up
    // to one and a bit in advance, so at least 3 whole refills must pass: unpaced, this takes ~0 ms.
    expect(Date.now() - start).toBeGreaterThanOrEqual(3 * 50 * S);
  });

  it("a burst of 100 against RPM=20 admits the bucket at once, then only the refill, and times the rest out", async () => {
    const c = config();
    const start = Date.now();
    let queued = 0;
    const results = await Promise.all(Array.from({ length: 100 }, () => ask(c, { maxWaitMs: 300 * S, onQueued: () => queued++ })));
    const elapsed = Date.now() - start;
    const admitted = results.filter((r) => r.admitted);
    expect(100 - queued).toBeGreaterThanOrEqual(20); // admitted on their first attempt: the full bucket (+ refill meanwhile)
    expect(admitted.length).toBeGreaterThanOrEqual(20);
    expect(admitted.length).toBeLessThanOrEqual(20 + Math.ceil(elapsed / (50 * S)));
    const rejected = results.filter((r) => !r.admitted);
    expect(rejected.every((r) => r.reason === "queue_timeout" && r.waitedMs >= 300 * S)).toBe(true);
    expect((await status({ redis, config: c })).queueDepth).toBe(0);
  });

  it("serves higher priority first, then first come first served", async () => {
    const c = config({ limits: { rpm: 5, itpm: HUGE, otpm: HUGE } }); // one request per 200·S ms
    await drain(c);
    const order: string[] = [];
    const go = (name: string, priority: number) => ask(c, { priority, maxWaitMs: 3_000 * S }).then((r) => r.admitted && order.push(name));
    const waits = [go("low-1", 0)];
    for (const [name, priority] of [["low-2", 0], ["high-1", 5], ["high-2", 5]] as const) {
      await sleep(10 * S);
      waits.push(go(name, priority));
    }
    await Promise.all(waits);
    expect(order).toEqual(["high-1", "high-2", "low-1", "low-2"]);
  });

  it("refuses at once with queue_full when the queue is at its bound", async () => {
    const c = config({ limits: { rpm: 2, itpm: HUGE, otpm: HUGE }, queue: { maxLength: 3 } });
    await drain(c);
    const waiting = Array.from({ length: 3 }, () => ask(c, { maxWaitMs: 100 * S }));
    await sleep(20 * S);
    const full = await ask(c, { maxWaitMs: 1_000 * S });
    expect(full).toMatchObject({ admitted: false, reason: "queue_full" });
    expect(full.waitedMs).toBeLessThan(100 * S);
    expect((await Promise.all(waiting)).map((r) => r.admitted)).toEqual([false, false, false]);
  });

  it("pauses everyone after a 429 with retry-after, and gives up at once if the pause outlasts maxWaitMs", async () => {
    const c = config();
    const retryAfter = 0.3 * S;
    const correction = await correctFromHeaders({ redis, config: c, headers: { "retry-after": String(retryAfter) }, status: 429 });
    expect(correction.pausedUntil).toBeGreaterThan(Date.now());
    expect((await status({ redis, config: c })).pausedUntil).toBe(correction.pausedUntil);
    const quick = await ask(c, { maxWaitMs: 100 * S });
    expect(quick).toMatchObject({ admitted: false, reason: "paused" });
    expect(quick.waitedMs).toBeLessThan(100 * S);
    // a shorter pause never shortens the one in force
    expect(await pauseUntil({ redis, config: c, untilMs: Date.now() + 10 })).toBe(correction.pausedUntil);
    const patient = await ask(c, { maxWaitMs: 2_000 * S });
    expect(patient.admitted).toBe(true);
    expect(patient.waitedMs).toBeGreaterThanOrEqual(150 * S);
    // retry-after without a 429 does not pause
    expect((await correctFromHeaders({ redis, config: config(), headers: { "retry-after": "5" }, status: 529 })).pausedUntil).toBeNull();
  });

  it("lowers bucket levels to what Anthropic's headers say, and never raises them", async () => {
    const c = config({ limits: { rpm: 50, itpm: 30_000, otpm: 8_000 }, windowMs: 60_000, safetyMargin: 0.95 });
    const headers = {
      "anthropic-ratelimit-requests-limit": "50",
      "anthropic-ratelimit-requests-remaining": "10",
      "anthropic-ratelimit-input-tokens-limit": "30000",
      "anthropic-ratelimit-input-tokens-remaining": "12000",
    };
    const { levels } = await correctFromHeaders({ redis, config: c, headers, status: 200 });
    // requests: 10 − (50 − 47.5) margin; input: "12000" read as 11 500, − 1 500 margin; output: no header, full
    expect(levels).toEqual([7, 10_000, 7_600]);
    const s = await status({ redis, config: c });
    expect(s.buckets.inputTokens.level).toBeGreaterThanOrEqual(10_000);
    expect(s.buckets.inputTokens.level).toBeLessThan(10_100);
    // A later, rosier header does not raise us back up.
    await correctFromHeaders({ redis, config: c, headers: { ...headers, "anthropic-ratelimit-input-tokens-remaining": "30000" } });
    expect((await status({ redis, config: c })).buckets.inputTokens.level).toBeLessThan(10_100);
    // A full bucket "8000" may really be 7 500: rounding is read conservatively.
    const full = await correctFromHeaders({ redis, config: c, headers: { "anthropic-ratelimit-output-tokens-remaining": "8000" } });
    expect(full.levels?.[2]).toBe(7_100);
  });

  it("reconcile refunds an over-estimate and charges an under-estimate", async () => {
    const c = config({ limits: { rpm: 1_000, itpm: 60_000, otpm: 60_000 }, windowMs: 600_000 }); // 0.1 token/ms
    const r = await ask(c, { estInputTokens: 5_000, maxOutputTokens: 2_000 });
    if (!r.admitted) throw new Error("not admitted");
    expect(r.ticket).toMatchObject({ estInputTokens: 5_000, reservedOutputTokens: 2_000 });
    const usage = { inputTokens: 1_000, cacheWriteTokens: 500, cacheReadTokens: 9_000, outputTokens: 300 };
    await reconcile({ redis, config: c, ticket: r.ticket, usage });
    let s = await status({ redis, config: c });
    expect(s.buckets.inputTokens.level).toBeCloseTo(60_000 - 1_500, -2); // cache reads are free
    expect(s.buckets.outputTokens.level).toBeCloseTo(60_000 - 300, -2);
    await reconcile({ redis, config: c, ticket: r.ticket, usage: { ...usage, inputTokens: 20_000, cacheWriteTokens: 0 } });
    s = await status({ redis, config: c });
    expect(s.buckets.inputTokens.level).toBeCloseTo(60_000 - 1_500 - 15_000, -2);
  });

  it("per-school shares keep one school's flood from starving another", async () => {
    const c = config({ schoolShares: { a: 0.5, b: 0.5 } }); // each school: 10 at once, then one per 100·S ms
    const start = Date.now();
    const flood = Array.from({ length: 40 }, () => ask(c, { schoolId: "a", maxWaitMs: 1_000 * S }));
    await sleep(30 * S);
    expect((await status({ redis, config: c })).queueDepth).toBeGreaterThan(10); // a's tickets are queued ahead
    const b: AdmitResult[] = [];
    for (let i = 0; i < 5; i++) b.push(await ask(c, { schoolId: "b", maxWaitMs: 1_000 * S }));
    expect(b.map((r) => r.admitted)).toEqual([true, true, true, true, true]);
    // b got through while a's flood was still queued, not after it cleared
    expect((await status({ redis, config: c })).queueDepth).toBeGreaterThan(0);
    const aAdmitted = (await Promise.all(flood)).filter((r) => r.admitted).length;
    expect(aAdmitted).toBeGreaterThanOrEqual(10);
    expect(aAdmitted).toBeLessThanOrEqual(10 + Math.ceil((Date.now() - start) / (100 * S)));
  });

  it("two instances share buckets, queue and pause", async () => {
    const c = config({ limits: { rpm: 2, itpm: HUGE, otpm: HUGE } }); // one request per 500·S ms
    const other = backend.connect();
    await drain(c);
    const waiting = ask(c, { maxWaitMs: 2_000 * S }, other);
    await sleep(20 * S);
    expect((await status({ redis, config: c })).queueDepth).toBe(1);
    expect(await waiting).toMatchObject({ admitted: true });
    await correctFromHeaders({ redis: other, config: c, headers: { "retry-after": "5" }, status: 429 });
    expect(await ask(c, { maxWaitMs: 100 })).toMatchObject({ admitted: false, reason: "paused" });
  });

  it("drops the ticket of an instance that stopped polling", async () => {
    const c = config({ queue: { pollMaxMs: 10 * S, ticketTtlMs: 100 * S } });
    await drain(c);
    // A crashed instance: it queued a high-priority ticket once and never polled again.
    const ghost = queueMember({ id: "ghost", estInputTokens: 1, reservedOutputTokens: 1 }, 1);
    const now = Date.now();
    expect((await takeOnce(redis, resolveGovernor(c), ghost, queueScore(5, now), now)).code).toBe("wait");
    const r = await ask(c, { priority: 0, maxWaitMs: 1_000 * S });
    expect(r.admitted).toBe(true);
    expect(r.waitedMs).toBeGreaterThanOrEqual(80 * S); // held behind the ghost until its ticket expired
    expect((await status({ redis, config: c })).queueDepth).toBe(0);
  });

  it("an aborted wait leaves the queue and rejects with the abort reason", async () => {
    const c = config({ limits: { rpm: 2, itpm: HUGE, otpm: HUGE } });
    await drain(c);
    const ac = new AbortController();
    const waiting = ask(c, { maxWaitMs: 5_000 * S, signal: ac.signal });
    await sleep(20 * S);
    ac.abort(new Error("student left"));
    await expect(waiting).rejects.toThrow("student left");
    expect((await status({ redis, config: c })).queueDepth).toBe(0);
  });

  it("estimates the wait from the queue and the pause", async () => {
    const c = config({ limits: { rpm: 10, itpm: HUGE, otpm: HUGE } }); // 100·S ms per request
    expect((await estimateWait({ redis, config: c, estInputTokens: 10, maxOutputTokens: 10 })).waitMs).toBe(0);
    await drain(c);
    const queued: number[] = [];
    const waiting = Array.from({ length: 3 }, () => ask(c, { maxWaitMs: 150 * S, onQueued: (ms) => queued.push(ms) }));
    await sleep(10 * S);
    const est = await estimateWait({ redis, config: c, estInputTokens: 10, maxOutputTokens: 10 });
    expect(est.queueDepth).toBe(3);
    expect(est.waitMs).toBeGreaterThan(250 * S); // 3 ahead + this one at 100·S ms each, minus refill so far
    expect(est.waitMs).toBeLessThanOrEqual(400 * S);
    await Promise.all(waiting);
    expect(queued).toHaveLength(3);
  });

  it("measures the fast-path overhead (printed, not asserted)", async () => {
    const c = config({ limits: { rpm: 1e6, itpm: HUGE, otpm: HUGE }, windowMs: 60_000 });
    await ask(c); // load the script
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await ask(c);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.floor(p * (times.length - 1))].toFixed(2);
    console.log(`[governor] admit() fast path on ${backend.name}: p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms`);
  });
});
