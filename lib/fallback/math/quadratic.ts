// Quadratic equations: standard form, then factorising when the roots are rational (the way it is
// taught first) and the quadratic formula otherwise. Roots come from the coefficients, exactly when
// the discriminant is a perfect square.
import { byBand, type Band } from "../wording";
import { fmt, fmtExact, fraction, texExact, type Exactish } from "./engine";
import type { Equation } from "./equation";
import { describeSubstitution } from "./linear";
import { combine, div, isZero, mul, neg, texTerms } from "./poly";
import type { MathResult, Solution } from "./types";

export function solveQuadratic(eq: Equation, coeffs: Exactish[], band: Band): MathResult {
  const v = eq.variables[0];
  let [c, b, a] = coeffs;
  if (a.value < 0) [c, b, a] = [neg(c), neg(b), neg(a)];
  const standard = `${texTerms([a, b, c], [`${v}^2`, v, ""])} = 0`;
  const steps: string[] = [];
  if (eq.tex.replace(/[{}\s]/g, "") !== standard.replace(/[{}\s]/g, ""))
    steps.push(`Write it in standard form (everything on one side, $= 0$): $${standard}$.`);

  const d = combine([mul(b, b), mul(a, c)], [1, -4], 1);
  const rootD = exactSqrt(d);
  let roots: Exactish[] = [];
  let method: string;

  if (d.value < -1e-12) {
    steps.push(`The discriminant is $b^2 - 4ac = ${texExact(d)}$, which is negative, so there are no real solutions.`);
    if (band === "high")
      steps.push(
        `(Over the complex numbers: $${v} = \\frac{${texExact(neg(b))} \\pm i\\sqrt{${texExact(neg(d))}}}{${texExact(scale(a, 2))}}$.)`,
      );
    method = "formula";
  } else if (rootD) {
    roots = uniqueRoots([div(combine([neg(b), rootD], [1, 1], 1), scale(a, 2)), div(combine([neg(b), rootD], [1, -1], 1), scale(a, 2))]);
    method = factorSteps(a, b, c, roots, v, steps);
  } else {
    const sq = Math.sqrt(d.value);
    roots = [(-b.value + sq) / (2 * a.value), (-b.value - sq) / (2 * a.value)].map((x) => ({ value: x, fraction: null }));
    steps.push(
      `It doesn't factorise nicely, so use the quadratic formula $${v} = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}$ with $a = ${texExact(a)}$, $b = ${texExact(b)}$, $c = ${texExact(c)}$.`,
    );
    steps.push(
      `Discriminant: $b^2 - 4ac = ${texExact(d)}$, so $${v} = \\frac{${texExact(neg(b))} \\pm ${surd(d)}}{${texExact(scale(a, 2))}}$.`,
    );
    steps.push(`So $${v} \\approx ${fmt(roots[0].value, 3)}$ or $${v} \\approx ${fmt(roots[1].value, 3)}$.`);
    method = "formula";
  }
  for (const r of roots) {
    const check = describeSubstitution(eq, v, r.value);
    if (check && r.fraction) steps.push(`Check: ${check} ✓`);
  }
  return build(eq, v, a, b, c, standard, roots, steps, method, band);
}

function build(
  eq: Equation,
  v: string,
  a: Exactish,
  b: Exactish,
  c: Exactish,
  standard: string,
  roots: Exactish[],
  steps: string[],
  method: string,
  band: Band,
): Solution {
  const exactRoots = roots.every((r) => r.fraction);
  const show = (r: Exactish) => (exactRoots ? texExact(r) : `\\approx ${fmt(r.value, 3)}`);
  const answer =
    roots.length === 0 ? "There are no real solutions." : roots.map((r) => `$${v} ${exactRoots ? "= " : ""}${show(r)}$`).join(" or ");
  const finalAnswer =
    roots.length === 0
      ? "no real solutions"
      : roots.map((r) => `${v} ${exactRoots ? "=" : "≈"} ${exactRoots ? fmtExact(r) : fmt(r.value, 4)}`).join(" or ");
  const factorHint =
    method === "factor-pair"
      ? `Look for two numbers that multiply to $${texExact(c)}$ and add to $${texExact(b)}$.`
      : `Work out the discriminant $b^2 - 4ac$ with $a = ${texExact(a)}$, $b = ${texExact(b)}$, $c = ${texExact(c)}$ — what does it tell you?`;
  return {
    family: "quadratic",
    problem: `Solve $${eq.tex}$.`,
    nudge: byBand(band, {
      elementary: `This is a quadratic (it has $${v}^2$). Get everything on one side so it equals 0, then look for numbers that make it true.`,
      high: `It's a quadratic: rearrange to $ax^2 + bx + c = 0$, then factorise if you can — otherwise use the quadratic formula.`,
    }),
    hint: `Standard form: $${standard}$. ${factorHint}`,
    steps,
    answer,
    finalAnswer,
    expected:
      roots.length === 0
        ? { kind: "none", label: "no real solutions" }
        : { kind: "numbers", values: roots.map((r) => r.value), names: roots.map(() => v), ordered: false },
    verify: (x) => describeSubstitution(eq, v, x),
  };
}

/** Adds the factorising steps for rational roots and says which method was shown. */
function factorSteps(a: Exactish, b: Exactish, c: Exactish, roots: Exactish[], v: string, steps: string[]): string {
  const rootLine =
    roots.length === 1 ? `$${v} = ${texExact(roots[0])}$ (a repeated root)` : roots.map((r) => `$${v} = ${texExact(r)}$`).join(" or ");
  if (isZero(c)) {
    steps.push(`Take out the common factor $${v}$: $${v}(${texTerms([a, b], [v, ""])}) = 0$.`);
    steps.push(`A product is zero when one factor is zero, so ${rootLine}.`);
    return "common-factor";
  }
  if (isZero(b)) {
    const rhs = div(neg(c), a);
    steps.push(`Rearrange: $${v}^2 = ${texExact(rhs)}$, so take the square root of both sides (remember $\\pm$): ${rootLine}.`);
    return "square-root";
  }
  if (a.value === 1 && roots.every((r) => Number.isInteger(r.value))) {
    const [p, q] = roots.length === 1 ? [neg(roots[0]), neg(roots[0])] : roots.map(neg);
    steps.push(
      `Find two numbers that multiply to $${texExact(c)}$ and add to $${texExact(b)}$: they are $${texExact(p)}$ and $${texExact(q)}$.`,
    );
    steps.push(`So $(${texTerms([one(), p], [v, ""])})(${texTerms([one(), q], [v, ""])}) = 0$, giving ${rootLine}.`);
    return "factor-pair";
  }
  const factors = roots.length === 1 ? [roots[0], roots[0]] : roots;
  const linear = factors.map((r) => {
    const f = r.fraction!;
    return `(${texTerms(
      [
        { value: Number(f.d), fraction: fraction(Number(f.d)) },
        { value: -Number(f.s * f.n), fraction: fraction(-Number(f.s * f.n)) },
      ],
      [v, ""],
    )})`;
  });
  const k = a.value / factors.reduce((prod, r) => prod * Number(r.fraction!.d), 1);
  steps.push(`The discriminant $b^2 - 4ac$ is a perfect square, so it factorises: $${k === 1 ? "" : fmt(k)}${linear.join("")} = 0$.`);
  steps.push(`Set each bracket to zero: ${rootLine}.`);
  return "factor";
}

function uniqueRoots(roots: Exactish[]): Exactish[] {
  const sorted = [...roots].sort((p, q) => p.value - q.value);
  return Math.abs(sorted[0].value - sorted[1].value) < 1e-12 ? [sorted[0]] : sorted;
}

/** √d exactly, when d is the square of a rational number. */
function exactSqrt(d: Exactish): Exactish | null {
  if (!d.fraction || d.value < 0) return null;
  const n = Number(d.fraction.n);
  const den = Number(d.fraction.d);
  const rn = Math.round(Math.sqrt(n));
  const rd = Math.round(Math.sqrt(den));
  if (rn * rn !== n || rd * rd !== den) return null;
  return { value: rn / rd, fraction: fraction(rn, rd) };
}

/** "2\sqrt{5}" for √20: the largest square factor comes out of the root. */
function surd(d: Exactish): string {
  if (!d.fraction || Number(d.fraction.d) !== 1) return `\\sqrt{${fmt(d.value)}}`;
  let inside = Number(d.fraction.n);
  let outside = 1;
  for (let k = Math.floor(Math.sqrt(inside)); k > 1; k--) {
    if (inside % (k * k) === 0) {
      outside = k;
      inside /= k * k;
      break;
    }
  }
  return `${outside === 1 ? "" : outside}\\sqrt{${inside}}`;
}

function scale(x: Exactish, k: number): Exactish {
  return { value: x.value * k, fraction: x.fraction ? x.fraction.mul(k) : null };
}

function one(): Exactish {
  return { value: 1, fraction: fraction(1) };
}
