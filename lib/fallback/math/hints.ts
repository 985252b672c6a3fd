// The hint ladder: a nudge, then a closer hint, then the worked solution. The app keeps no state
// between turns, so each rung is labelled in the reply text ("Hint 2 of 3") and the next turn reads
// the label back out of the conversation history.
import { encouragement, seedOf, type Band } from "../wording";
import type { Solution } from "./types";

export type Rung = 1 | 2 | 3;

const LABEL: Record<Rung, string> = {
  1: "**Hint 1 of 3 — a nudge**",
  2: "**Hint 2 of 3 — a closer look**",
  3: "**Step 3 of 3 — the worked solution**",
};
const LABEL_PATTERN = /\*\*(?:Hint|Step) ([123]) of 3\b/;

/** The rung an earlier offline reply reached, or 0 when the text is not a ladder reply. */
export function rungIn(text: string): number {
  const m = text.match(LABEL_PATTERN);
  return m ? Number(m[1]) : 0;
}

/** Markdown for one rung of the ladder. `again` marks a repeat of the worked solution. */
export function renderRung(solution: Solution, rung: Rung, band: Band, again = false): string {
  if (solution.direct) return renderDirect(solution);
  const parts = [LABEL[rung], solution.problem];
  if (rung === 1) {
    parts.push(
      solution.nudge,
      `_${encouragement(band, seedOf(solution.problem))} Have a go and send me your answer — I'll check it. Or ask for another hint._`,
    );
  } else if (rung === 2) {
    parts.push(solution.hint, "_Send me your answer to check, or ask again for the full worked solution._");
  } else {
    if (again) parts.push("Here's the full solution again — read one step at a time and ask yourself why each step is allowed.");
    parts.push(
      solution.steps.map((s, i) => `${i + 1}. ${s}`).join("\n"),
      `**Answer:** ${solution.answer}`,
      "_To make it stick, try a similar problem on your own and send me your answer to check._",
    );
  }
  return parts.filter((p) => p !== "").join("\n\n");
}

/** One-step arithmetic: the answer straight away, with a way to check it. */
function renderDirect(solution: Solution): string {
  return [
    solution.answer,
    `**Check your work:** ${solution.direct!.check}`,
    "_Want a harder one? Send me a longer calculation and I'll walk you through it._",
  ].join("\n\n");
}
