// Reads the conversation so far. The app is stateless, so "another hint" or "I don't get it" only
// makes sense by finding the last problem or topic the student asked about in the history, and
// the ladder rung our earlier replies reached (they carry a "Hint n of 3" label).
import type { HistoryTurn } from "@/lib/tutor/types";
import { rungIn } from "./math/hints";
import { mathRuns, hasOperation, normalize } from "./math/normalize";
import { readMathProblem } from "./math/parse-problem";
import { bareAnswer, extractCheck } from "./math/proposal";
import type { MathResult } from "./math/types";
import { detectUnsafe, type SafetyCategory } from "./safety";
import type { Band } from "./wording";

export type Prior =
  | { kind: "math"; result: MathResult; rung: number }
  | { kind: "concept"; query: string }
  | { kind: "safety"; category: SafetyCategory }
  | null;

/** How far back to look: enough for a problem and a few rounds of hints, cheap enough for the hot path. */
const MAX_USER_TURNS = 6;

const FOLLOW_UP =
  /\b(hints?|clues?|help|stuck|confused|lost|(?:don'?t|dont|do not|didn'?t|didnt) (?:get|understand|know)|idk|dunno|not sure|next|and then|then what|keep going|go on|continue|show me|explain|again|answer|solution|give up|walk me through|step by step|how|why|what do i do|what now|huh|more|simpler|easier|another|one more|ok(?:ay)? and|what\?|\?\?+)\b|^\s*\?+\s*$|^\s*(what|huh|how|why)\s*\??\s*$/;

/** A short "another hint" / "I don't get it" that continues the previous problem or topic. */
export function isFollowUp(message: string): boolean {
  const s = normalize(message);
  if (s.split(/\s+/).length > 14) return false;
  // Numbers with an operation, a percent, or several numbers mean a new problem, not "next hint".
  if (mathRuns(s).some((r) => hasOperation(r.text)) || /%/.test(s) || (s.match(/\d+(?:\.\d+)?/g) ?? []).length > 1) return false;
  // "explain photosynthesis" names a new topic; "explain that step again" doesn't.
  const topicWords = s.match(/[a-z']{4,}/g)?.filter((w) => !FILLER.has(w.replace(/'/g, ""))) ?? [];
  return FOLLOW_UP.test(s) && topicWords.length === 0;
}

const FILLER = new Set(
  (
    "dont didnt doesnt understand know still really just please can could would will give show tell another hint hints clue clues help stuck " +
    "confused lost next step steps more again answer solution what whats how why then okay yeah nope dunno explain keep going continue walk " +
    "through easier simpler part little work working mean means sure thanks thank wait hmmm well like about first last second third " +
    "tried sorry want need same problem question previous before that this with doing done have make makes made thing other from where which " +
    "they there them their your youre when does right very much understood getting hard difficult after should start begin " +
    "going supposed"
  ).split(" "),
);

export const CONCEPT_QUESTION =
  /^(?:(?:can you |could you |pls |please )?(?:tell me )?)?(?:what|wat|wht|whats|what's|who|define|explain|how (?:does|do|did|is|are)|why|meaning of|definition of|tell me about|describe)\b/;

export function priorTopic(history: HistoryTurn[], band: Band): Prior {
  let rung = 0;
  let seen = 0;
  for (let i = history.length - 1; i >= 0 && seen < MAX_USER_TURNS; i--) {
    const turn = history[i];
    if (turn.role === "assistant") {
      rung = Math.max(rung, rungIn(turn.content));
      continue;
    }
    seen++;
    const text = turn.content;
    // "help" or "what do I do" right after a worrying message is about that, not about homework.
    const category = detectUnsafe(text);
    if (category) return { kind: "safety", category };
    const check = extractCheck(text);
    const result = readMathProblem(check ? check.rest : text, band) ?? (check ? readMathProblem(text, band) : null);
    if (result) return { kind: "math", result, rung };
    // Follow-ups and answers belong to an earlier problem: keep looking back.
    if (check || bareAnswer(text) || isFollowUp(text)) continue;
    if (CONCEPT_QUESTION.test(normalize(text))) return { kind: "concept", query: text };
    return null;
  }
  return null;
}
