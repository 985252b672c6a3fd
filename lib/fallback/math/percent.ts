// Percentages (of, what percent, reverse, increase/decrease, percent change) and ratios
// (simplify, share in a ratio, proportions). Each pattern names its quantities, so the steps can
// say what each number means.
import { byBand, type Band } from "../wording";
import { fmt, math } from "./engine";
import { numericSolution, type MathResult, type Solution } from "./types";

const N = "(\\d+(?:\\.\\d+)?)";
const PCT = "\\s*(?:%|percent|per cent)";
const PERCENT_WORD = "(?:%|percent(?:age)?|per cent)";

const OF = new RegExp(`${N}${PCT} of (?:a |an |the )?(?:number |total |amount )?${N}`);
const WHAT_PERCENT = [
  new RegExp(`${N} is what ${PERCENT_WORD} of ${N}`),
  new RegExp(`what ${PERCENT_WORD} (?:of ${N} is ${N}|is ${N} (?:out )?of ${N})`),
  new RegExp(`${N} (?:out of|of) ${N} (?:as|to|in|into) (?:a )?${PERCENT_WORD}`),
];
const REVERSE = new RegExp(`${N} is ${N}${PCT} of (?:what|a number|which number)`);
const CHANGE = new RegExp(`(increase|decrease|raise|reduce|lower) ${N} by ${N}${PCT}`);
const PERCENT_CHANGE = new RegExp(
  `${PERCENT_WORD} (?:increase|decrease|change)[^\\d]*from ${N} to ${N}|from ${N} to ${N}[^\\d]*${PERCENT_WORD} (?:increase|decrease|change)`,
);
const SIMPLIFY_RATIO = new RegExp(
  `(?:simplify (?:the )?ratio |ratio )?${N}\\s*:\\s*${N}(?:\\s*:\\s*${N})?(?: in (?:its )?(?:simplest|lowest) (?:form|terms)| simplified)?`,
);
const SHARE = new RegExp(`(?:share|divide|split)d? ${N} [^.?]*?in (?:the |a )?ratio (?:of )?${N}\\s*:\\s*${N}`);
const PROPORTION = new RegExp(`${N}\\s*:\\s*${N}\\s*=\\s*(?:${N}|([a-z]))\\s*:\\s*(?:${N}|([a-z]))`);

export function tryPercent(text: string, band: Band): MathResult | null {
  let m: RegExpMatchArray | null;
  if ((m = text.match(REVERSE))) return reverse(Number(m[1]), Number(m[2]), band);
  for (const re of WHAT_PERCENT) {
    m = text.match(re);
    if (m) {
      const [a, b] = m
        .slice(1)
        .filter((g) => g !== undefined)
        .map(Number);
      // "what percent of 80 is 20": whole first; every other wording gives the part first.
      return re === WHAT_PERCENT[1] && m[1] !== undefined ? whatPercent(b, a, band) : whatPercent(a, b, band);
    }
  }
  if ((m = text.match(CHANGE))) return change(m[1], Number(m[2]), Number(m[3]), band);
  if ((m = text.match(PERCENT_CHANGE))) {
    const [from, to] = m
      .slice(1)
      .filter((g) => g !== undefined)
      .map(Number);
    return percentChange(from, to, band);
  }
  if ((m = text.match(OF))) return percentOf(Number(m[1]), Number(m[2]), band);
  return null;
}

export function tryRatio(text: string, band: Band): MathResult | null {
  let m: RegExpMatchArray | null;
  if ((m = text.match(SHARE))) return share(Number(m[1]), Number(m[2]), Number(m[3]), band);
  if ((m = text.match(PROPORTION))) return proportion(m, band);
  if (/\bratio\b|simplest form|lowest terms|simplif/.test(text) && (m = text.match(SIMPLIFY_RATIO))) {
    return simplifyRatio(
      m
        .slice(1)
        .filter((g) => g !== undefined)
        .map(Number),
      band,
    );
  }
  return null;
}

function percentOf(p: number, whole: number, band: Band): Solution {
  const result = (p / 100) * whole;
  return numericSolution(
    "percent",
    `Find ${fmt(p)}% of ${fmt(whole)}.`,
    byBand(band, {
      elementary: `"Percent" means "out of 100". Try finding 10% of ${fmt(whole)} first (divide by 10), then build up to ${fmt(p)}%.`,
      high: `Turn ${fmt(p)}% into a decimal or a fraction over 100, then multiply.`,
    }),
    [
      `Change the percent to a decimal: $${fmt(p)}\\% = ${fmt(p / 100, 6)}$.`,
      `Multiply: $${fmt(p / 100, 6)} \\times ${fmt(whole)} = ${fmt(result)}$.`,
    ],
    `${fmt(p)}% of ${fmt(whole)} is $${fmt(result)}$`,
    fmt(result, 4),
    [result],
  );
}

function whatPercent(part: number, whole: number, band: Band): MathResult {
  if (whole === 0) return { unsupported: "A percentage of 0 isn't defined — you can't divide by zero." };
  const result = (part / whole) * 100;
  return numericSolution(
    "percent",
    `What percent of ${fmt(whole)} is ${fmt(part)}?`,
    byBand(band, {
      elementary: `Write it as a fraction: ${fmt(part)} out of ${fmt(whole)}. How could you make the bottom number 100?`,
      high: "Write part ÷ whole, then multiply by 100.",
    }),
    [
      `Write it as a fraction: $\\frac{${fmt(part)}}{${fmt(whole)}} = ${fmt(part / whole, 4)}$.`,
      `Multiply by 100: $${fmt(part / whole, 6)} \\times 100 = ${fmt(result, 2)}\\%$.`,
    ],
    `$${fmt(result, 2)}\\%$`,
    `${fmt(result, 4)}%`,
    [result],
    true,
  );
}

function reverse(part: number, p: number, band: Band): MathResult {
  if (p === 0) return { unsupported: "0% of any number is 0, so there's no single answer." };
  const whole = part / (p / 100);
  return numericSolution(
    "percent",
    `${fmt(part)} is ${fmt(p)}% of what number?`,
    byBand(band, {
      elementary: `If ${fmt(p)}% is ${fmt(part)}, what is 1%? Then find 100%.`,
      high: "Let the number be $n$: write $\\frac{p}{100} n = \\text{part}$ and solve for $n$.",
    }),
    [
      `Write an equation: $${fmt(p / 100, 6)} \\times n = ${fmt(part)}$.`,
      `Divide: $n = ${fmt(part)} \\div ${fmt(p / 100, 6)} = ${fmt(whole)}$.`,
    ],
    `The number is $${fmt(whole)}$`,
    fmt(whole, 4),
    [whole],
  );
}

function change(word: string, base: number, p: number, band: Band): Solution {
  const up = word === "increase" || word === "raise";
  const multiplier = up ? 1 + p / 100 : 1 - p / 100;
  const result = base * multiplier;
  return numericSolution(
    "percent",
    `${up ? "Increase" : "Decrease"} ${fmt(base)} by ${fmt(p)}%.`,
    byBand(band, {
      elementary: `Find ${fmt(p)}% of ${fmt(base)} first, then ${up ? "add it on" : "take it away"}.`,
      high: `Use a multiplier: ${up ? "1 + " : "1 − "}${fmt(p / 100, 6)}.`,
    }),
    [
      `Find ${fmt(p)}% of ${fmt(base)}: $${fmt(p / 100, 6)} \\times ${fmt(base)} = ${fmt((base * p) / 100)}$.`,
      `${up ? "Add it on" : "Take it away"}: $${fmt(base)} ${up ? "+" : "-"} ${fmt((base * p) / 100)} = ${fmt(result)}$ (same as $${fmt(base)} \\times ${fmt(multiplier, 6)}$).`,
    ],
    `$${fmt(result)}$`,
    fmt(result, 4),
    [result],
  );
}

function percentChange(from: number, to: number, band: Band): MathResult {
  if (from === 0) return { unsupported: "A percent change from 0 isn't defined." };
  const diff = to - from;
  const pct = (Math.abs(diff) / from) * 100;
  const kind = diff >= 0 ? "increase" : "decrease";
  return numericSolution(
    "percent",
    `Find the percent change from ${fmt(from)} to ${fmt(to)}.`,
    byBand(band, {
      elementary: "How much did it change by? Compare that change to where it started.",
      high: "Percent change = change ÷ original × 100.",
    }),
    [
      `Change: $${fmt(to)} - ${fmt(from)} = ${fmt(diff)}$.`,
      `Divide by the original and multiply by 100: $\\frac{${fmt(Math.abs(diff))}}{${fmt(from)}} \\times 100 = ${fmt(pct, 2)}\\%$ ${kind}.`,
    ],
    `a $${fmt(pct, 2)}\\%$ ${kind}`,
    `${fmt(pct, 4)}% ${kind}`,
    [pct],
    true,
  );
}

function simplifyRatio(parts: number[], band: Band): MathResult | null {
  if (parts.length < 2 || parts.some((p) => !Number.isInteger(p) || p === 0)) return null;
  const g = parts.reduce((a, b) => math.gcd(a, b) as number);
  const simple = parts.map((p) => p / g);
  return numericSolution(
    "ratio",
    `Simplify the ratio $${parts.join(":")}$.`,
    byBand(band, {
      elementary: "Find the biggest number that goes into all the parts, and divide each part by it.",
      high: "Divide every part by their highest common factor.",
    }),
    [`The highest common factor of ${parts.join(" and ")} is ${g}.`, `Divide each part by ${g}: $${simple.join(":")}$.`],
    `$${simple.join(":")}$`,
    simple.join(":"),
    simple,
  );
}

function share(total: number, a: number, b: number, band: Band): MathResult {
  const one = total / (a + b);
  return numericSolution(
    "ratio",
    `Share ${fmt(total)} in the ratio $${fmt(a)}:${fmt(b)}$.`,
    byBand(band, {
      elementary: `Think of ${fmt(a)} + ${fmt(b)} equal parts. How big is one part?`,
      high: "Add the ratio parts to get the total number of shares, find one share, then scale.",
    }),
    [
      `Total parts: $${fmt(a)} + ${fmt(b)} = ${fmt(a + b)}$. One part: $${fmt(total)} \\div ${fmt(a + b)} = ${fmt(one)}$.`,
      `So the shares are $${fmt(a)} \\times ${fmt(one)} = ${fmt(a * one)}$ and $${fmt(b)} \\times ${fmt(one)} = ${fmt(b * one)}$.`,
    ],
    `$${fmt(a * one)}$ and $${fmt(b * one)}$`,
    `${fmt(a * one, 4)} and ${fmt(b * one, 4)}`,
    [a * one, b * one],
  );
}

function proportion(m: RegExpMatchArray, band: Band): MathResult | null {
  // a:b = c:d with exactly one unknown among c, d.
  const a = Number(m[1]);
  const b = Number(m[2]);
  const c = m[3] !== undefined ? Number(m[3]) : null;
  const d = m[5] !== undefined ? Number(m[5]) : null;
  const unknown = m[4] ?? m[6];
  if ((c === null) === (d === null) || !unknown || a === 0) return null;
  const value = c === null ? (a * d!) / b : (b * c) / a;
  const setup =
    c === null
      ? `$${unknown} = \\frac{${fmt(a)} \\times ${fmt(d!)}}{${fmt(b)}}$`
      : `$${unknown} = \\frac{${fmt(b)} \\times ${fmt(c)}}{${fmt(a)}}$`;
  return numericSolution(
    "ratio",
    `Solve the proportion $${m[0]}$.`,
    byBand(band, {
      elementary:
        "The two ratios are equal. What did you multiply the first part by to get the other first part? Do the same to the second part.",
      high: "Write both ratios as fractions and cross-multiply.",
    }),
    [`Equal ratios have equal cross-products, so ${setup}.`, `So $${unknown} = ${fmt(value)}$.`],
    `$${unknown} = ${fmt(value)}$`,
    `${unknown} = ${fmt(value, 4)}`,
    [value],
  );
}
