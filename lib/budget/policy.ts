// Which limits apply to a student: BudgetPolicy rows at school, grade band, class and student
// scope, most specific wins field by field (a null field inherits from the level above), then the
// env defaults. Pure: the caller loads the rows.
import type { Env } from "@/lib/env";

/** The budget fields of a BudgetPolicy row; null (or absent) means "inherit". */
export interface PolicyRow {
  tokensPerWindow?: number | null;
  windowSeconds?: number | null;
  messagesPerWindow?: number | null;
  messageWindowSeconds?: number | null;
  nearBudgetRatio?: number | null;
  dailyTokenCap?: number | null;
}

export interface EffectivePolicy {
  tokensPerWindow: number;
  windowSeconds: number;
  messagesPerWindow: number;
  messageWindowSeconds: number;
  /** Share of the budget used (0..1) past which answers become concise. */
  nearBudgetRatio: number;
  /** Tokens per UTC day on top of the window budget; null = no daily cap. */
  dailyTokenCap: number | null;
}

export interface PolicyLayers {
  school?: PolicyRow | null;
  /** The student's grade band ("grade:<band>" scope), between school and class. */
  grade?: PolicyRow | null;
  class?: PolicyRow | null;
  student?: PolicyRow | null;
}

type Field = keyof PolicyRow;

export const GRADE_BANDS = ["elementary", "middle", "high"] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

/** K–5 elementary, 6–8 middle, 9–12 high; null when the grade is unknown (no grade layer applies). */
export function gradeBandFor(gradeLevel: number | null | undefined): GradeBand | null {
  if (gradeLevel == null || !Number.isInteger(gradeLevel) || gradeLevel < 0 || gradeLevel > 12) return null;
  return gradeLevel <= 5 ? "elementary" : gradeLevel <= 8 ? "middle" : "high";
}

// A row edited by an admin can hold nonsense; such a value is ignored (the field inherits)
// rather than turning into a zero-length window or a negative budget.
const VALID: Record<Field, (v: number) => boolean> = {
  tokensPerWindow: (v) => Number.isInteger(v) && v >= 0,
  windowSeconds: (v) => Number.isInteger(v) && v >= 1,
  messagesPerWindow: (v) => Number.isInteger(v) && v >= 0,
  messageWindowSeconds: (v) => Number.isInteger(v) && v >= 1,
  nearBudgetRatio: (v) => v >= 0 && v <= 1,
  dailyTokenCap: (v) => Number.isInteger(v) && v >= 0,
};

export function defaultPolicy(
  e: Pick<
    Env,
    | "DEFAULT_TOKENS_PER_WINDOW"
    | "DEFAULT_TOKEN_WINDOW_SECONDS"
    | "DEFAULT_MESSAGES_PER_WINDOW"
    | "DEFAULT_MESSAGE_WINDOW_SECONDS"
    | "DEFAULT_NEAR_BUDGET_RATIO"
  >,
): EffectivePolicy {
  return {
    tokensPerWindow: e.DEFAULT_TOKENS_PER_WINDOW,
    windowSeconds: e.DEFAULT_TOKEN_WINDOW_SECONDS,
    messagesPerWindow: e.DEFAULT_MESSAGES_PER_WINDOW,
    messageWindowSeconds: e.DEFAULT_MESSAGE_WINDOW_SECONDS,
    nearBudgetRatio: e.DEFAULT_NEAR_BUDGET_RATIO,
    dailyTokenCap: null,
  };
}

export function resolvePolicy(layers: PolicyLayers, defaults: EffectivePolicy): EffectivePolicy {
  // Most specific first.
  const rows = [layers.student, layers.class, layers.grade, layers.school].filter((r): r is PolicyRow => r != null);
  const pick = <F extends Field>(field: F): number | undefined =>
    rows.map((r) => r[field]).find((v): v is number => typeof v === "number" && VALID[field](v));
  return {
    tokensPerWindow: pick("tokensPerWindow") ?? defaults.tokensPerWindow,
    windowSeconds: pick("windowSeconds") ?? defaults.windowSeconds,
    messagesPerWindow: pick("messagesPerWindow") ?? defaults.messagesPerWindow,
    messageWindowSeconds: pick("messageWindowSeconds") ?? defaults.messageWindowSeconds,
    nearBudgetRatio: pick("nearBudgetRatio") ?? defaults.nearBudgetRatio,
    dailyTokenCap: pick("dailyTokenCap") ?? defaults.dailyTokenCap,
  };
}

/**
 * The limits used while Redis is unreachable. Each app instance then counts on its own, and a
 * student's requests may land on several instances, so each gets a share of the budget —
 * smaller, never unlimited. Messages keep at least one (unless the policy allows none) so a
 * student is not locked out.
 */
export function failSafePolicy(policy: EffectivePolicy, share: number): EffectivePolicy {
  const scale = (v: number) => Math.floor(v * share);
  return {
    ...policy,
    tokensPerWindow: scale(policy.tokensPerWindow),
    messagesPerWindow: Math.min(policy.messagesPerWindow, Math.max(1, scale(policy.messagesPerWindow))),
    dailyTokenCap: policy.dailyTokenCap === null ? null : scale(policy.dailyTokenCap),
  };
}
