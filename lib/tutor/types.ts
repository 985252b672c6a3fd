// Plain data shared by every step of a tutor turn (budget → load → cache → model or offline tutor → ledger).

/** How an answer was produced. Stored on Message and UsageEvent, shown to the student as a badge. */
export const MODES = ["full", "concise", "cached", "batched", "fallback"] as const;
export type Mode = (typeof MODES)[number];

/** Why a turn got its mode. Each has a plain-language sentence in lib/tutor/reasons.ts. */
export const REASONS = [
  "normal",
  "peak_load",
  "busy",
  "budget_low",
  "budget_exhausted",
  "queue_timeout",
  "upstream_rate_limited",
  "upstream_overloaded",
  "upstream_error",
  "offline",
  "cached_answer",
  "safety",
] as const;
export type Reason = (typeof REASONS)[number];

export type LoadLevel = "NORMAL" | "BUSY" | "PEAK" | "OVERLOADED";

export interface BudgetSnapshot {
  limit: number;
  remaining: number;
  /** Epoch milliseconds at which the budget is fully refilled. */
  resetAt: number;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export interface StudentProfile {
  id: string;
  name: string;
  /** 0 = kindergarten … 12; null when unknown. */
  gradeLevel: number | null;
  schoolId: string;
  classId: string | null;
}

export interface HistoryTurn {
  role: "user" | "assistant";
  content: string;
}
