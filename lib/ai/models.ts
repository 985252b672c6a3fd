// Which Claude model answers each mode, how long it may answer, and what that costs.
import { env, type Env } from "@/lib/env";
import type { Mode, Usage } from "@/lib/tutor/types";

/** The modes that call the model; cached, batched and fallback answers never reach this module. */
export type AnswerMode = Extract<Mode, "full" | "concise">;

type ModelConfig = Pick<Env, "ANTHROPIC_MODEL_FULL" | "ANTHROPIC_MODEL_CONCISE" | "MAX_TOKENS_FULL" | "MAX_TOKENS_CONCISE">;

export function modelFor(mode: AnswerMode, config: ModelConfig = env): string {
  return mode === "full" ? config.ANTHROPIC_MODEL_FULL : config.ANTHROPIC_MODEL_CONCISE;
}

export function maxTokensFor(mode: AnswerMode, config: ModelConfig = env): number {
  return mode === "full" ? config.MAX_TOKENS_FULL : config.MAX_TOKENS_CONCISE;
}

/** US dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  /** A higher rate for prompts above a size, charged on the whole request (Haiku 5.5). */
  longContext?: { aboveInputTokens: number; input: number; output: number };
}

// From the pricing page (see /work/shared/notes/anthropic-api.md §10). Keys are model IDs without a
// date suffix. Opus 5.5 is listed at third-party copies as $4/$20 (unverified), so it is kept at the
// Opus family's verified $5/$25: over-reporting a little is safe, under-reporting is not.
const OPUS: ModelPrice = { input: 5, output: 25 };
const PRICES: Readonly<Record<string, ModelPrice>> = {
  "claude-haiku-4-5": { input: 1, output: 5 },
  "claude-sonnet-4-5": { input: 3, output: 15 },
  "claude-sonnet-4-6": { input: 3, output: 15 },
  "claude-sonnet-5": { input: 2, output: 10 },
  "claude-opus-4-5": OPUS,
  "claude-opus-4-6": OPUS,
  "claude-opus-4-7": OPUS,
  "claude-opus-4-8": OPUS,
  "claude-opus-5": OPUS,
  "claude-opus-5-5": OPUS,
  "claude-haiku-5-5": {
    input: 0.1,
    output: 0.5,
    longContext: { aboveInputTokens: 100_000, input: 0.5, output: 2.5 },
  },
  "claude-sonnet-5-5": { input: 2, output: 10 },
};

// 5-minute cache writes (the only TTL prompts.ts asks for) and cache reads, relative to base input.
const CACHE_WRITE_MULTIPLIER = 1.25;
const CACHE_READ_MULTIPLIER = 0.1;

// A model nobody priced yet (a new ID in the env, a typo) is charged as the dearest known model, so
// budgets and dashboards can only over-state spend until the table is updated.
const MOST_EXPENSIVE: ModelPrice = {
  input: Math.max(...Object.values(PRICES).map((p) => p.input)),
  output: Math.max(...Object.values(PRICES).map((p) => p.output)),
};

/** Price for a model ID; accepts dated IDs (`claude-sonnet-4-5-20250929`) and `-latest` aliases. */
export function priceFor(model: string): ModelPrice {
  const base = model.trim().toLowerCase().replace(/-(\d{8}|latest)$/, "");
  return PRICES[base] ?? MOST_EXPENSIVE;
}

/**
 * Dollar cost of one request. `usage.inputTokens` is the uncached part only (as the API reports
 * `input_tokens`); cache reads and writes are priced separately on top of it.
 */
export function costUsd(model: string, usage: Usage): number {
  const price = priceFor(model);
  const totalInput = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
  const tier =
    price.longContext && totalInput > price.longContext.aboveInputTokens ? price.longContext : price;
  const inputUnits =
    usage.inputTokens +
    usage.cacheWriteTokens * CACHE_WRITE_MULTIPLIER +
    usage.cacheReadTokens * CACHE_READ_MULTIPLIER;
  return (inputUnits * tier.input + usage.outputTokens * tier.output) / 1_000_000;
}
