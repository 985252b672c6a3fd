// Area, perimeter, circumference, volume and surface area of common shapes. The formulas are mathjs
// expressions compiled once; π is a variable (p) so the exact "9π" form can be shown beside the decimal.
import type { EvalFunction } from "mathjs";
import { byBand, type Band } from "../wording";
import { fmt, math, niceFraction, parseSafe } from "./engine";
import { quadraticCoefficients } from "./poly";
import { numbersIn, wordsToNumbers } from "./normalize";
import type { MathResult } from "./types";

type Quantity = "area" | "perimeter" | "volume" | "surface";
type Dim = "l" | "w" | "h" | "b" | "s" | "r" | "a" | "c";

interface Formula {
  /** mathjs source with dimension letters and p for π, e.g. "2(l + w)". */
  src: string;
  expr: EvalFunction;
  /** LaTeX formula with dimension letters, e.g. "A = l \times w". */
  tex: string;
  needs: Dim[];
}

const f = (src: string, tex: string, needs: Dim[]): Formula => ({ src, expr: math.compile(src), tex, needs });

// Shape → quantity → formula. Order of `needs` is also the order unnamed numbers are assigned in.
const SHAPES: { name: string; match: RegExp; formulas: Partial<Record<Quantity, Formula>> }[] = [
  { name: "cube", match: /\bcubes?\b/, formulas: { volume: f("s^3", "V = s^3", ["s"]), surface: f("6 s^2", "SA = 6s^2", ["s"]) } },
  {
    name: "rectangular prism",
    match: /\b(rectangular prism|cuboid|box|tank|aquarium|room)\b/,
    formulas: {
      volume: f("l w h", "V = l \\times w \\times h", ["l", "w", "h"]),
      surface: f("2(l w + l h + w h)", "SA = 2(lw + lh + wh)", ["l", "w", "h"]),
    },
  },
  {
    name: "cylinder",
    match: /\b(cylinder|can|pipe)\b/,
    formulas: {
      volume: f("p r^2 h", "V = \\pi r^2 h", ["r", "h"]),
      surface: f("2 p r^2 + 2 p r h", "SA = 2\\pi r^2 + 2\\pi r h", ["r", "h"]),
    },
  },
  { name: "cone", match: /\bcones?\b/, formulas: { volume: f("p r^2 h / 3", "V = \\tfrac{1}{3}\\pi r^2 h", ["r", "h"]) } },
  {
    name: "sphere",
    match: /\b(sphere|ball)\b/,
    formulas: { volume: f("4/3 p r^3", "V = \\tfrac{4}{3}\\pi r^3", ["r"]), surface: f("4 p r^2", "SA = 4\\pi r^2", ["r"]) },
  },
  {
    name: "circle",
    match: /\b(circle|circular|pizza|wheel)\b/,
    formulas: { area: f("p r^2", "A = \\pi r^2", ["r"]), perimeter: f("2 p r", "C = 2\\pi r", ["r"]) },
  },
  {
    name: "trapezoid",
    match: /\b(trapezoid|trapezium)\b/,
    formulas: { area: f("(a + b) h / 2", "A = \\tfrac{1}{2}(a + b)h", ["a", "b", "h"]) },
  },
  { name: "parallelogram", match: /\bparallelogram\b/, formulas: { area: f("b h", "A = b \\times h", ["b", "h"]) } },
  {
    name: "triangle",
    match: /\btriangle\b/,
    formulas: { area: f("b h / 2", "A = \\tfrac{1}{2} b h", ["b", "h"]), perimeter: f("a + b + c", "P = a + b + c", ["a", "b", "c"]) },
  },
  {
    name: "square",
    match: /\bsquare\b(?! (?:root|units?|feet|foot|meters?|metres?|cm|centimeters?|inches|miles|km))/,
    formulas: { area: f("s^2", "A = s^2", ["s"]), perimeter: f("4 s", "P = 4s", ["s"]) },
  },
  {
    name: "rectangle",
    match: /\b(rectangle|rectangular|garden|field|room|floor|yard|playground)\b/,
    formulas: { area: f("l w", "A = l \\times w", ["l", "w"]), perimeter: f("2(l + w)", "P = 2(l + w)", ["l", "w"]) },
  },
];

const QUANTITY: [RegExp, Quantity][] = [
  [/\bsurface area\b/, "surface"],
  [/\b(volume|how much (water|space)|hold|capacity)\b/, "volume"],
  [/\b(area|carpet|cover|tiles?|how much (grass|paint))\b/, "area"],
  [/\b(perimeter|circumference|fence|fencing|border|around|trim)\b/, "perimeter"],
];

const NUM = "(\\d+(?:\\.\\d+)?)";
const NAMED: [Dim, RegExp][] = [
  ["r", new RegExp(`\\bradius (?:is |of |=\\s*)?${NUM}|${NUM}\\s*[a-z]*\\s*radius\\b|\\br\\s*=\\s*${NUM}`)],
  ["l", new RegExp(`\\blength (?:is |of |=\\s*)?${NUM}|${NUM}\\s*[a-z]*\\s*long\\b|\\bl\\s*=\\s*${NUM}`)],
  ["w", new RegExp(`\\bwidth (?:is |of |=\\s*)?${NUM}|${NUM}\\s*[a-z]*\\s*wide\\b|\\bw\\s*=\\s*${NUM}`)],
  ["h", new RegExp(`\\b(?:height|depth) (?:is |of |=\\s*)?${NUM}|${NUM}\\s*[a-z]*\\s*(?:high|tall|deep)\\b|\\bh\\s*=\\s*${NUM}`)],
  ["b", new RegExp(`\\bbase (?:is |of |=\\s*)?${NUM}|\\bb\\s*=\\s*${NUM}`)],
  ["s", new RegExp(`\\b(?:side|edge)s?(?: length)? (?:is |of |=\\s*)?${NUM}|\\bs\\s*=\\s*${NUM}`)],
];
const DIAMETER = new RegExp(`\\bdiameter (?:is |of |=\\s*)?${NUM}|${NUM}\\s*[a-z]*\\s*(?:diameter|across)\\b`);
/** "a perimeter of 20", "its area is 36": a quantity that is given, so a measurement is asked for. */
const GIVEN = new RegExp(
  `\\b(area|perimeter|circumference|volume)(?:(?: is| of| =| equals| measures)? | of (?:the |a |an |this |that |its |my )?[a-z]+ (?:is|=|equals|measures) )${NUM}`,
);
const ASK_DIM = /\b(width|length|height|side(?: length)?|radius|diameter|base)\b(?![^?.]*\b(?:is|of) \d)|\bhow (wide|long|tall|high)\b/;
const BASES = new RegExp(`\\b(?:bases|parallel sides)(?: are| of)? ${NUM}\\s*[a-z]*\\s*(?:and|,)\\s*${NUM}`);
const UNIT =
  /\d\s*(mm|cm|km|m|in(?! (?:the|a|an|each|total)\b)|inches|inch|ft|feet|foot|yd|yards?|meters?|metres?|centimeters?|centimetres?|units?)\b/;
const UNIT_SHORT: Record<string, string> = {
  inches: "in",
  inch: "in",
  feet: "ft",
  foot: "ft",
  yards: "yd",
  yard: "yd",
  meter: "m",
  meters: "m",
  metre: "m",
  metres: "m",
  centimeter: "cm",
  centimeters: "cm",
  centimetre: "cm",
  centimetres: "cm",
  unit: "units",
  units: "units",
};

export function tryGeometry(text: string, band: Band): MathResult | null {
  const s = wordsToNumbers(text);
  const given = s.match(GIVEN);
  if (given) return workBackwards(s, given, band);
  const quantity = QUANTITY.find(([re]) => re.test(s))?.[1];
  const circle = /\bcircumference\b/.test(s) ? SHAPES.find((sh) => sh.name === "circle") : undefined;
  // "room" is a box for volume but a rectangle for carpet, so prefer a shape that has the formula.
  const shape =
    SHAPES.find((sh) => sh.match.test(s) && quantity && sh.formulas[quantity]) ?? SHAPES.find((sh) => sh.match.test(s)) ?? circle;
  if (!quantity || !shape || numbersIn(s).length === 0) return null;
  const formula = shape.formulas[quantity];
  if (!formula) return { unsupported: `I don't have a ${label(quantity, shape.name)} formula for a ${shape.name} in practice mode.` };
  const dims = readDimensions(s, formula.needs);
  const missing = formula.needs.filter((d) => dims[d] === undefined);
  if (missing.length > 0)
    return {
      unsupported: `To find the ${label(quantity, shape.name)} of the ${shape.name} I need its ${missing.map(dimName).join(" and ")}. Could you add ${missing.length > 1 ? "them" : "it"}?`,
    };
  const scope = { ...dims, p: Math.PI };
  const value = formula.expr.evaluate(scope) as number;
  const piMultiple = formula.tex.includes("\\pi") ? niceFraction(formula.expr.evaluate({ ...dims, p: 1 }) as number) : null;
  const unitMatch = s.match(UNIT)?.[1];
  const unit = unitMatch ? (UNIT_SHORT[unitMatch] ?? unitMatch) : "";
  const power = quantity === "volume" ? "³" : quantity === "perimeter" ? "" : "²";
  const unitText =
    unit === ""
      ? ""
      : unit === "units"
        ? { perimeter: " units", volume: " cubic units", area: " square units", surface: " square units" }[quantity]
        : ` ${unit}${power}`;
  const substituted = formula.tex.replace(/\b([lwhbsrac])\b/g, (d) => (d in dims ? `(${fmt(dims[d as Dim]!)})` : d));
  const exactPi = piMultiple ? `${fmt(piMultiple.valueOf())}\\pi \\approx ` : "";
  const answerNumber = fmt(value, 2);
  const symbol = formula.tex.split(" =")[0];
  const diameter = dims.r !== undefined && DIAMETER.test(s);
  const radiusNote = diameter ? `The radius is half the diameter: $r = ${fmt(dims.r!)}$. ` : "";
  const steps = [
    `${radiusNote}Use the formula $${formula.tex}$.`,
    `Substitute the measurements: $${substituted}$.`,
    `Work it out: $${symbol} = ${exactPi}${answerNumber}$${unitText}.`,
  ];
  return {
    family: "geometry",
    problem: `Find the ${label(quantity, shape.name)} of a ${shape.name} with ${formula.needs.map((d) => `${dimName(d)} ${fmt(dims[d]!)}${unit && unit !== "units" ? ` ${unit}` : ""}`).join(", ")}${diameter ? ` (diameter ${fmt(dims.r! * 2)})` : ""}.`,
    nudge: byBand(band, {
      elementary:
        quantity === "area"
          ? "Area is how much flat space the shape covers. Which measurements do you multiply?"
          : quantity === "perimeter"
            ? "Perimeter is the distance all the way around. Add up every side."
            : "Volume is how much space is inside. Which measurements do you multiply?",
      high: `Which formula gives the ${label(quantity, shape.name)} of a ${shape.name}? Write it down before putting numbers in.`,
    }),
    hint: `${steps[0]} Now put your numbers in and work it out.`,
    steps,
    answer: `${symbol.replace("SA", "Surface area")} $= ${exactPi}${answerNumber}$${unitText}`,
    finalAnswer: `${answerNumber}${unitText}`,
    expected: { kind: "numbers", values: [value], ordered: true },
  };
}

/**
 * "A rectangle has a perimeter of 20 and a length of 6 — what is the width?": put what is known into
 * the formula, solve the resulting linear or quadratic equation for the one missing measurement,
 * then answer that measurement or the quantity asked for (the area of a square with perimeter 20).
 */
function workBackwards(s: string, given: RegExpMatchArray, band: Band): MathResult | null {
  const givenQ: Quantity = given[1] === "circumference" ? "perimeter" : (given[1] as Quantity);
  const target = Number(given[2]);
  const shape =
    SHAPES.find((sh) => sh.match.test(s) && sh.formulas[givenQ]) ??
    (givenQ === "perimeter" && given[1] === "circumference" ? SHAPES.find((sh) => sh.name === "circle") : undefined);
  if (!shape) return null;
  const formula = shape.formulas[givenQ]!;
  const rest = s.replace(given[0], " ");
  const dims = readDimensions(rest, formula.needs);
  const unknown = formula.needs.filter((d) => dims[d] === undefined);
  if (unknown.length !== 1)
    return {
      unsupported: `Working backwards from the ${label(givenQ, shape.name)}, I need all but one of the ${shape.name}'s measurements.`,
    };
  const [u] = unknown;
  const value = solveFor(formula, dims, u, target);
  if (value === null) return { unsupported: `I couldn't work backwards from that ${label(givenQ, shape.name)} reliably in practice mode.` };
  const known = { ...dims, [u]: value };
  const withKnown = formula.tex
    .replace(/\b([lwhbsrac])\b/g, (d) => (d === u ? d : d in dims ? `${fmt(dims[d as Dim]!)}` : d))
    .replace(/^[A-Z]+ =/, `${fmt(target)} =`);
  const steps = [`Use $${formula.tex}$ and put in what you know: $${withKnown}$.`, `Solve for $${u}$: $${u} = ${fmt(value, 4)}$.`];
  const askedQ = QUANTITY.map(([re, q]) => (re.test(rest) && q !== givenQ ? q : null)).find((q) => q && shape.formulas[q]);
  const askedDim = rest.match(ASK_DIM);
  let answer = value;
  let what = dimName(u);
  if (askedQ) {
    const other = shape.formulas[askedQ]!;
    answer = other.expr.evaluate({ ...known, p: Math.PI }) as number;
    what = label(askedQ, shape.name);
    steps.push(`Now the ${what}: $${other.tex} = ${fmt(answer, 2)}$.`);
  } else if (askedDim && /diameter/.test(askedDim[0]) && u === "r") {
    answer = 2 * value;
    what = "diameter";
    steps.push(`The diameter is twice the radius: $${fmt(answer, 4)}$.`);
  }
  return {
    family: "geometry",
    problem: `A ${shape.name} has ${label(givenQ, shape.name)} ${fmt(target)}. Find its ${what}.`,
    nudge: byBand(band, {
      elementary: `Work backwards: what do you know about the ${label(givenQ, shape.name)} of a ${shape.name}? Which number is missing?`,
      high: `Work backwards: write the ${label(givenQ, shape.name)} formula, substitute what you know, and solve for the missing measurement.`,
    }),
    hint: `${steps[0]} Now solve for $${u}$.`,
    steps,
    answer: `The ${what} is $${fmt(answer, 2)}$.`,
    finalAnswer: fmt(answer, 2),
    expected: { kind: "numbers", values: [answer], ordered: true },
  };
}

/** The positive value of `unknown` that makes the formula equal `target`, via its polynomial coefficients. */
function solveFor(formula: Formula, dims: Partial<Record<Dim, number>>, unknown: Dim, target: number): number | null {
  const src = formula.src.replace(/\b([lwhbsrac])\b/g, (d) => (d === unknown ? "(u)" : `(${dims[d as Dim]})`)).replace(/\bp\b/g, "(pi)");
  const node = parseSafe(`${src} - (${target})`, ["u"]);
  const coeffs = node ? quadraticCoefficients(node, "u") : null;
  if (!coeffs) return null;
  const [c, b, a] = coeffs.map((x) => x.value);
  const roots =
    Math.abs(a) < 1e-12
      ? Math.abs(b) < 1e-12
        ? []
        : [-c / b]
      : b * b - 4 * a * c < 0
        ? []
        : [(-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a), (-b - Math.sqrt(b * b - 4 * a * c)) / (2 * a)];
  const positive = roots.filter((r) => r > 1e-12);
  return positive.length > 0 ? Math.max(...positive) : null;
}

/** Named measurements first ("radius 3", "5 cm wide"), then unnamed numbers fill the rest in order. */
function readDimensions(s: string, needs: Dim[]): Partial<Record<Dim, number>> {
  const dims: Partial<Record<Dim, number>> = {};
  let rest = s;
  // Each named measurement is taken out of the text, so the numbers left over are the unnamed ones.
  const take = (re: RegExp): RegExpMatchArray | null => {
    const m = rest.match(re);
    if (m) rest = rest.replace(m[0], " ");
    return m;
  };
  const first = (m: RegExpMatchArray) => Number(m.slice(1).find((g) => g !== undefined));
  const bases = needs.includes("a") ? take(BASES) : null;
  if (bases) [dims.a, dims.b] = [Number(bases[1]), Number(bases[2])];
  const diameter = take(DIAMETER);
  if (diameter) dims.r = first(diameter) / 2;
  for (const [d, re] of NAMED) {
    const wanted = needs.includes(d) || (d === "l" && needs.includes("s")) || (d === "s" && needs.includes("l"));
    if (!wanted || dims[d] !== undefined) continue;
    const m = take(re);
    if (m) dims[d] = first(m);
  }
  if (needs.includes("s") && dims.s === undefined) dims.s = dims.l;
  const spare = numbersIn(rest);
  for (const d of needs) if (dims[d] === undefined && spare.length > 0) dims[d] = spare.shift();
  return dims;
}

function label(q: Quantity, shape: string): string {
  if (q === "perimeter" && shape === "circle") return "circumference";
  return q === "surface" ? "surface area" : q;
}

function dimName(d: Dim): string {
  return { l: "length", w: "width", h: "height", b: "base", s: "side length", r: "radius", a: "first parallel side", c: "third side" }[d];
}
