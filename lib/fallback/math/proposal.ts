// Finds the answer a student is proposing ("i got x = 4", "is 12 right?", "3/4 + 1/2 = 5/4?") and
// separates it from any problem in the same message, so the two can be checked against each other.
import { findEquations } from "./equation";
import { normalize } from "./normalize";
import { parseProposal, type Proposal } from "./check";

const UNITS = "cm|mm|m|km|in|inches|ft|feet|units?|cm\\^2|m\\^2|cm\\^3|m\\^3|degrees?|miles|hours|minutes|kg|g|dollars|cents";
const VALUE = `(?:[a-z]+\\s*(?:=|<=|>=|<|>)\\s*)?-?\\d+(?:\\.\\d+)?(?:\\s*/\\s*\\d+)?\\s*%?(?:\\s*(?:${UNITS})\\b)?`;
const ANSWER = `(?:${VALUE}(?:\\s*(?:,|and|or|&)\\s*${VALUE})*|no (?:real )?solutions?|all real numbers|infinitely many(?: solutions)?|none|(?:they'?re |they are )?(?:equal|the same))`;

const LED_BY_PHRASE = new RegExp(
  `\\b(?:i got|i get|i've got|ive got|i found|i calculated|i worked out|i came up with|i ended up with|i put|i said|i wrote|i think (?:it'?s|its|it is|the answer is|that it'?s|it'?ll be)|i think|my answer (?:is|was|=)|my ans(?:wer)? is|the answer (?:is|was|=)|answer\\s*(?::|=|is)|is (?:it|the answer)|would (?:it|the answer) be|should (?:it|the answer) be|(?:mean|median|mode|range|area|perimeter|volume|hypotenuse|total) (?:is|=|would be))\\s+(${ANSWER})`,
);
const IS_IT_RIGHT = new RegExp(`\\bis\\s+(${ANSWER})\\s+(?:right|correct|wrong|the (?:right |correct )?answer|a solution|true)\\b`);
const THEN_RIGHT = new RegExp(`(${ANSWER})\\s*[,.!]?\\s*(?:is (?:that|this|it) |am i |was i )?(?:right|correct|wrong)\\b`);
// "my answer for the hypotenuse with legs 5 and 12 is 13": the value at the very end, when the
// student has said it's their answer.
const CLAIMS_ANSWER = /\b(?:my answer|i got|i think|i put|i said|did i)\b/;
const ENDS_WITH_VALUE = new RegExp(`\\b(?:is|=|was|be)\\s+(${ANSWER})\\s*[?.!]*\\s*$`);
const BARE = new RegExp(`^\\s*(?:(?:it'?s|its|is it|maybe|um+|uh+|so|ok(?:ay)?|hmm+|then|i think)\\s+)?(${ANSWER})\\s*[?!.]*\\s*$`);

/** Words that make a message a request to check, even without an obvious answer phrase. */
export const VERIFY_WORDS = /\b(right|correct|wrong|check|mark|did i get|am i)\b/;
/** "is my answer right?" — a request to check with no answer in it. */
export const ASKS_TO_CHECK =
  /\b(?:is|was) (?:my|this|that|it) (?:answer |working )?(?:right|correct)\b|\bcheck (?:my|this) (?:answer|work(?:ing)?)\b|\bdid i (?:get|do) (?:it|this|that) right\b|\bam i right\b/;

export interface CheckRequest {
  proposal: Proposal;
  /** The message without the proposal — may still contain the problem. */
  rest: string;
}

export function extractCheck(message: string): CheckRequest | null {
  const s = normalize(message);
  // "3/4 + 1/2 = 5/4?" — an equation with no letters is a calculation with the student's answer.
  const numeric = findEquations(s).find((e) => e.variables.length === 0 && e.relation === "=");
  if (numeric) return { proposal: parseProposal(numeric.rhs.toString()), rest: numeric.lhs.toString() };
  for (const re of [IS_IT_RIGHT, LED_BY_PHRASE, THEN_RIGHT, ...(CLAIMS_ANSWER.test(s) ? [ENDS_WITH_VALUE] : [])]) {
    const m = s.match(re);
    if (m) return { proposal: parseProposal(m[1]), rest: `${s.slice(0, m.index)} ${s.slice((m.index ?? 0) + m[0].length)}` };
  }
  return null;
}

/** A message that is only an answer ("x = 4", "12?", "2 and 3") — meaningful only after a problem. */
export function bareAnswer(message: string): Proposal | null {
  const m = normalize(message).match(BARE);
  return m ? parseProposal(m[1]) : null;
}
