// Cost reports: ledger token totals priced with the current price table, grouped the way an admin
// asks (school, class, month or model), and the same rows as CSV for a spreadsheet.
import Papa from "papaparse";
import type { UsageTotalsRow } from "@/lib/db/admin-reports";
import { estimateCostUsd, priceOf, type PriceOverrides } from "./prices";

export const REPORT_GROUPS = ["school", "class", "month", "model"] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface CostRow extends UsageTotalsRow {
  tokens: number;
  costUsd: number;
}

export interface CostGroup {
  key: string;
  label: string;
  turns: number;
  tokens: number;
  costUsd: number;
}

export function priceRows(rows: UsageTotalsRow[], prices: PriceOverrides): CostRow[] {
  return rows.map((r) => ({ ...r, tokens: r.inputTokens + r.outputTokens, costUsd: estimateCostUsd(r, priceOf(r.model, prices)) }));
}

const KEY: Record<ReportGroup, (r: CostRow) => [string, string]> = {
  school: (r) => [r.schoolId, r.schoolName],
  class: (r) => [`${r.schoolId}:${r.classId ?? "-"}`, r.className ?? `No class (${r.schoolName})`],
  month: (r) => [r.month, r.month],
  model: (r) => [r.model, r.model],
};

/** Totals per group, largest cost first (months in calendar order). */
export function groupCosts(rows: CostRow[], by: ReportGroup): CostGroup[] {
  const groups = new Map<string, CostGroup>();
  for (const r of rows) {
    const [key, label] = KEY[by](r);
    const g = groups.get(key) ?? { key, label, turns: 0, tokens: 0, costUsd: 0 };
    g.turns += r.turns;
    g.tokens += r.tokens;
    g.costUsd += r.costUsd;
    groups.set(key, g);
  }
  const out = [...groups.values()];
  return by === "month" ? out.sort((a, b) => a.key.localeCompare(b.key)) : out.sort((a, b) => b.costUsd - a.costUsd || a.label.localeCompare(b.label));
}

export function costCsv(rows: CostRow[]): string {
  // escapeFormulae: a class named "=HYPERLINK(…)" must not run as a formula in a spreadsheet.
  return Papa.unparse({
    fields: ["month", "school", "class", "model", "turns", "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "tokens", "estimated_cost_usd"],
    data: rows.map((r) => [r.month, r.schoolName, r.className ?? "", r.model, r.turns, r.inputTokens, r.outputTokens, r.cacheReadTokens, r.cacheWriteTokens, r.tokens, r.costUsd.toFixed(6)]),
  }, { escapeFormulae: true });
}
