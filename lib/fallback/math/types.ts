import type { Band } from "../wording";

export type MathFamily =
  | "arithmetic"
  | "fractions"
  | "percent"
  | "ratio"
  | "linear"
  | "inequality"
  | "quadratic"
  | "system"
  | "pythagoras"
  | "geometry"
  | "units"
  | "stats"
  | "word";

/** What a correct answer looks like, so a student's proposal can be checked against it. */
export type Expected =
  /** One or more numbers. `names` label them (x, y, mean…); `ordered` false for a set of roots. */
  | { kind: "numbers"; values: number[]; names?: string[]; ordered: boolean; percent?: boolean }
  | { kind: "inequality"; variable: string; relation: "<" | ">" | "<=" | ">="; value: number }
  /** Equations without a single answer: "no real solutions", "no solution", "all real numbers". */
  | { kind: "none"; label: string };

/** A solved problem, in every form the hint ladder and the answer checker need. */
export interface Solution {
  family: MathFamily;
  /** Markdown restatement: "Solve $2x + 3 = 11$." */
  problem: string;
  /** Hint 1: which idea to use, without doing any of the work. */
  nudge: string;
  /** Hint 2: the set-up and first step(s), leaving the finish to the student. */
  hint: string;
  /** The fully worked solution, one line per step. */
  steps: string[];
  /** Markdown answer line: "$x = 4$". */
  answer: string;
  /** Plain-text answer for evaluation: "x = 4", "x = 2 or x = 3", "78.54 cm²". */
  finalAnswer: string;
  expected: Expected;
  /** Short one-step sums are answered straight away with a way to check the work. */
  direct?: { check: string };
  /** How to verify a proposed answer independently, e.g. substitute it into the equation. */
  verify?: (value: number) => string | null;
}

/** Maths was recognised but is outside what practice mode can do reliably. */
export interface Unsupported {
  unsupported: string;
}

export type MathResult = Solution | Unsupported;

export function isSolution(r: MathResult | null): r is Solution {
  return r !== null && !("unsupported" in r);
}

/** A solver for one family: null means "not this kind of problem". */
export type Solver = (text: string, band: Band) => MathResult | null;

/** A solution whose answer is one or more numbers, checked in order (fractions, percentages, ratios). */
export function numericSolution(
  family: MathFamily,
  problem: string,
  nudge: string,
  steps: string[],
  answer: string,
  finalAnswer: string,
  values: number[],
  percent = false,
): Solution {
  return { family, problem, nudge, hint: steps[0], steps, answer, finalAnswer, expected: { kind: "numbers", values, ordered: true, percent } };
}
