import { describe, expect, it } from "vitest";
import type { LoadLevel } from "@/lib/tutor/types";
import { chooseMode, type LadderInput } from "./ladder";

const base: LadderInput = { level: "NORMAL", budget: "ok", priority: "normal", offline: false };

describe("chooseMode", () => {
  it.each<[Partial<LadderInput>, string, string]>([
    [{}, "full", "normal"],
    [{ level: "BUSY" }, "concise", "busy"],
    [{ level: "PEAK", priority: "high" }, "concise", "peak_load"],
    [{ level: "PEAK", priority: "normal" }, "fallback", "peak_load"],
    [{ level: "OVERLOADED", priority: "high" }, "fallback", "peak_load"],
    [{ providerDown: true }, "fallback", "upstream_overloaded"],
    [{ level: "OVERLOADED", providerDown: true }, "fallback", "upstream_overloaded"],
    [{ budget: "low" }, "concise", "budget_low"],
    [{ level: "BUSY", budget: "low" }, "concise", "budget_low"],
    [{ level: "PEAK", priority: "high", budget: "low" }, "concise", "peak_load"],
    [{ budget: "exhausted" }, "fallback", "budget_exhausted"],
    [{ level: "PEAK", budget: "exhausted" }, "fallback", "budget_exhausted"],
    [{ offline: true }, "fallback", "offline"],
    [{ offline: true, budget: "exhausted", level: "OVERLOADED" }, "fallback", "offline"],
  ])("%o → %s (%s)", (over, mode, reason) => {
    expect(chooseMode({ ...base, ...over })).toEqual({ mode, reason });
  });

  it("never gives a better mode at a higher level", () => {
    const rank = { full: 2, concise: 1, fallback: 0 };
    const levels: LoadLevel[] = ["NORMAL", "BUSY", "PEAK", "OVERLOADED"];
    for (const budget of ["ok", "low", "exhausted"] as const)
      for (const priority of ["high", "normal"] as const) {
        const modes = levels.map((level) => rank[chooseMode({ ...base, level, budget, priority }).mode]);
        expect([...modes].sort((a, b) => b - a)).toEqual(modes);
      }
  });
});
