import type { HistoryTurn, LoadLevel, Reason } from "@/lib/tutor/types";

export interface OfflineTutorInput {
  message: string;
  /** Recent turns of this conversation, oldest first (may include earlier offline-tutor replies). */
  history: HistoryTurn[];
  /** 0..12, null when unknown. */
  gradeLevel: number | null;
  /** Why we're in practice mode. */
  reason: Reason;
  /** Epoch ms when full AI help is expected back (budget refill), if known. */
  resetAt?: number | null;
  loadLevel?: LoadLevel;
  /** The school's help text for safety replies. */
  helpResources?: string;
  subject?: string | null;
}

export type Intent =
  "math_solve" | "math_check" | "definition" | "explain" | "writing" | "study" | "greeting" | "off_topic" | "unsafe" | "unknown";

export interface OfflineTutorReply {
  text: string;
  intent: Intent;
  flag: "safety" | null;
  /** Maths final answer when it solved one, for evaluation. */
  finalAnswer?: string;
  /** For math_check. */
  verdict?: "correct" | "incorrect" | "unsure";
}
