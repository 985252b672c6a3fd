// Deciding how a turn will be answered, before anything is sent upstream. Pure functions.
import type { Reason } from "./types";

/** School hours on a weekday, in the school's time zone. */
export function isClassTime(now: Date, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", hour: "numeric", hour12: false }).formatToParts(now);
  const weekday = parts.find((p) => p.type === "weekday")?.value ?? "";
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? 0);
  return !["Sat", "Sun"].includes(weekday) && hour >= 8 && hour < 16;
}

/** The reason we tell a student when the model call failed before any text arrived. */
export function reasonForFailure(kind: string): Reason {
  if (kind === "rate_limited") return "upstream_rate_limited";
  if (kind === "overloaded") return "upstream_overloaded";
  return "upstream_error";
}

/** What a turn costs the student's budget: tokens billed for them, not the shared cached prompt. */
export function chargedTokens(u: { inputTokens: number; outputTokens: number; cacheWriteTokens: number }): number {
  return u.inputTokens + u.cacheWriteTokens + u.outputTokens;
}
