// One colour per answer mode across every teacher chart, matching the tones of the student's mode badges.
import type { Mode } from "@/lib/tutor/types";

export const MODE_COLOR: Record<Mode, string> = {
  full: "#059669",
  concise: "#0284c7",
  cached: "#7c3aed",
  batched: "#a78bfa",
  fallback: "#d97706",
};
