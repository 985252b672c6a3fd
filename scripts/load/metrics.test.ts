import { describe, expect, it } from "vitest";
import { parseFlags } from "./cli";
import { budgetOvershoot, type LedgerRow } from "./ledger";
import type { TurnResult } from "./driver";
import { demandEndMs, jain, jainBestPossible, percentiles } from "./metrics";
import { planWorkload } from "./workload";

describe("load metrics", () => {
  it("Jain's index is 1 for equal shares and 1/n when one student gets everything", () => {
    expect(jain([3, 3, 3, 3])).toBe(1);
    expect(jain([8, 0, 0, 0])).toBe(0.25);
    expect(jain([0, 0])).toBeNull();
  });

  it("bounds Jain's index by the most even split of whole answers", () => {
    expect(jainBestPossible(10, 10)).toBe(1);
    expect(jainBestPossible(5, 10)).toBe(0.5);
    expect(jainBestPossible(15, 10)).toBeCloseTo(225 / (10 * (5 * 1 + 5 * 4)));
  });

  it("takes nearest-rank percentiles", () => {
    expect(percentiles([5, 1, 4, 2, 3])).toEqual({ n: 5, p50: 3, p95: 5 });
    expect(percentiles([])).toEqual({ n: 0, p50: null, p95: null });
  });

  it("ends the demand window at the last turn refused Claude for capacity", () => {
    const turn = (startMs: number, mode: TurnResult["mode"], reason: TurnResult["reason"], outcome: TurnResult["outcome"] = "answered") => ({ startMs, mode, reason, outcome }) as TurnResult;
    const turns = [turn(1_000, "fallback", "peak_load"), turn(5_000, "fallback", "queue_timeout"), turn(8_000, "fallback", "budget_exhausted"), turn(9_000, "concise", "peak_load")];
    expect(demandEndMs(turns, 9_500)).toBe(5_000);
    expect(demandEndMs([turn(2_000, "full", "normal", "stream_error")], 9_500)).toBe(2_000);
    expect(demandEndMs([turn(2_000, "full", "normal")], 9_500)).toBe(9_500);
  });

  it("measures budget overshoot per student and window against the student's largest request", () => {
    const row = (studentId: string, input: number, output: number, startedAt = 1_000): LedgerRow => ({
      studentId,
      mode: "full",
      reason: "normal",
      model: "m",
      inputTokens: input,
      outputTokens: output,
      cacheWriteTokens: 0,
      startedAt,
    });
    const policy = { tokensPerWindow: 1_000, windowSeconds: 900, maxTokens: { full: 800, concise: 300 } };
    // a: 1,300 charged in one window → 300 over, within one request (500 + 800).
    // b: the same tokens spread over two windows → never over.
    const o = budgetOvershoot([row("a", 500, 300), row("a", 200, 300), row("b", 500, 300), row("b", 200, 300, 901_000)], policy);
    expect(o).toEqual({ maxTokens: 300, boundTokens: 1_300, studentsOver: 1, violations: 0 });
    expect(budgetOvershoot([{ ...row("c", 100, 0), mode: "fallback" }], policy).studentsOver).toBe(0);
  });
});

describe("workload", () => {
  it("is deterministic for a seed, starts some classes at once and fits the duration", () => {
    const a = planWorkload({ students: 100, classes: 4, durationMs: 60_000, seed: 42 });
    expect(planWorkload({ students: 100, classes: 4, durationMs: 60_000, seed: 42 })).toEqual(a);
    const burst = a.filter((s) => s.arriveAtMs <= 3_000);
    expect(burst.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...a.map((s) => s.arriveAtMs))).toBeLessThanOrEqual(0.55 * 60_000);
    for (const s of a) {
      expect(s.messages[0]!.followUp).toBe(false);
      expect(s.messages.every((m) => m.text.length > 0 && m.text.length <= 8_000)).toBe(true);
    }
  });
});

describe("flags", () => {
  it("parses numbers, booleans and --no-*, and refuses unknown flags", () => {
    const d = { students: 500, baseline: true, build: "auto" as const };
    expect(parseFlags(["--students", "20", "--no-baseline", "--build"], d)).toEqual({ students: 20, baseline: false, build: true });
    expect(parseFlags(["--students=7", "--no-build"], d)).toEqual({ students: 7, baseline: true, build: false });
    expect(() => parseFlags(["--studnets", "5"], d)).toThrow(/unknown flag/);
    expect(() => parseFlags(["--students", "x"], d)).toThrow(/number/);
  });
});
