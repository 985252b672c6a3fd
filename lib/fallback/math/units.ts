// Unit conversions with mathjs units, so every factor comes from mathjs's tables rather than ours.
import { byBand, type Band } from "../wording";
import { fmt, math } from "./engine";
import type { MathResult } from "./types";

// Everyday words → mathjs unit names. Only units a school exercise would use.
const UNIT_WORDS: Record<string, string> = {
  mm: "mm",
  millimeter: "mm",
  millimetre: "mm",
  cm: "cm",
  centimeter: "cm",
  centimetre: "cm",
  m: "m",
  meter: "m",
  metre: "m",
  km: "km",
  kilometer: "km",
  kilometre: "km",
  in: "inch",
  inch: "inch",
  inches: "inch",
  ft: "ft",
  foot: "ft",
  feet: "ft",
  yd: "yd",
  yard: "yd",
  mi: "mile",
  mile: "mile",
  mg: "mg",
  milligram: "mg",
  g: "g",
  gram: "g",
  kg: "kg",
  kilogram: "kg",
  kilo: "kg",
  lb: "lb",
  lbs: "lb",
  pound: "lb",
  oz: "oz",
  ounce: "oz",
  ton: "tonne",
  tonne: "tonne",
  ml: "mL",
  milliliter: "mL",
  millilitre: "mL",
  l: "L",
  liter: "L",
  litre: "L",
  gallon: "gal",
  cup: "cup",
  pint: "pint",
  quart: "quart",
  s: "s",
  sec: "s",
  second: "s",
  min: "minute",
  minute: "minute",
  h: "hour",
  hr: "hour",
  hour: "hour",
  day: "day",
  week: "week",
  year: "year",
  mph: "mi/h",
  "km/h": "km/h",
  kph: "km/h",
  "m/s": "m/s",
  c: "degC",
  celsius: "degC",
  centigrade: "degC",
  f: "degF",
  fahrenheit: "degF",
  k: "K",
  kelvin: "K",
};

const UNIT_PATTERN = "(km/h|m/s|[a-z]+)";
const NUM = "(-?\\d+(?:\\.\\d+)?)";
const CONVERT = [
  // "convert 5 km to miles", "5 km in m", "72 degrees f to c", "what is 3.5 hours in minutes"
  new RegExp(`${NUM}\\s*(?:degrees?\\s*)?${UNIT_PATTERN}\\s+(?:to|in|into|as|=)\\s+(?:how many\\s+)?(?:degrees?\\s*)?${UNIT_PATTERN}`),
  // "how many cm are in 3.5 m", "how many seconds in a day"
  new RegExp(
    `how many\\s+(?:degrees?\\s*)?${UNIT_PATTERN}\\s+(?:are\\s+|is\\s+)?(?:there\\s+)?in\\s+(?:a\\s+|an\\s+|one\\s+)?${NUM}?\\s*(?:degrees?\\s*)?${UNIT_PATTERN}`,
  ),
];

export function tryUnits(text: string, band: Band): MathResult | null {
  const parsed = parse(text);
  if (!parsed) return null;
  const { value, from, to } = parsed;
  let result: number;
  try {
    result = math.unit(value, from).toNumber(to);
  } catch {
    return { unsupported: `I can't convert ${from} to ${to} — they measure different things (for example length and weight).` };
  }
  const temperature = /deg|^K$/.test(from) || /deg|^K$/.test(to);
  const factor = temperature ? null : math.unit(1, from).toNumber(to);
  const show = (n: number) => fmt(n, Math.abs(n) < 0.01 ? 6 : 4);
  const fromName = display(from);
  const toName = display(to);
  const steps = temperature
    ? [`Use the temperature formula: ${temperatureRule(from, to)}.`, `Put in ${show(value)}: the answer is $${show(result)}$ ${toName}.`]
    : [
        `Find the conversion factor: $1$ ${fromName} $= ${show(factor!)}$ ${toName}.`,
        `Multiply: $${show(value)} \\times ${show(factor!)} = ${show(result)}$.`,
      ];
  return {
    family: "units",
    problem: `Convert ${show(value)} ${fromName} to ${toName}.`,
    nudge: temperature
      ? "Temperature scales don't just multiply — they also have different zero points. Which formula links them?"
      : byBand(band, {
          elementary: `How many ${toName} make one ${fromName.replace(/s$/, "")}? Then use that for ${show(value)}.`,
          high: `Find how many ${toName} are in one ${fromName.replace(/s$/, "")}, then multiply — or divide if you're going from small units to big ones.`,
        }),
    hint: steps[0],
    steps,
    answer: `${show(value)} ${fromName} $${Number(show(result)) === result ? "=" : "\\approx"} ${show(result)}$ ${toName}`,
    finalAnswer: `${show(result)} ${toName}`,
    expected: { kind: "numbers", values: [result], ordered: true },
  };
}

function parse(text: string): { value: number; from: string; to: string } | null {
  const s = text.replace(/\bdegrees?\s+(celsius|fahrenheit|kelvin)\b/g, "$1").replace(/°\s*/g, "");
  const direct = s.match(CONVERT[0]);
  if (direct) {
    const from = unitOf(direct[2]);
    const to = unitOf(direct[3]);
    return from && to ? { value: Number(direct[1]), from, to } : null;
  }
  const howMany = s.match(CONVERT[1]);
  if (howMany) {
    const to = unitOf(howMany[1]);
    const from = unitOf(howMany[3]);
    return from && to ? { value: howMany[2] ? Number(howMany[2]) : 1, from, to } : null;
  }
  return null;
}

function unitOf(word: string): string | null {
  const w = word.toLowerCase();
  return UNIT_WORDS[w] ?? UNIT_WORDS[w.replace(/e?s$/, "")] ?? UNIT_WORDS[w.replace(/s$/, "")] ?? null;
}

function display(unit: string): string {
  const names: Record<string, string> = {
    degC: "°C",
    degF: "°F",
    K: "K",
    "mi/h": "mph",
    inch: "inches",
    ft: "feet",
    mile: "miles",
    hour: "hours",
    minute: "minutes",
    day: "days",
    week: "weeks",
    year: "years",
    s: "seconds",
    lb: "pounds",
    oz: "ounces",
    gal: "gallons",
    tonne: "tonnes",
    cup: "cups",
    pint: "pints",
    quart: "quarts",
    yd: "yards",
  };
  return names[unit] ?? unit;
}

function temperatureRule(from: string, to: string): string {
  if (from === "degF" && to === "degC") return "$C = (F - 32) \\times \\tfrac{5}{9}$";
  if (from === "degC" && to === "degF") return "$F = C \\times \\tfrac{9}{5} + 32$";
  if (from === "degC" && to === "K") return "$K = C + 273.15$";
  if (from === "K" && to === "degC") return "$C = K - 273.15$";
  return "convert through Celsius";
}
