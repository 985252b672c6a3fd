// Shared pieces of the word-problem templates: how a template's answer becomes a Solution, and how
// quantities are picked out of the sentence.
import { byBand, type Band } from "../wording";
import { fmt } from "./engine";
import type { Solution } from "./types";

export const N = "(\\d+(?:\\.\\d+)?)";
export const MONEY = /\b(costs?|price[sd]?|pay|paid|spen[dt]|dollars?|cents?|pounds|euros?|bucks|earns?|saves?|sale|tip|tax|\$)/;

export type Template = (s: string, band: Band) => Solution | null;

export interface WordAnswer {
  /** What kind of problem, named for the student: "sharing", "unit-price". */
  kind: string;
  /** Which idea solves it — hint 2 and the first worked step. */
  plan: string;
  /** The calculation, ending in the result. */
  steps: string[];
  value: number;
  unit?: string;
  /** The calculation without its result, for hint 2; defaults to the last step with "= ?". */
  setup?: string;
  /** When the answer is more than one number (two numbers from their sum and difference). */
  values?: number[];
}

export function make(s: string, band: Band, { kind, plan, steps, value, unit = "", setup, values = [value] }: WordAnswer): Solution {
  const money = MONEY.test(s) && unit === "";
  const shown = money && !Number.isInteger(value) ? value.toFixed(2) : fmt(value, 4);
  const answerText = `${money ? "$" : ""}${shown}${unit ? ` ${unit}` : ""}`;
  return {
    family: "word",
    problem: `Word problem (${kind}).`,
    nudge: byBand(band, {
      elementary:
        "Read it again slowly. What numbers do you know, and what is the question asking for? Would you add, take away, multiply or share?",
      high: "Identify the known quantities and the unknown, then decide which operation (or formula) links them.",
    }),
    // Hint 2: the plan and the calculation to do, with the result left blank.
    hint: `${plan}\n\nSet it up: ${setup ? `$${setup} = ?$` : (steps[steps.length - 1] ?? "").replace(/=\s*[^=$]*\$\s*\.?$/, "= ?$")}`,
    steps: [plan, ...steps],
    answer: `**${values.length > 1 ? values.map((v) => fmt(v, 4)).join(" and ") : answerText.replace(/^\$/, "\\$")}**`,
    finalAnswer: values.length > 1 ? values.map((v) => fmt(v, 4)).join(" and ") : answerText,
    expected: { kind: "numbers", values, ordered: false },
  };
}

/** Finds the number written just before a unit word ("240 miles" for "mile"). */
export function amountOf(s: string, unit: string): number | null {
  const m = s.match(new RegExp(`${N}\\s+(?:[a-z]+\\s+)?${unit.slice(0, 4)}[a-z]*`));
  return m ? Number(m[1]) : null;
}
