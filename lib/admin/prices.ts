// Prices for cost reports and the monthly cost cap: the deployment's overrides (ModelPrice rows, in
// US dollars per million tokens) over the defaults in lib/ai/models.ts. Costs here are estimates
// from token totals, so one price table can re-price past months the same way it prices this one.
import { priceFor } from "@/lib/ai/models";

export interface Price {
  input: number;
  output: number;
}

/** Override rows keyed by normalized model id. */
export type PriceOverrides = ReadonlyMap<string, Price>;

export interface TokenTotals {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

// Anthropic's prompt-cache pricing relative to base input (5-minute writes, reads); the same factors
// lib/ai/models.ts applies to each request.
const CACHE_WRITE_MULTIPLIER = 1.25;
const CACHE_READ_MULTIPLIER = 0.1;

/** Model ids as the ledger stores them, without a date suffix or `-latest`. */
export function normalizeModel(model: string): string {
  return model.trim().toLowerCase().replace(/-(\d{8}|latest)$/, "");
}

/** What the ledger records for answers from the rule-based tutor: no model, no cost. */
export const OFFLINE_MODEL = "offline-tutor";

export function priceOf(model: string, overrides: PriceOverrides): Price & { source: "override" | "default" } {
  if (normalizeModel(model) === OFFLINE_MODEL) return { input: 0, output: 0, source: "default" };
  const o = overrides.get(normalizeModel(model));
  if (o) return { ...o, source: "override" };
  const d = priceFor(model);
  return { input: d.input, output: d.output, source: "default" };
}

export function estimateCostUsd(t: TokenTotals, price: Price): number {
  const inputUnits = t.inputTokens + t.cacheWriteTokens * CACHE_WRITE_MULTIPLIER + t.cacheReadTokens * CACHE_READ_MULTIPLIER;
  return (inputUnits * price.input + t.outputTokens * price.output) / 1_000_000;
}
