// Loads the evaluation set and fills in history placeholders: an assistant turn written as
// "@offline" becomes whatever the offline tutor replies to the user turn before it, so multi-turn
// cases exercise the real hint-ladder labels rather than hand-copied ones.
import type { HistoryTurn, Reason } from "@/lib/tutor/types";
import { z } from "zod";
import { offlineTutor } from "../index";
import type { Intent, OfflineTutorInput } from "../types";
import raw from "./messages.json";

const INTENTS = [
  "math_solve",
  "math_check",
  "definition",
  "explain",
  "writing",
  "study",
  "greeting",
  "off_topic",
  "unsafe",
  "unknown",
] as const satisfies readonly Intent[];

const Case = z.object({
  id: z.string(),
  message: z.string(),
  expectedIntent: z.enum(INTENTS),
  /** For maths: the correct final answer, worked out by hand. */
  expectedAnswer: z.string().optional(),
  /** For answer checks: whether the student's proposed answer is actually right. */
  proposalCorrect: z.boolean().optional(),
  history: z.array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() })).optional(),
  gradeLevel: z.number().int().min(0).max(12).nullable().optional(),
  reason: z.string().optional(),
});
export type EvalCase = z.infer<typeof Case>;

export const OFFLINE_PLACEHOLDER = "@offline";

export function loadCases(): EvalCase[] {
  return z.array(Case).parse(raw);
}

/** The tutor input for a case, with placeholder assistant turns replaced by real offline replies. */
export function inputFor(c: EvalCase): OfflineTutorInput {
  const gradeLevel = c.gradeLevel ?? null;
  const reason = (c.reason ?? "peak_load") as Reason;
  const history: HistoryTurn[] = [];
  for (const turn of c.history ?? []) {
    if (turn.role === "assistant" && turn.content === OFFLINE_PLACEHOLDER) {
      const lastUser = history.length - 1;
      const reply = offlineTutor({ message: history[lastUser]?.content ?? "", history: history.slice(0, lastUser), gradeLevel, reason });
      history.push({ role: "assistant", content: reply.text });
    } else {
      history.push(turn);
    }
  }
  return { message: c.message, history, gradeLevel, reason, loadLevel: "PEAK" };
}
