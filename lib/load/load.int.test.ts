// Shared outcome signals, circuit breaker and load level, on real Redis and the embedded store.
import { afterAll, describe, expect, it } from "vitest";
import { admit } from "@/lib/governor/admission";
import type { GovernorConfig } from "@/lib/governor/config";
import { testBackends, uniquePrefix } from "@/lib/governor/test-backends";
import type { LoadConfig } from "./config";
import { checkUpstream, readSignals, recordOutcome, type OutcomeKind } from "./signals";
import { currentLoad, turnLoad } from "./state";

const backends = await testBackends();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(backends)("load on $name", (backend) => {
  afterAll(() => backend.close());
  const redis = backend.connect();
  const other = backend.connect();

  describe("outcome signals and circuit breaker", () => {
    const config = (over: Partial<LoadConfig> = {}): LoadConfig => ({ prefix: uniquePrefix("load"), ...over });
    const record = (c: LoadConfig, kind: OutcomeKind, n = 1, client = redis, now?: number) =>
      Promise.all(Array.from({ length: n }, () => recordOutcome({ redis: client, config: c, kind, now })));

    it("counts outcomes from every instance in a sliding window", async () => {
      const c = config();
      await record(c, "ok", 6);
      await record(c, "ok", 2, other);
      await record(c, "overloaded", 1);
      await record(c, "rate_limited", 1, other);
      await record(c, "overloaded", 5, redis, Date.now() - 90_000); // outside the 60 s window
      const s = await readSignals({ redis: other, config: c });
      expect(s.total).toBe(10);
      expect(s.counts).toMatchObject({ ok: 8, overloaded: 1, rate_limited: 1, timeout: 0 });
      expect(s.errorRate).toBeCloseTo(0.2);
    });

    it("damps the error rate of a handful of calls with minSamples", async () => {
      const c = config({ minSamples: 10 });
      await record(c, "timeout");
      expect((await readSignals({ redis, config: c })).errorRate).toBeCloseTo(0.1);
    });

    it("opens the circuit after N consecutive provider failures close together, not on 429s or spread-out failures", async () => {
      const c = config({ breaker: { failures: 3, withinMs: 1_000, coolDownMs: 60_000 } });
      const t = Date.now();
      await record(c, "rate_limited", 5);
      expect((await readSignals({ redis, config: c })).breaker.state).toBe("closed");
      await record(c, "server_error", 1, redis, t);
      await record(c, "network", 1, redis, t + 2_000); // too long after the last one: counting restarts
      await record(c, "timeout", 1, redis, t + 2_500);
      expect((await readSignals({ redis, config: c })).breaker).toMatchObject({ state: "closed", consecutiveFailures: 2 });
      expect(await recordOutcome({ redis, config: c, kind: "overloaded", now: t + 3_000 })).toBe("open");
      const s = await readSignals({ redis: other, config: c });
      expect(s.breaker).toMatchObject({ state: "open", openedAt: t + 3_000, consecutiveFailures: 3 });
      expect(await checkUpstream({ redis: other, config: c })).toEqual({ state: "open", allowRequest: false });
    });

    it("lets exactly one probe through when half-open; its success closes the circuit, its failure re-opens it", async () => {
      const c = config({ breaker: { failures: 2, coolDownMs: 150 } });
      await record(c, "overloaded", 2);
      await sleep(200);
      const probes = await Promise.all([redis, other, redis, other].map((client) => checkUpstream({ redis: client, config: c })));
      expect(probes.every((p) => p.state === "half_open")).toBe(true);
      expect(probes.filter((p) => p.allowRequest)).toHaveLength(1);
      expect(await recordOutcome({ redis, config: c, kind: "midstream" })).toBe("open"); // the probe failed
      await sleep(200);
      expect((await checkUpstream({ redis: other, config: c })).allowRequest).toBe(true);
      expect(await recordOutcome({ redis: other, config: c, kind: "ok" })).toBe("closed");
      expect(await checkUpstream({ redis, config: c })).toEqual({ state: "closed", allowRequest: true });
    });
  });

  describe("shared load level", () => {
    function setup(recomputeEveryMs: number) {
      const governor: GovernorConfig = { prefix: uniquePrefix("gov"), limits: { rpm: 2, itpm: 1e9, otpm: 1e9 }, safetyMargin: 1 };
      const load: LoadConfig = { prefix: uniquePrefix("load"), recomputeEveryMs, breaker: { failures: 2 } };
      const ask = (maxWaitMs: number) => admit({ redis, config: governor, estInputTokens: 10, maxOutputTokens: 10, priority: 1, maxWaitMs });
      return { governor, load, ask };
    }

    it("starts NORMAL, rises with the queue, and every instance sees the same level", async () => {
      const { governor, load, ask } = setup(0);
      expect(await currentLoad({ redis, config: load, governor })).toMatchObject({ level: "NORMAL" });
      await ask(0);
      await ask(0); // the RPM bucket (2) is empty now; the next ones queue
      const waiting = Array.from({ length: 4 }, () => ask(400));
      await sleep(50);
      const mine = await currentLoad({ redis, config: load, governor });
      expect(mine.level).toBe("BUSY"); // queue 4 ≥ 3 and headroom 0, short of PEAK's queue of 10
      expect(mine.why).toMatch(/^Up to BUSY: /);
      const theirs = await currentLoad({ redis: other, config: load, governor, now: mine.at });
      expect(theirs).toMatchObject({ level: "BUSY", since: mine.since });
      await Promise.all(waiting);
    });

    it("goes OVERLOADED when the circuit opens, and lets one turn probe when it is half-open", async () => {
      const { governor } = setup(0);
      const load: LoadConfig = { prefix: uniquePrefix("load"), recomputeEveryMs: 0, breaker: { failures: 2, coolDownMs: 150 } };
      expect(await turnLoad({ redis, config: load, governor })).toMatchObject({ level: "NORMAL", providerDown: false, probe: false });
      await Promise.all([1, 2].map(() => recordOutcome({ redis, config: load, kind: "overloaded" })));
      expect(await currentLoad({ redis: other, config: load, governor })).toMatchObject({ level: "OVERLOADED", why: expect.stringMatching(/circuit/) });
      expect(await turnLoad({ redis, config: load, governor })).toMatchObject({ level: "OVERLOADED", providerDown: true, probe: false });
      await sleep(200);
      const turns = await Promise.all([redis, other, redis].map((client) => turnLoad({ redis: client, config: load, governor })));
      expect(turns.filter((t) => t.probe)).toEqual([{ level: "BUSY", providerDown: false, probe: true, why: expect.any(String) }]);
      expect(turns.filter((t) => !t.probe).every((t) => t.providerDown && t.level === "OVERLOADED")).toBe(true);
    });

    it("is recomputed at most every recomputeEveryMs, and the hysteresis state is shared", async () => {
      const { governor, load } = setup(60_000);
      const t = Date.now();
      const first = await currentLoad({ redis, config: load, governor, now: t });
      await Promise.all([1, 2].map(() => recordOutcome({ redis, config: load, kind: "overloaded" })));
      expect(await currentLoad({ redis: other, config: load, governor, now: t + 1_000 })).toEqual(first); // cached
      const later = await currentLoad({ redis: other, config: load, governor, now: t + 60_000 });
      expect(later.level).toBe("OVERLOADED");
      // Concurrent recomputes from two instances settle on one stored answer.
      await recordOutcome({ redis, config: load, kind: "ok" }); // circuit closed, signals calm
      const [a, b] = await Promise.all([
        currentLoad({ redis, config: load, governor, now: t + 120_000 }),
        currentLoad({ redis: other, config: load, governor, now: t + 120_000 }),
      ]);
      expect(a).toEqual(b);
      expect(a).toMatchObject({ level: "OVERLOADED", calmSince: t + 120_000 });
      const next = await currentLoad({ redis, config: load, governor, now: t + 180_000 });
      expect(next).toMatchObject({ level: "PEAK", since: t + 180_000 });
    });
  });
});
