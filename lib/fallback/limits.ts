// Honest limits: when practice mode can't help, say so kindly, suggest what to try, and say when the
// full tutor should be back — from the budget reset time when we know it, otherwise from the load.
import type { LoadLevel, Reason } from "@/lib/tutor/types";

export interface BackContext {
  reason: Reason;
  resetAt?: number | null;
  loadLevel?: LoadLevel;
}

/** One sentence on when full AI help is expected back. */
export function whenBack(ctx: BackContext, now = Date.now()): string {
  if (ctx.reason === "offline") return "Full AI help isn't switched on here, so practice mode is what's available for now.";
  if (ctx.resetAt && Number.isFinite(ctx.resetAt)) {
    const what =
      ctx.reason === "budget_exhausted" || ctx.reason === "budget_low" ? "Your tutor budget refills" : "Full AI help should be back";
    return `${what} ${relative(ctx.resetAt - now)}.`;
  }
  if (ctx.reason === "budget_exhausted" || ctx.reason === "budget_low") return "Full AI help comes back when your tutor budget refills.";
  if (ctx.loadLevel === "PEAK" || ctx.loadLevel === "OVERLOADED" || ctx.reason === "peak_load") {
    return "Full AI help usually comes back within a few minutes, once fewer students are asking at the same time.";
  }
  if (ctx.loadLevel === "BUSY" || ctx.reason === "busy") return "Full answers should be back soon — it's just busy right now.";
  if (ctx.reason.startsWith("upstream_") || ctx.reason === "queue_timeout")
    return "This is usually brief — ask again in a minute or two for a full answer.";
  return "Full AI help should be back soon.";
}

function relative(ms: number): string {
  if (ms <= 60_000) return "any moment now";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `in about ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `in about ${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.round(hours / 24);
  return `in about ${days} day${days === 1 ? "" : "s"}`;
}

/** A friendly "I can't do this one" with concrete next steps and the time full help returns. */
export function cantHelp(what: string, tips: string[], ctx: BackContext): string {
  return [what, tips.length > 0 ? `**You could try:**\n${tips.map((t) => `- ${t}`).join("\n")}` : "", whenBack(ctx)]
    .filter(Boolean)
    .join("\n\n");
}

export const MATH_TIPS = [
  "Write the problem with symbols, e.g. `2x + 3 = 11`, `3/4 + 1/6`, or `mean of 4, 7, 9`.",
  "Send one problem per message.",
  'Ask about the idea instead, e.g. "what is a quadratic?" — I can explain topics too.',
];

export const GENERAL_TIPS = [
  'Send a maths problem (like `2x + 5 = 17`), a question like "what is photosynthesis?", or paste a paragraph for writing feedback.',
  "Use a few key words for the topic you're studying.",
];
