// The hot path end to end against the Anthropic simulator, on real PostgreSQL + Redis and on the
// embedded defaults: every message answered, budgets bounded, the ladder degrading with reasons,
// and the ledger complete even across a database outage.
import { afterEach, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/lib/db/test-db";
import { createHarness, type Harness, type HarnessOptions } from "./test-harness";

const kinds = await testDatabaseKinds();
const setups: { name: string; database: HarnessOptions["database"]; store: HarnessOptions["store"] }[] = kinds.map((k) =>
  k === "real" ? { name: "real PostgreSQL + Redis", database: "real", store: "real" } : { name: "embedded PGlite + store", database: "embedded", store: "embedded" },
);

describe.each(setups)("tutor turn on $name", ({ database, store }) => {
  let h: Harness | null = null;
  const harness = async (o: Partial<HarnessOptions> = {}) => (h = await createHarness({ database, store, ...o }));
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it("streams a full answer, charges the real usage and writes the turn to the ledger", async () => {
    const t = await harness();
    const r = await t.turn(0, "How do I find the area of a triangle?");
    expect(r.error).toBeNull();
    expect(r.events[0]!.event).toBe("meta");
    expect(r.meta.mode).toBe("full");
    expect(r.text.length).toBeGreaterThan(20);
    expect(r.done?.usage.outputTokens).toBeGreaterThan(0);
    // The reservation was reconciled to the real usage, so the meter shows what was really spent.
    const spent = r.done!.budget.limit - r.done!.budget.remaining;
    expect(spent).toBe(r.done!.usage.inputTokens + r.done!.usage.cacheWriteTokens + r.done!.usage.outputTokens);
    await t.ledger.settle();
    const event = await t.db.usageEvent.findFirstOrThrow({ where: { studentId: t.students[0]!.id } });
    expect(event).toMatchObject({ mode: "full", reason: "normal", outputTokens: r.done!.usage.outputTokens, upstreamStatus: 200 });
    expect(Number(event.costUsd)).toBeGreaterThan(0);
    const messages = await t.db.message.findMany({ where: { conversationId: r.meta.conversationId }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => m.role)).toEqual(["USER", "ASSISTANT"]);
    expect(messages[1]!.content).toBe(r.text);

    // A follow-up continues the same conversation with its history.
    const follow = await t.turn(0, "And for a rectangle?", r.meta.conversationId);
    expect(follow.meta.conversationId).toBe(r.meta.conversationId);
    expect(follow.done?.usage.inputTokens).toBeGreaterThan(0);
  });

  it("moves a student to concise near the budget and to the offline tutor when it's used up, with the refill time", async () => {
    const t = await harness({ policy: { tokensPerWindow: 4_000, nearBudgetRatio: 0.6 } });
    const modes: string[] = [];
    let last = null as Awaited<ReturnType<Harness["turn"]>> | null;
    for (let i = 0; i < 12; i++) {
      last = await t.turn(1, `Question ${i}: can you explain fractions with a long worked example please?`);
      expect(last.error).toBeNull();
      expect(last.text.length).toBeGreaterThan(0);
      modes.push(`${last.done!.mode}:${last.done!.reason}`);
      if (last.done!.reason === "budget_exhausted") break;
    }
    expect(modes).toContain("concise:budget_low");
    expect(last!.done).toMatchObject({ mode: "fallback", reason: "budget_exhausted" });
    expect(last!.done!.budget.resetAt).toBeGreaterThan(Date.now());
    // Never more than one request's estimate over the budget.
    const used = last!.done!.budget.limit - last!.done!.budget.remaining;
    expect(used).toBeLessThanOrEqual(4_000 + 2_500);
  });

  it("answers every student through a 429 storm from a key the governor over-estimates", async () => {
    // The governor believes in 600 RPM; the key really allows 6: upstream 429s must become backoff, pauses and fallbacks.
    const t = await harness({ students: 12, sim: { rpm: 6 }, governor: { rpm: 600 }, maxWaitMs: 500, deadlineMs: 4_000 });
    const results = await Promise.all(t.students.map((_, i) => t.turn(i, "What is photosynthesis?")));
    for (const r of results) {
      expect(r.error).toBeNull();
      expect(r.done).not.toBeNull();
      expect(r.text.length).toBeGreaterThan(0);
    }
    const stats = t.sim.stats();
    expect(stats.rateLimited.requests).toBeGreaterThan(0);
    expect(results.some((r) => r.done!.mode === "fallback")).toBe(true);
    for (const r of results.filter((x) => x.done!.mode === "fallback")) {
      expect(["upstream_rate_limited", "queue_timeout", "peak_load", "upstream_overloaded", "upstream_error"]).toContain(r.done!.reason);
    }
    await t.ledger.settle();
    expect(await t.db.usageEvent.count()).toBe(12);
  });

  it("turns answers concise when the key's output tokens run low", async () => {
    // Slow answers hold their output reservations: four full answers take 3,200 of the 3,800 OTPM we allow ourselves.
    const t = await harness({ students: 6, sim: { otpm: 100_000, tokensPerSecond: 30, answerTokens: 60 }, governor: { otpm: 4_000 }, maxWaitMs: 300 });
    const first = Promise.all(t.students.slice(0, 4).map((_, i) => t.turn(i, "Explain the water cycle.")));
    await new Promise((r) => setTimeout(r, 1_200));
    // Output headroom is low: the shared load level rises to BUSY and the next answer is concise.
    const later = await t.turn(5, "Explain gravity.");
    expect(later.done).toMatchObject({ mode: "concise", reason: "busy" });
    expect((await first).every((r) => r.error === null && r.done!.mode === "full")).toBe(true);
  });

  it("keeps text streamed before a mid-stream error and closes the turn in words", async () => {
    const t = await harness({ sim: { faults: { midstream: 1 } } });
    const r = await t.turn(2, "Explain how volcanoes form.");
    expect(r.error).toBeNull();
    expect(r.text).toMatch(/connection to the AI tutor dropped/i);
    expect(r.done).not.toBeNull();
    expect(r.done!.usage.outputTokens).toBeGreaterThan(0);
  });

  it("falls back to the offline tutor when the provider is overloaded", async () => {
    const t = await harness({ sim: { faults: { overloaded: 1 } }, deadlineMs: 2_500 });
    const r = await t.turn(3, "Solve 3x + 5 = 20");
    expect(r.error).toBeNull();
    expect(r.done).toMatchObject({ mode: "fallback", reason: "upstream_overloaded" });
    expect(r.text).toMatch(/x/);
    expect(r.done!.budget.remaining).toBe(r.done!.budget.limit);
  });

  it("loses no usage event when the database goes down mid-run", async () => {
    const t = await harness({ students: 4 });
    await t.turn(0, "What is a noun?");
    await t.ledger.settle();
    await t.stopDatabase();
    const during = await Promise.all([1, 2, 3].map((i) => t.turn(i, "What is a verb?")));
    expect(during.every((r) => r.error === null && r.text.length > 0)).toBe(true);
    await t.ledger.settle();
    expect(await t.ledger.pendingCount()).toBe(3);
    await t.startDatabase();
    await t.ledger.drain();
    expect(await t.ledger.pendingCount()).toBe(0);
    expect(await t.db.usageEvent.count()).toBe(4);
    expect(await t.db.message.count()).toBe(8);
  });
});
