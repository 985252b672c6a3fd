// Mean, median, mode and range of a list of numbers, computed with mathjs and explained the way
// they're taught: sort first, then add-and-share, find the middle, count repeats, subtract.
import { byBand, type Band } from "../wording";
import { fmt, math } from "./engine";
import type { MathResult } from "./types";

type Measure = "mean" | "median" | "mode" | "range";
const KEYWORDS: [RegExp, Measure][] = [
  [/\b(mean|average|avg)\b/, "mean"],
  [/\bmedian\b/, "median"],
  [/\bmode\b/, "mode"],
  [/\brange\b/, "range"],
];
/** The longest comma/space/"and"-separated list of numbers: "80, 90, 75 and 85". */
const LIST = /-?\d+(?:\.\d+)?(?:(?:\s*[,;]\s*|\s+and\s+|\s+)-?\d+(?:\.\d+)?)+/g;

export function tryStats(text: string, band: Band): MathResult | null {
  const measures = KEYWORDS.filter(([re]) => re.test(text)).map(([, m]) => m);
  if (measures.length === 0) return null;
  const lists = [...text.matchAll(LIST)].map((m) => m[0].match(/-?\d+(?:\.\d+)?/g)!.map(Number));
  const values = lists.reduce<number[]>((best, l) => (l.length > best.length ? l : best), []);
  if (values.length < 2) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const parts = measures.map((m) => compute(m, values, sorted));
  const listTex = values.map((v) => fmt(v)).join(", ");
  const sortedTex = sorted.map((v) => fmt(v)).join(", ");
  const steps = [`Put the numbers in order: $${sortedTex}$ (${values.length} numbers).`, ...parts.map((p) => p.step)];
  const answers = parts.flatMap((p) => p.values);
  const names = parts.flatMap((p) => p.values.map(() => p.measure));
  return {
    family: "stats",
    problem: `Find the ${measures.join(", ")} of $${listTex}$.`,
    nudge: parts.map((p) => p.nudge(band)).join(" "),
    hint: `${steps[0]} ${parts.map((p) => p.hint).join(" ")}`,
    steps,
    answer: parts.map((p) => p.answer).join(", "),
    finalAnswer: parts.map((p) => p.plain).join(", "),
    expected:
      answers.length === 0 ? { kind: "none", label: "no mode" } : { kind: "numbers", values: answers, names, ordered: parts.length > 1 },
  };
}

interface Part {
  measure: Measure;
  /** Empty when there is no mode; two or more for a list with several modes. */
  values: number[];
  step: string;
  hint: string;
  answer: string;
  plain: string;
  nudge: (band: Band) => string;
}

function compute(measure: Measure, values: number[], sorted: number[]): Part {
  const n = values.length;
  if (measure === "mean") {
    const sum = math.sum(values) as number;
    const mean = sum / n;
    const approx = Math.abs(Number(fmt(mean, 2)) - mean) > 1e-12;
    return {
      measure,
      values: [mean],
      step: `Mean: add them up, $${values.map((v) => fmt(v)).join(" + ")} = ${fmt(sum)}$, then divide by how many there are: $${fmt(sum)} \\div ${n} ${approx ? "\\approx" : "="} ${fmt(mean, 2)}$.`,
      hint: `For the mean, the total is $${fmt(sum)}$ — what do you divide it by?`,
      answer: `mean $${approx ? "\\approx" : "="} ${fmt(mean, 2)}$`,
      plain: `mean = ${fmt(mean, 4)}`,
      nudge: (band) =>
        byBand(band, {
          elementary:
            "The mean (average) is what each would get if you shared the total out equally: add them all up, then divide by how many numbers there are.",
          high: "Mean: sum divided by count.",
        }),
    };
  }
  if (measure === "median") {
    const median = math.median(values) as number;
    const mid =
      n % 2 === 1
        ? `the middle number is $${fmt(median)}$`
        : `the two middle numbers are $${fmt(sorted[n / 2 - 1])}$ and $${fmt(sorted[n / 2])}$, and halfway between them is $${fmt(median)}$`;
    return {
      measure,
      values: [median],
      step: `Median: with the numbers in order, ${mid}.`,
      hint: `For the median, find the middle of the ordered list${n % 2 === 0 ? " — with an even count there are two middle numbers" : ""}.`,
      answer: `median $= ${fmt(median)}$`,
      plain: `median = ${fmt(median, 4)}`,
      nudge: () => "The median is the middle value once the numbers are in order.",
    };
  }
  if (measure === "mode") {
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const top = Math.max(...counts.values());
    const modes = (math.mode(values) as number[]).sort((a, b) => a - b);
    const none = top === 1;
    return {
      measure,
      values: none ? [] : modes,
      step: none
        ? "Mode: every number appears once, so there is no mode."
        : `Mode: ${modes.map((m) => `$${fmt(m)}$`).join(" and ")} ${modes.length > 1 ? "each appear" : "appears"} ${top} times, more than any other.`,
      hint: "For the mode, count how many times each number appears.",
      answer: none ? "no mode" : `mode $= ${modes.map((m) => fmt(m)).join("$ and $")}$`,
      plain: none ? "mode: none" : `mode = ${modes.map((m) => fmt(m)).join(" and ")}`,
      nudge: () => "The mode is the value that appears most often.",
    };
  }
  const range = sorted[n - 1] - sorted[0];
  return {
    measure,
    values: [range],
    step: `Range: biggest minus smallest, $${fmt(sorted[n - 1])} - ${fmt(sorted[0])} = ${fmt(range)}$.`,
    hint: "For the range, take the smallest number away from the biggest.",
    answer: `range $= ${fmt(range)}$`,
    plain: `range = ${fmt(range, 4)}`,
    nudge: () => "The range is how spread out the numbers are: biggest minus smallest.",
  };
}
