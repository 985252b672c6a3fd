// Grade bands: the same help, worded for the student's age. Younger students get everyday words
// and smaller steps; older students get the proper terms and compact steps.

export type Band = "elementary" | "middle" | "high";

export function bandFor(gradeLevel: number | null): Band {
  // Unknown grade: middle-school wording is understandable for the young and not patronising for the old.
  if (gradeLevel === null || !Number.isFinite(gradeLevel)) return "middle";
  if (gradeLevel <= 5) return "elementary";
  if (gradeLevel <= 8) return "middle";
  return "high";
}

/** Picks the wording for a band; `middle` falls back to `high` wording when not given. */
export function byBand(band: Band, options: { elementary: string; middle?: string; high: string }): string {
  if (band === "elementary") return options.elementary;
  if (band === "middle") return options.middle ?? options.high;
  return options.high;
}

export function encouragement(band: Band, seed: number): string {
  const lines =
    band === "elementary"
      ? ["You can do this!", "Nice work getting started!", "Take it one small step at a time."]
      : band === "middle"
        ? ["You've got this.", "Good question to work through.", "Let's take it one step at a time."]
        : ["Let's work through it.", "Good problem to practise.", "One step at a time."];
  return lines[Math.abs(seed) % lines.length];
}

/** Cheap, stable number from a string, so wording varies between problems but never between calls. */
export function seedOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}
