// Proves the load harness works end to end on a handful of students — driver, sampler, gate probe,
// ledger, metrics, report and charts — against the real tutor pipeline (lib/tutor/test-harness:
// database, store, simulator, ledger) instead of a production build, so it runs in seconds. No
// timing assertions: this is a benchmark's plumbing, not a benchmark.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/lib/db/test-db";
import { toResponse } from "@/lib/errors";
import { prepareTurn } from "@/lib/tutor/prepare";
import { sseResponse } from "@/lib/tutor/sse-response";
import { createHarness, type Harness } from "@/lib/tutor/test-harness";
import { runTurn } from "@/lib/tutor/turn";
import { timeSeriesChart, ttftChart } from "./charts";
import { drive, type LiveCounters, type SendTurn } from "./driver";
import { measureGate } from "./gate-probe";
import { readLedger } from "./ledger";
import { summarize } from "./metrics";
import { consoleTable, markdownTable } from "./report";
import { startSampler } from "./sampler";
import { planBurst } from "./workload";

const STUDENTS = 5;
const CALIBRATION = 3;
const real = (await testDatabaseKinds()).includes("real");

describe("load harness", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ database: real ? "real" : "embedded", store: real ? "real" : "embedded", students: STUDENTS + CALIBRATION });
  });
  afterAll(async () => {
    await h?.close();
  });

  // What POST /api/tutor does, minus HTTP and the session.
  const send: SendTurn = async (student, body) => {
    const s = h.students[student]!;
    try {
      const user = { id: s.id, role: "STUDENT" as const, schoolId: s.schoolId, name: s.name, email: "" };
      return sseResponse(runTurn(h.deps, await prepareTurn(h.deps, { user, message: body.message, conversationId: body.conversationId, subject: null })));
    } catch (err) {
      return toResponse(err);
    }
  };

  it("drives a few students, samples, reads the ledger and computes every metric", async () => {
    const calibration = { name: "gated", send: ((i, body, signal) => send(STUDENTS + i, body, signal)) as SendTurn, reset: async () => {} };
    const gate = (await measureGate({ targets: [calibration], rounds: CALIBRATION, warmup: 1, sim: h.sim })).get("gated")!;
    expect(gate.toUpstreamMs.length + gate.skipped).toBe(CALIBRATION - 1);

    const plan = planBurst({ students: STUDENTS, messages: 2, seed: 7, spreadMs: 200, thinkMs: [50, 150] });
    const from = new Date();
    const t0 = performance.now();
    const live: LiveCounters = { inFlight: 0, started: 0, finished: 0 };
    const sampler = startSampler({ sim: () => h.sim.stats(), live, load: async () => ({ level: (await h.deps.governor.load()).level, queueDepth: 0 }) }, t0, 100);
    const result = await drive({ plan, send, cutoffMs: 30_000, turnTimeoutMs: 30_000, live, t0 });
    const samples = await sampler.stop();
    const ledger = await readLedger(h.db, { studentIds: h.students.slice(0, STUDENTS).map((s) => s.id), from, expected: result.turns.length });

    const budget = { tokensPerWindow: 5_000, windowSeconds: 900, maxTokens: { full: 800, concise: 300 } };
    const data = { pipeline: "gated" as const, ...result, samples, simEnd: h.sim.stats(), ledger, gate, rpm: h.sim.config.rpm, budget };
    const m = summarize(data);
    expect(m.turns).toMatchObject({ sent: 10, answered: 10, studentVisibleErrors: 0, unsent: 0, answeredShare: 1 });
    expect(result.turns.filter((t) => t.seq === 1).every((t) => t.kind === "follow_up")).toBe(true);
    expect(m.ttft.all.n).toBe(10);
    expect(m.modes.full + m.modes.concise + m.modes.fallback).toBe(10);
    expect(m.upstream.calls).toBeGreaterThan(0);
    expect(m.utilisation?.requests).toBeGreaterThan(0);
    expect(m.fairness.students).toBe(STUDENTS);
    expect(m.ledger).toMatchObject({ events: 10, expected: 10, complete: true });
    expect(m.overshoot.violations).toBe(0);
    expect(m.levelShare).not.toBeNull();

    expect(timeSeriesChart([data])).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
    expect(ttftChart([data])).toContain("<polyline");
    expect(consoleTable(m, m)).toContain("share answered");
    expect(markdownTable(m, null)).toContain("| messages sent | 10 |");
  });
});
