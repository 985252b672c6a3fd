// Fraction, decimal and percent conversions, simplifying, comparing, and "a fraction of a number".
// Exact values come from mathjs Fractions, so 0.375 → 3/8 and 12/18 → 2/3 without float rounding.
import { byBand, type Band } from "../wording";
import { fmt, fraction, math } from "./engine";
import { numericSolution, type MathResult, type Solution } from "./types";

const N = "(\\d+(?:\\.\\d+)?)";
const FRAC = "(\\d+)\\s*/\\s*(\\d+)";
const SIMPLIFY = new RegExp(
  `(?:simplify|reduce|simplest form of|lowest terms of)\\s+(?:the fraction\\s+)?${FRAC}|${FRAC}\\s+(?:in|to) (?:its )?(?:simplest|lowest) (?:form|terms)`,
);
const TO_DECIMAL = new RegExp(`${FRAC}\\s+(?:as|to|into|in) (?:a )?decimal`);
const TO_PERCENT = new RegExp(`${FRAC}\\s+(?:as|to|into|in) (?:a )?(?:percent(?:age)?|%)`);
const DECIMAL_TO_FRACTION = new RegExp(`(\\d*\\.\\d+|\\d+(?:\\.\\d+)?\\s*%)\\s+(?:as|to|into|in) (?:a )?fraction`);
const PERCENT_TO_DECIMAL = new RegExp(`${N}\\s*%\\s+(?:as|to|into|in) (?:a )?decimal`);
const COMPARE = new RegExp(
  `(bigger|larger|greater|smaller|less|more)[^\\d]*${FRAC}\\s*(?:or|and|,)\\s*${FRAC}|${FRAC}\\s*(?:or|and|,)\\s*${FRAC}[^\\d]*(bigger|larger|greater|smaller|less|more)`,
);
const FRACTION_OF = new RegExp(`${FRAC}\\s+of\\s+${N}`);

export function tryFractions(text: string, band: Band): MathResult | null {
  let m: RegExpMatchArray | null;
  if ((m = text.match(COMPARE))) return compare(m, band);
  if ((m = text.match(SIMPLIFY))) {
    const [n, d] = m
      .slice(1)
      .filter((g) => g !== undefined)
      .map(Number);
    return simplify(n, d, band);
  }
  if ((m = text.match(TO_DECIMAL))) return toDecimal(Number(m[1]), Number(m[2]), false, band);
  if ((m = text.match(TO_PERCENT))) return toDecimal(Number(m[1]), Number(m[2]), true, band);
  if ((m = text.match(PERCENT_TO_DECIMAL))) return percentToDecimal(Number(m[1]));
  if ((m = text.match(DECIMAL_TO_FRACTION))) return toFraction(m[1], band);
  if ((m = text.match(FRACTION_OF))) return fractionOf(Number(m[1]), Number(m[2]), Number(m[3]), band);
  return null;
}

function simplify(n: number, d: number, band: Band): MathResult {
  if (d === 0) return { unsupported: "A fraction with 0 on the bottom isn't defined." };
  const g = math.gcd(n, d) as number;
  const f = fraction(n, d);
  const answer = Number(f.d) === 1 ? `${f.n}` : `${f.n}/${f.d}`;
  return numericSolution(
    "fractions",
    `Simplify $\\frac{${n}}{${d}}$.`,
    byBand(band, {
      elementary: `What is the biggest number that goes into both ${n} and ${d}?`,
      high: `Divide the numerator and denominator by their highest common factor.`,
    }),
    [
      `The highest common factor of ${n} and ${d} is ${g}.`,
      `Divide top and bottom by ${g}: $\\frac{${n} \\div ${g}}{${d} \\div ${g}} = ${Number(f.d) === 1 ? f.n : `\\frac{${f.n}}{${f.d}}`}$.`,
    ],
    `$${Number(f.d) === 1 ? f.n : `\\frac{${f.n}}{${f.d}}`}$`,
    answer,
    [n / d],
  );
}

function toDecimal(n: number, d: number, percent: boolean, band: Band): MathResult {
  if (d === 0) return { unsupported: "A fraction with 0 on the bottom isn't defined." };
  const value = n / d;
  const shown = fmt(percent ? value * 100 : value, 4);
  const approx = Math.abs(Number(shown) - (percent ? value * 100 : value)) > 1e-12 ? "\\approx" : "=";
  const steps = [`A fraction is a division: $\\frac{${n}}{${d}} = ${n} \\div ${d} ${approx} ${fmt(value, 6)}$.`];
  if (percent) steps.push(`Multiply by 100 to get a percent: $${fmt(value, 6)} \\times 100 ${approx} ${shown}\\%$.`);
  return numericSolution(
    "fractions",
    `Write $\\frac{${n}}{${d}}$ as a ${percent ? "percent" : "decimal"}.`,
    byBand(band, {
      elementary: `The fraction bar means "divided by". What is ${n} ÷ ${d}?`,
      high: `Divide the numerator by the denominator${percent ? ", then multiply by 100" : ""}.`,
    }),
    steps,
    `$\\frac{${n}}{${d}} ${approx} ${shown}${percent ? "\\%" : ""}$`,
    `${shown}${percent ? "%" : ""}`,
    [percent ? value * 100 : value],
    percent,
  );
}

function percentToDecimal(p: number): MathResult {
  return numericSolution(
    "fractions",
    `Write ${fmt(p)}% as a decimal.`,
    `"Percent" means "out of 100", so divide by 100.`,
    [`$${fmt(p)}\\% = \\frac{${fmt(p)}}{100} = ${fmt(p / 100, 6)}$.`],
    `$${fmt(p / 100, 6)}$`,
    fmt(p / 100, 6),
    [p / 100],
  );
}

function toFraction(raw: string, band: Band): MathResult {
  const isPercent = raw.includes("%");
  const num = Number(raw.replace("%", "").trim());
  const value = isPercent ? num / 100 : num;
  const places = (raw.replace("%", "").trim().split(".")[1] ?? "").length;
  const f = fraction(value);
  const over = isPercent ? `\\frac{${fmt(num)}}{100}` : `\\frac{${fmt(num * 10 ** places)}}{${10 ** places}}`;
  const simple = Number(f.d) === 1 ? `${f.n}` : `\\frac{${f.n}}{${f.d}}`;
  return numericSolution(
    "fractions",
    `Write ${raw.trim()} as a fraction.`,
    byBand(band, {
      elementary: isPercent
        ? `"Percent" means "out of 100". Write it over 100, then simplify.`
        : `Read the decimal out loud: 0.75 is "75 hundredths". Write that as a fraction, then simplify.`,
      high: isPercent ? "Write it over 100 and simplify." : "Write it over the matching power of 10 and simplify.",
    }),
    [`Write it over ${isPercent ? "100" : 10 ** places}: $${over}$.`, `Simplify: $${over} = ${simple}$.`],
    `$${simple}$`,
    Number(f.d) === 1 ? `${f.n}` : `${f.s * f.n}/${f.d}`,
    [value],
  );
}

function compare(m: RegExpMatchArray, band: Band): MathResult {
  const g = m.slice(1);
  const [word, a, b, c, d] = g[0] !== undefined ? [g[0], ...g.slice(1, 5).map(Number)] : [g[9], ...g.slice(5, 9).map(Number)];
  if (b === 0 || d === 0) return { unsupported: "A fraction with 0 on the bottom isn't defined." };
  const wantBigger = /bigger|larger|greater|more/.test(String(word));
  const common = math.lcm(b as number, d as number) as number;
  const [x, y] = [((a as number) * common) / (b as number), ((c as number) * common) / (d as number)];
  const first = `\\frac{${a}}{${b}}`;
  const second = `\\frac{${c}}{${d}}`;
  const equal = x === y;
  const pick = equal ? null : x > y === wantBigger ? [a, b] : [c, d];
  const solved = numericSolution(
    "fractions",
    `Which is ${wantBigger ? "bigger" : "smaller"}: $${first}$ or $${second}$?`,
    byBand(band, {
      elementary: "Make the bottom numbers the same, then compare the tops.",
      high: "Rewrite both over a common denominator (or convert both to decimals) and compare.",
    }),
    [
      `Use the common denominator ${common}: $${first} = \\frac{${x}}{${common}}$ and $${second} = \\frac{${y}}{${common}}$.`,
      equal
        ? "The tops are the same, so the fractions are equal."
        : `Compare the tops: ${Math.max(x, y)} is bigger than ${Math.min(x, y)}.`,
    ],
    equal ? "They are equal." : `$\\frac{${pick![0]}}{${pick![1]}}$ is ${wantBigger ? "bigger" : "smaller"}`,
    equal ? "equal" : `${pick![0]}/${pick![1]}`,
    equal ? [] : [(pick![0] as number) / (pick![1] as number)],
  );
  return equal ? { ...solved, expected: { kind: "none", label: "equal" } } : solved;
}

function fractionOf(n: number, d: number, whole: number, band: Band): MathResult {
  if (d === 0) return { unsupported: "A fraction with 0 on the bottom isn't defined." };
  const result = (whole / d) * n;
  return numericSolution(
    "fractions",
    `Find $\\frac{${n}}{${d}}$ of ${fmt(whole)}.`,
    byBand(band, {
      elementary: `Split ${fmt(whole)} into ${d} equal groups. How many are in ${n} of those groups?`,
      high: "Divide by the denominator, then multiply by the numerator.",
    }),
    [
      `Divide by the bottom number: $${fmt(whole)} \\div ${d} = ${fmt(whole / d)}$.`,
      `Multiply by the top number: $${fmt(whole / d)} \\times ${n} = ${fmt(result)}$.`,
    ],
    `$${fmt(result)}$`,
    fmt(result, 4),
    [result],
  );
}
