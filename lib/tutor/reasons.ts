import type { Mode, Reason } from "./types";

// One plain sentence per reason, shown beside the mode badge. Written for a student, not an engineer.
const REASON_TEXT: Record<Reason, string> = {
  normal: "Full tutor answer.",
  busy: "Lots of students are asking right now, so answers are shorter for a little while.",
  peak_load: "The tutor is very busy right now, so you're in practice mode for a moment.",
  budget_low: "You're close to your tutor budget for now, so answers are shorter.",
  budget_exhausted: "You've used your tutor budget for now, so you're in practice mode until it refills.",
  queue_timeout: "The tutor couldn't get to you quickly enough, so you're in practice mode for this question.",
  upstream_rate_limited: "The AI service asked us to slow down, so you're in practice mode for a moment.",
  upstream_overloaded: "The AI service is overloaded right now, so you're in practice mode for a moment.",
  upstream_error: "The AI service had a problem, so you're in practice mode for this answer.",
  offline: "The AI tutor isn't connected here, so you're in practice mode.",
  cached_answer: "This is a saved answer to a common question.",
  safety: "This message may be about something serious, so here is how to get help.",
};

const MODE_LABEL: Record<Mode, string> = {
  full: "Full answer",
  concise: "Short answer",
  cached: "Saved answer",
  batched: "Batched answer",
  fallback: "Practice mode",
};

// The same cause can end in a short model answer or in practice mode; the sentence must say which.
const SHORT_ANSWER_TEXT: Partial<Record<Reason, string>> = {
  peak_load: "The tutor is very busy right now, so this answer is shorter than usual.",
};

export function reasonText(reason: Reason, mode?: Mode): string {
  return (mode === "concise" && SHORT_ANSWER_TEXT[reason]) || REASON_TEXT[reason];
}

export function modeLabel(mode: Mode): string {
  return MODE_LABEL[mode];
}
