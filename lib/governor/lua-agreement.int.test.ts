// The Lua bucket arithmetic and bucket-math.ts must agree (status() and estimateWait() read state with
// the TS copy). Random states, costs and clocks, on real Redis and the embedded store.
import { afterAll, describe, expect, it } from "vitest";
import { queueScore } from "./admission";
import { refill, waitMs, type StoredBuckets } from "./bucket-math";
import { queueMember, reconcile, takeOnce } from "./buckets";
import { resolveGovernor, type GovernorConfig, type Triple } from "./config";
import { testBackends, uniquePrefix } from "./test-backends";

const backends = await testBackends();

/** Deterministic so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe.each(backends)("Lua and bucket-math agree on $name", (backend) => {
  afterAll(() => backend.close());
  const redis = backend.connect();
  const rand = rng(42);
  const T0 = 1_800_000_000_000;

  function scenario() {
    const config: GovernorConfig = {
      prefix: uniquePrefix("agree"),
      limits: { rpm: 10 + Math.floor(rand() * 1_000), itpm: 1_000 + Math.floor(rand() * 100_000), otpm: 500 + Math.floor(rand() * 20_000) },
      safetyMargin: 0.5 + rand() * 0.5,
    };
    const r = resolveGovernor(config);
    const level = (k: 0 | 1 | 2) => (rand() * 1.4 - 0.2) * r.capacities[k]; // includes debt
    const stored: StoredBuckets = { levels: [level(0), level(1), level(2)], t: T0 };
    const now = T0 + Math.floor(rand() * 30_000) - 2_000; // includes a clock behind the stored stamp
    const cost: Triple = [1, Math.floor(rand() * r.capacities[1] * 0.5), Math.floor(rand() * r.capacities[2] * 0.5)];
    return { config, r, stored, now, cost };
  }

  async function store(key: string, s: StoredBuckets) {
    await redis.hset(key, { r: s.levels[0], i: s.levels[1], o: s.levels[2], t: s.t });
  }

  async function load(key: string): Promise<Triple> {
    const h = await redis.hmget<Record<string, number | string>>(key, "r", "i", "o");
    return [Number(h?.r), Number(h?.i), Number(h?.o)];
  }

  it("take: same wait, and the same levels after an admission", async () => {
    let admitted = 0;
    for (let n = 0; n < 40; n++) {
      const { r, stored, now, cost } = scenario();
      await store(r.keys.bucket, stored);
      const member = queueMember({ id: `t${n}`, estInputTokens: cost[1], reservedOutputTokens: cost[2] }, 1);
      const reply = await takeOnce(redis, r, member, queueScore(1, now), now);
      const levels = refill(stored, now, r.capacities, r.rates);
      const expected = Math.ceil(waitMs(levels, cost, r.capacities, r.rates));
      expect(reply.waitMs).toBe(expected);
      expect(reply.code).toBe(expected === 0 ? "admitted" : "wait");
      if (reply.code === "admitted") {
        admitted++;
        const after = await load(r.keys.bucket);
        for (const k of [0, 1, 2] as const) expect(after[k]).toBeCloseTo(levels[k] - cost[k], 6);
      }
    }
    expect(admitted).toBeGreaterThan(5);
    expect(admitted).toBeLessThan(35);
  });

  it("reconcile: refill, then add the difference, capped at capacity", async () => {
    for (let n = 0; n < 20; n++) {
      const { config, r, stored, now, cost } = scenario();
      await store(r.keys.bucket, stored);
      const usage = { inputTokens: Math.floor(rand() * 2 * cost[1]), cacheWriteTokens: 0, cacheReadTokens: 0, outputTokens: Math.floor(rand() * 2 * cost[2]) };
      const ticket = { id: `r${n}`, estInputTokens: cost[1], reservedOutputTokens: cost[2] };
      await reconcile({ redis, config, ticket, usage, now });
      const levels = refill(stored, now, r.capacities, r.rates);
      const after = await load(r.keys.bucket);
      expect(after[0]).toBeCloseTo(levels[0], 6);
      expect(after[1]).toBeCloseTo(Math.min(r.capacities[1], levels[1] + cost[1] - usage.inputTokens), 6);
      expect(after[2]).toBeCloseTo(Math.min(r.capacities[2], levels[2] + cost[2] - usage.outputTokens), 6);
    }
  });
});
