// The pipeline's branches with in-memory ports: what the student sees and what the budget is charged.
import { describe, expect, it } from "vitest";
import type { TurnRecord } from "@/lib/ledger/write-turn";
import type { EffectivePolicy, ModelEvent, ModelPort, TurnDeps, UpstreamOutcome } from "./ports";
import type { TurnEvent } from "./sse";
import { runTurn, type TurnInput } from "./turn";
import type { BudgetSnapshot } from "./types";

const policy: EffectivePolicy = { tokensPerWindow: 5_000, windowSeconds: 900, messagesPerWindow: 10, messageWindowSeconds: 300, nearBudgetRatio: 0.8, dailyTokenCap: null };
const usage = { inputTokens: 200, outputTokens: 100, cacheReadTokens: 900, cacheWriteTokens: 0 };

function fakes(o: { model?: ModelEvent[] | null; admitted?: boolean; used?: number; level?: "NORMAL" | "BUSY" | "PEAK" | "OVERLOADED" } = {}) {
  let used = o.used ?? 0;
  const snap = (): BudgetSnapshot => ({ limit: policy.tokensPerWindow, remaining: policy.tokensPerWindow - used, resetAt: 1_000_000 });
  const records: TurnRecord[] = [];
  const observed: UpstreamOutcome[] = [];
  const admits: Parameters<TurnDeps["governor"]["admit"]>[0][] = [];
  const model: ModelPort | null =
    o.model === null
      ? null
      : {
          plan: ({ mode }) => ({ model: mode === "full" ? "claude-sonnet-5" : "claude-haiku-4-5", mode, maxTokens: mode === "full" ? 800 : 300, estInputTokens: 1_000, request: null }),
          async *stream(_plan, { onAttempt }) {
            for (const e of o.model ?? [{ type: "delta", text: "Let's think: " }, { type: "done", usage, status: 200, headers: {} }]) {
              if (e.type === "done") onAttempt({ status: 200, kind: "ok", usage: e.usage, headers: {} });
              yield e;
            }
          },
          costUsd: () => 0.001,
        };
  let n = 0;
  const deps: TurnDeps = {
    now: () => 500_000,
    newId: () => `id-${++n}`,
    deadlineMs: 10_000,
    loadConversation: async () => ({ id: "c1", isNew: true, history: [] }),
    loadPolicy: async () => policy,
    budget: {
      peek: async () => snap(),
      reserve: async (_s, _p, tokens) => {
        if (tokens > policy.tokensPerWindow - used) return { ok: false, snapshot: snap(), reservedAt: 1 };
        used += tokens;
        return { ok: true, snapshot: snap(), reservedAt: 1 };
      },
      reconcile: async (_s, _p, r) => {
        used += r.actual - r.reserved;
        return snap();
      },
    },
    governor: {
      load: async () => ({ level: o.level ?? "NORMAL", providerDown: false }),
      admit: async (req) => {
        admits.push(req);
        // Like the real governor: a no-wait admission is never told it is queued.
        if (req.maxWaitMs !== 0) req.onQueued(1500);
        return o.admitted === false ? { admitted: false, waitedMs: 4_000, reason: "queue_timeout" } : { admitted: true, ticket: {}, waitedMs: 0 };
      },
      observe: (x) => void observed.push(x),
      settle: async () => undefined,
    },
    model,
    offline: (input) => ({ text: `practice: ${input.reason}`, flag: null, chunks: (async function* () { yield `practice: ${input.reason}`; })() }),
    record: async (t) => void records.push(t),
  };
  const input: TurnInput = {
    student: { id: "s1", name: "S", gradeLevel: 7, schoolId: "sch", classId: "cls" },
    message: "What is a ratio?",
    subject: null,
    conversation: { id: "c1", isNew: true, history: [] },
    policy,
    classTime: false,
    helpResources: "Talk to a teacher.",
  };
  return { deps, input, records, observed, admits, used: () => used };
}

async function collect(deps: TurnDeps, input: TurnInput) {
  const events: TurnEvent[] = [];
  for await (const e of runTurn(deps, input)) events.push(e);
  const done = events.find((e) => e.event === "done");
  return { events, names: events.map((e) => e.event), done: done?.event === "done" ? done.data : null };
}

describe("runTurn", () => {
  it("streams a full answer and charges the student only what was really used", async () => {
    const f = fakes();
    const r = await collect(f.deps, f.input);
    expect(r.names[0]).toBe("meta");
    expect(r.names.at(-1)).toBe("done");
    expect(r.done).toMatchObject({ mode: "full", reason: "normal" });
    expect(f.used()).toBe(300);
    expect(f.records).toHaveLength(1);
    expect(f.records[0]).toMatchObject({ mode: "full", model: "claude-sonnet-5", upstreamStatus: 200, costUsd: 0.001 });
  });

  it("refunds the reservation and answers from the offline tutor when admission times out", async () => {
    const f = fakes({ admitted: false });
    const r = await collect(f.deps, f.input);
    expect(r.names).toEqual(["meta", "queued", "meta", "delta", "done"]);
    expect(r.done).toMatchObject({ mode: "fallback", reason: "queue_timeout" });
    expect(f.used()).toBe(0);
  });

  it("falls back with the upstream reason when the model fails before any text, and refunds", async () => {
    const failed: ModelEvent = { type: "failed", outcome: { status: 529, kind: "overloaded", usage: null, headers: {} } };
    const f = fakes({ model: [failed] });
    const r = await collect(f.deps, f.input);
    expect(r.done).toMatchObject({ mode: "fallback", reason: "upstream_overloaded" });
    expect(r.events.filter((e) => e.event === "delta").map((e) => (e.event === "delta" ? e.data.text : ""))).toEqual(["practice: upstream_overloaded"]);
    expect(f.used()).toBe(0);
  });

  it("keeps streamed text after a mid-stream failure, closes in words and charges an estimate", async () => {
    const f = fakes({ model: [{ type: "delta", text: "First, look at the two quantities" }, { type: "failed", outcome: { status: 200, kind: "midstream", usage: null, headers: {} } }] });
    const r = await collect(f.deps, f.input);
    expect(r.done).toMatchObject({ mode: "full" });
    expect(f.records[0]!.assistantMessage.content).toMatch(/^First, look at the two quantities[\s\S]*dropped here/);
    expect(f.used()).toBeGreaterThan(1_000);
  });

  it("goes straight to the offline tutor with no model configured, charging nothing", async () => {
    const f = fakes({ model: null });
    const r = await collect(f.deps, f.input);
    expect(r.names).toEqual(["meta", "delta", "done"]);
    expect(r.done).toMatchObject({ mode: "fallback", reason: "offline" });
    expect(f.records[0]).toMatchObject({ model: "offline-tutor", costUsd: 0 });
  });

  it("uses the concise model near the budget and the offline tutor, with the refill time, when it's used up", async () => {
    const low = fakes({ used: 3_500 });
    expect((await collect(low.deps, low.input)).done).toMatchObject({ mode: "concise", reason: "budget_low" });
    const out = fakes({ used: 4_000 });
    const r = await collect(out.deps, out.input);
    expect(r.done).toMatchObject({ mode: "fallback", reason: "budget_exhausted" });
    expect(r.done!.budget.resetAt).toBe(1_000_000);
  });

  it("follows the load level: concise when BUSY, practice mode for homework at PEAK when no slot is free right now", async () => {
    expect((await collect(fakes({ level: "BUSY" }).deps, fakes().input)).done).toMatchObject({ mode: "concise", reason: "busy" });
    const peak = fakes({ level: "PEAK", admitted: false });
    const homework = { ...peak.input, conversation: { ...peak.input.conversation, isNew: false } };
    const r = await collect(peak.deps, homework);
    expect(r.done).toMatchObject({ mode: "fallback", reason: "peak_load" });
    expect(r.names).not.toContain("queued");
    expect(peak.admits.map((a) => a.maxWaitMs)).toEqual([0]);
    expect(peak.used()).toBe(0);
  });

  it("still uses a slot that is free right now at OVERLOADED, so the key never idles while demand exceeds it", async () => {
    const f = fakes({ level: "OVERLOADED" });
    const r = await collect(f.deps, f.input);
    expect(r.events.flatMap((e) => (e.event === "meta" ? [e.data.mode] : []))).toEqual(["fallback", "concise"]);
    expect(r.done).toMatchObject({ mode: "concise", reason: "peak_load" });
    expect(f.admits.map((a) => a.maxWaitMs)).toEqual([0]);
    expect(f.records[0]).toMatchObject({ mode: "concise", model: "claude-haiku-4-5" });
  });
});
