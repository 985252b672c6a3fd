import { describe, expect, it } from "vitest";
import type { UsageTotalsRow } from "@/lib/db/admin-reports";
import { costCsv, groupCosts, priceRows } from "./cost-report";

const base = { schoolId: "s1", schoolName: "North", cacheReadTokens: 0, cacheWriteTokens: 0 };
const rows: UsageTotalsRow[] = [
  { ...base, classId: "c1", className: "Maths, 7", month: "2026-11", model: "claude-haiku-4-5", turns: 10, inputTokens: 1_000_000, outputTokens: 100_000 },
  { ...base, classId: "c1", className: "Maths, 7", month: "2026-12", model: "claude-sonnet-5", turns: 5, inputTokens: 500_000, outputTokens: 100_000 },
  { ...base, classId: null, className: null, month: "2026-12", model: "offline-tutor", turns: 3, inputTokens: 0, outputTokens: 0 },
];

describe("cost reports", () => {
  const priced = priceRows(rows, new Map([["claude-sonnet-5", { input: 4, output: 20 }]]));

  it("prices each row with the overrides over the defaults", () => {
    expect(priced.map((r) => r.costUsd)).toEqual([1.5, 4, 0]);
    expect(priced.map((r) => r.tokens)).toEqual([1_100_000, 600_000, 0]);
  });

  it("groups by class, month and model", () => {
    expect(groupCosts(priced, "class").map((g) => [g.label, g.turns, g.costUsd])).toEqual([
      ["Maths, 7", 15, 5.5],
      ["No class (North)", 3, 0],
    ]);
    expect(groupCosts(priced, "month").map((g) => g.key)).toEqual(["2026-11", "2026-12"]);
    expect(groupCosts(priced, "model")[0]).toMatchObject({ key: "claude-sonnet-5", costUsd: 4 });
    expect(groupCosts(priced, "school")).toHaveLength(1);
  });

  it("exports CSV with quoting", () => {
    const lines = costCsv(priced).split("\r\n");
    expect(lines[0]).toBe("month,school,class,model,turns,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,tokens,estimated_cost_usd");
    expect(lines[1]).toBe('2026-11,North,"Maths, 7",claude-haiku-4-5,10,1000000,100000,0,0,1100000,1.500000');
    expect(lines).toHaveLength(4);
  });

  it("keeps names from running as spreadsheet formulas", () => {
    const csv = costCsv(priceRows([{ ...rows[2]!, schoolName: "=HYPERLINK(1)" }], new Map()));
    expect(csv.split("\r\n")[1]!.startsWith(`2026-12,"'=HYPERLINK(1)"`)).toBe(true);
  });
});
