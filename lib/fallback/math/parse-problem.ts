// Reads a maths problem out of a student's message by asking each family's solver in turn.
// Order matters: specific shapes of problem ("mean of…", "convert…", "15% of…") are tried before
// the general equation and expression readers, which would otherwise grab their numbers.
import type { Band } from "../wording";
import { tryArithmetic } from "./arithmetic";
import { tryEquation } from "./equation";
import { tryFractions } from "./fractions";
import { tryGeometry } from "./geometry";
import { normalize, wordsToNumbers } from "./normalize";
import { tryPercent, tryRatio } from "./percent";
import { tryPythagoras } from "./pythagoras";
import { tryStats } from "./stats";
import { trySystem } from "./systems";
import type { MathResult, Solver } from "./types";
import { tryUnits } from "./units";
import { tryWordProblem } from "./word-problems";

const SOLVERS: Solver[] = [
  tryStats,
  tryUnits,
  tryPythagoras,
  tryGeometry,
  tryFractions,
  tryPercent,
  tryRatio,
  trySystem,
  tryEquation,
  tryWordProblem,
  tryArithmetic,
];

/** Longer messages are essays or pasted passages, not problems; reading them would only waste time. */
const MAX_PROBLEM_CHARS = 600;

/** A solved (or recognised but unsupported) problem, or null when the text holds no maths problem. */
export function readMathProblem(text: string, band: Band): MathResult | null {
  if (text.length > MAX_PROBLEM_CHARS) return null;
  const s = normalize(text);
  // Only unit questions ("how many seconds in a day") can be maths without a digit.
  if (!/\d/.test(wordsToNumbers(s))) return tryUnits(s, band);
  for (const solve of SOLVERS) {
    const result = solve(s, band);
    if (result) return result;
  }
  return null;
}

const MATH_WORDS =
  /\b(solve|equation|calculate|simplify|factori[sz]e|factor|evaluate|expand|derivative|differentiate|integral|integrate|graph|slope|gradient|sin|cos|tan|log|logarithm|area|perimeter|volume|percent|percentage|fraction|decimal|mean|median|average|how many|how much|times|divided|plus|minus|multiply|sum|product|quotient|remainder|hypotenuse|triangle|ratio|convert)\b/;

/** Maths we could not read: maths words next to numbers, or letters mixed into operators. */
export function looksLikeMath(text: string): boolean {
  const s = normalize(text);
  return (
    (/\d/.test(s) && MATH_WORDS.test(s)) ||
    /[a-z0-9)]\s*[\^=<>]\s*[a-z0-9(]/.test(s) ||
    /\b(derivative|integral|integrate|differentiate|factori[sz]e)\b/.test(s)
  );
}
