// The degradation ladder (pure): which answer mode a turn gets from the shared load level and the
// student's own budget. Checked from the hardest constraint down, so the reason shown is the one that
// actually decided the mode.
import type { LoadLevel, Reason } from "@/lib/tutor/types";

export interface LadderInput {
  level: LoadLevel;
  budget: "ok" | "low" | "exhausted";
  /** "high" = a priority question (class time); it keeps a short model answer at PEAK. */
  priority: "high" | "normal";
  /** No Anthropic key configured. */
  offline: boolean;
  /** The circuit breaker is open: the provider itself is failing, not just busy. */
  providerDown?: boolean;
}

export interface LadderChoice {
  mode: "full" | "concise" | "fallback";
  reason: Reason;
}

export function chooseMode(input: LadderInput): LadderChoice {
  if (input.offline) return { mode: "fallback", reason: "offline" };
  if (input.budget === "exhausted") return { mode: "fallback", reason: "budget_exhausted" };
  if (input.providerDown) return { mode: "fallback", reason: "upstream_overloaded" };
  switch (input.level) {
    case "OVERLOADED":
      return { mode: "fallback", reason: "peak_load" };
    case "PEAK":
      return input.priority === "high" ? { mode: "concise", reason: "peak_load" } : { mode: "fallback", reason: "peak_load" };
    case "BUSY":
      // The student's own low budget is the more lasting cause, so it names the reason.
      return { mode: "concise", reason: input.budget === "low" ? "budget_low" : "busy" };
    case "NORMAL":
      return input.budget === "low" ? { mode: "concise", reason: "budget_low" } : { mode: "full", reason: "normal" };
  }
}
