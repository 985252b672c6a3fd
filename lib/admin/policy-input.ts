// What an admin may write into a BudgetPolicy row, with messages a person can act on. The resolver
// (lib/budget/policy.ts) ignores nonsense defensively; this is where nonsense is refused up front.
import { z } from "zod";
import { GRADE_BANDS } from "@/lib/budget/policy";

export const POLICY_FIELDS = ["tokensPerWindow", "windowSeconds", "messagesPerWindow", "messageWindowSeconds", "dailyTokenCap", "nearBudgetRatio"] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

export const FIELD_LABELS: Record<PolicyField | "monthlyTokenCap" | "monthlyCostCapUsd", string> = {
  tokensPerWindow: "Tokens per window",
  windowSeconds: "Token window length (seconds)",
  messagesPerWindow: "Messages per window",
  messageWindowSeconds: "Message window length (seconds)",
  dailyTokenCap: "Daily token cap",
  nearBudgetRatio: "Concise-answer threshold",
  monthlyTokenCap: "School monthly token cap",
  monthlyCostCapUsd: "School monthly cost cap (USD)",
};

const whole = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(min, min === 0 ? `${label} can't be negative.` : `${label} must be at least ${min.toLocaleString("en")}.`)
    .max(max, `${label} can't be more than ${max.toLocaleString("en")}.`)
    .nullable()
    .optional();

// The upper bounds are far above any sensible setting; they catch typos (an extra three zeros).
export const policyValuesSchema = z.strictObject({
  tokensPerWindow: whole(FIELD_LABELS.tokensPerWindow, 0, 1_000_000),
  windowSeconds: whole(FIELD_LABELS.windowSeconds, 60, 7 * 86_400),
  messagesPerWindow: whole(FIELD_LABELS.messagesPerWindow, 0, 1_000),
  messageWindowSeconds: whole(FIELD_LABELS.messageWindowSeconds, 10, 86_400),
  dailyTokenCap: whole(FIELD_LABELS.dailyTokenCap, 0, 10_000_000),
  nearBudgetRatio: z
    .number({ error: "The concise-answer threshold must be a number between 0 and 1." })
    .min(0, "The concise-answer threshold can't be negative.")
    .max(1, "The concise-answer threshold is a share of the budget: at most 1 (100 %).")
    .nullable()
    .optional(),
  monthlyTokenCap: whole(FIELD_LABELS.monthlyTokenCap, 0, 100_000_000_000),
  monthlyCostCapUsd: z
    .number({ error: "The monthly cost cap must be a number of US dollars." })
    .min(0, "The monthly cost cap can't be negative.")
    .max(1_000_000, "The monthly cost cap can't be more than $1,000,000.")
    .multipleOf(0.01, "Use whole cents for the monthly cost cap.")
    .nullable()
    .optional(),
});

export type PolicyValues = z.infer<typeof policyValuesSchema>;

const ID = "[A-Za-z0-9_-]{1,64}";
export const SCOPE_PATTERN = new RegExp(`^(school|grade:(${GRADE_BANDS.join("|")})|class:${ID}|student:${ID})$`);

export const scopeSchema = z.string({ error: "Say which policy to change (scope)." }).regex(SCOPE_PATTERN, 'The scope must be "school", "grade:elementary|middle|high", "class:<id>" or "student:<id>".');

export const putPolicySchema = policyValuesSchema.extend({
  schoolId: z.string().max(64).optional(),
  scope: scopeSchema,
});

export type ParsedScope = { kind: "school" } | { kind: "grade"; band: string } | { kind: "class"; id: string } | { kind: "student"; id: string };

export function parseScope(scope: string): ParsedScope {
  const [kind, rest = ""] = scope.split(/:(.*)/s);
  if (kind === "grade") return { kind, band: rest };
  if (kind === "class" || kind === "student") return { kind, id: rest };
  return { kind: "school" };
}

export interface OverrideSummary {
  scope: string;
  label: string;
  tokensPerWindow: number | null;
  dailyTokenCap: number | null;
}

/**
 * Overrides can't exceed the school's cap: no grade, class or student may be allowed more tokens in
 * one window or one day than the whole school may use in a month. Returns the first problem, or null.
 * `others` are the school's other rows (checked when the school row's cap itself changes).
 */
export function capProblem({ scope, values, schoolCap, others }: { scope: string; values: PolicyValues; schoolCap: number | null; others: OverrideSummary[] }): string | null {
  const isSchool = scope === "school";
  if (!isSchool && (values.monthlyTokenCap != null || values.monthlyCostCapUsd != null)) {
    return "Monthly caps are set for the whole school, not for a grade band, class or student.";
  }
  const cap = isSchool ? (values.monthlyTokenCap ?? null) : schoolCap;
  if (cap === null) return null;
  const fmt = (n: number) => n.toLocaleString("en");
  for (const field of ["tokensPerWindow", "dailyTokenCap"] as const) {
    const v = values[field];
    if (v != null && v > cap) return `${FIELD_LABELS[field]} (${fmt(v)}) can't exceed the school's monthly token cap (${fmt(cap)}).`;
  }
  if (!isSchool) return null;
  const over = others.filter((o) => (o.tokensPerWindow ?? 0) > cap || (o.dailyTokenCap ?? 0) > cap);
  if (over.length === 0) return null;
  const names = over.slice(0, 3).map((o) => o.label).join(", ");
  return `A monthly token cap of ${fmt(cap)} is below what ${over.length} override${over.length > 1 ? "s allow" : " allows"} (${names}${over.length > 3 ? ", …" : ""}). Lower those first.`;
}
