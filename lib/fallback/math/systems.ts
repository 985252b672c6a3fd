// Two linear equations in two unknowns. mathjs `lusolve` gives the answer; the steps show the
// elimination method with the same exact numbers, and the answer is checked in both equations.
import { byBand, type Band } from "../wording";
import { evaluateNode, fmtExact, fraction, lusolveExact, math, texExact, type Exactish } from "./engine";
import { findEquations, isAnswerForm, type Equation } from "./equation";
import { combine, div, isZero, linearCoefficients2, mul, neg, texTerms } from "./poly";
import type { MathResult } from "./types";

/** a·x + b·y = c */
interface Row {
  a: Exactish;
  b: Exactish;
  c: Exactish;
}

export function trySystem(text: string, band: Band): MathResult | null {
  const eqs = findEquations(text).filter((e) => e.relation === "=" && !isAnswerForm(e) && e.variables.length >= 1);
  if (eqs.length < 2) return null;
  const [e1, e2] = eqs;
  const vars = [...new Set([...e1.variables, ...e2.variables])].sort();
  if (vars.length !== 2) return null;
  const [x, y] = vars as [string, string];
  const r1 = toRow(e1, [x, y]);
  const r2 = toRow(e2, [x, y]);
  if (!r1 || !r2) return { unsupported: "I can solve pairs of linear equations (no squares or products of the letters) in practice mode." };
  const problem = `Solve the system $${e1.tex}$ and $${e2.tex}$.`;
  // A zero determinant means parallel or identical lines; lusolve is not reliable on those.
  const det = combine([mul(r1.a, r2.b), mul(r2.a, r1.b)], [1, -1], 1);
  const solved = isZero(det)
    ? null
    : lusolveExact(
        [
          [r1.a, r1.b],
          [r2.a, r2.b],
        ],
        [r1.c, r2.c],
      );
  if (!solved) return parallel(problem, r1, r2, x, y);
  const [sx, sy] = solved;
  const steps = eliminationSteps(r1, r2, x, y, sx, sy);
  const check = [e1, e2].every((e) => holds(e, { [x]: sx.value, [y]: sy.value }));
  if (!check) return { unsupported: "I couldn't double-check my answer to this system, so I won't guess." };
  steps.push(`Check in both equations: $${x} = ${texExact(sx)}$, $${y} = ${texExact(sy)}$ make both true ✓`);
  return {
    family: "system",
    problem,
    nudge: byBand(band, {
      elementary: `There are two mystery numbers, $${x}$ and $${y}$. Try to combine the two equations so one of the letters disappears.`,
      high: `Eliminate one variable: scale the equations so the $${x}$ (or $${y}$) coefficients match, then add or subtract them. Substitution works too.`,
    }),
    // The set-up (standard form, scaling) without the elimination itself, which would give y away.
    hint: `${steps.filter((l) => /^(Write|Multiply)/.test(l)).join("\n\n")}\n\nNow add or subtract the equations so one letter disappears, solve for the other, then substitute back.`,
    steps,
    answer: `$${x} = ${texExact(sx)}$, $${y} = ${texExact(sy)}$`,
    finalAnswer: `${x} = ${fmtExact(sx)}, ${y} = ${fmtExact(sy)}`,
    expected: { kind: "numbers", values: [sx.value, sy.value], names: [x, y], ordered: true },
  };
}

function toRow(e: Equation, vars: [string, string]): Row | null {
  const difference = new math.OperatorNode("-", "subtract", [e.lhs, new math.ParenthesisNode(e.rhs)]);
  const coeffs = linearCoefficients2(difference, vars);
  if (!coeffs) return null;
  const [a, b, k] = coeffs;
  return { a, b, c: neg(k) };
}

function rowTex(r: Row, x: string, y: string): string {
  return `${texTerms([r.a, r.b], [x, y])} = ${texExact(r.c)}`;
}

/** Elimination of x: scale both rows so the x coefficients match, subtract, solve for y, substitute back. */
function eliminationSteps(r1: Row, r2: Row, x: string, y: string, sx: Exactish, sy: Exactish): string[] {
  const steps = [`Write both equations as $a${x} + b${y} = c$: (1) $${rowTex(r1, x, y)}$ and (2) $${rowTex(r2, x, y)}$.`];
  if (isZero(r1.a) || isZero(r2.a)) {
    const [solo, other] = isZero(r1.a) ? [r1, r2] : [r2, r1];
    steps.push(`One equation has no $${x}$: $${rowTex(solo, x, y)}$, so $${y} = ${texExact(sy)}$.`);
    steps.push(`Substitute into the other: $${rowTex(other, x, y)}$ gives $${x} = ${texExact(sx)}$.`);
    return steps;
  }
  const same = Math.abs(r1.a.value - r2.a.value) < 1e-12;
  const s1 = same ? one() : r2.a;
  const s2 = same ? one() : r1.a;
  const m1 = scaleRow(r1, s1);
  const m2 = scaleRow(r2, s2);
  if (!same)
    steps.push(
      `Multiply (1) by $${texExact(s1)}$ and (2) by $${texExact(s2)}$ so the $${x}$ terms match: $${rowTex(m1, x, y)}$ and $${rowTex(m2, x, y)}$.`,
    );
  const b = combine([m1.b, m2.b], [1, -1], 1);
  const c = combine([m1.c, m2.c], [1, -1], 1);
  steps.push(`Subtract the equations to remove $${x}$: $${texTerms([b], [y])} = ${texExact(c)}$, so $${y} = ${texExact(div(c, b))}$.`);
  steps.push(
    `Put $${y} = ${texExact(sy)}$ into (1): $${texTerms([r1.a], [x])} ${sign(mul(r1.b, sy))} = ${texExact(r1.c)}$, so $${x} = ${texExact(sx)}$.`,
  );
  return steps;
}

function parallel(problem: string, r1: Row, r2: Row, x: string, y: string): MathResult {
  // Singular: the lines are parallel (no solution) or the same line (infinitely many).
  const ratio = !isZero(r1.a) ? div(r2.a, r1.a) : div(r2.b, r1.b);
  const sameLine = Math.abs(r2.c.value - ratio.value * r1.c.value) < 1e-9;
  const label = sameLine ? "infinitely many solutions" : "no solution";
  const why = sameLine
    ? "Both equations describe the same line, so every point on it works."
    : "The equations describe parallel lines, which never meet.";
  return {
    family: "system",
    problem,
    nudge: `Compare the two equations: (1) $${rowTex(r1, x, y)}$ and (2) $${rowTex(r2, x, y)}$. Is one a multiple of the other?`,
    hint: "Try to eliminate a variable. What happens to both letters at once?",
    steps: [
      `Write both equations as $a${x} + b${y} = c$: $${rowTex(r1, x, y)}$ and $${rowTex(r2, x, y)}$.`,
      `Eliminating $${x}$ also removes $${y}$. ${why}`,
    ],
    answer: sameLine ? "There are infinitely many solutions." : "There is no solution.",
    finalAnswer: label,
    expected: { kind: "none", label },
  };
}

function holds(e: Equation, scope: Record<string, number>): boolean {
  const l = evaluateNode(e.lhs, scope);
  const r = evaluateNode(e.rhs, scope);
  return !!l && !!r && Math.abs(l.value - r.value) <= 1e-9 * Math.max(1, Math.abs(l.value));
}

function scaleRow(r: Row, k: Exactish): Row {
  return { a: mul(r.a, k), b: mul(r.b, k), c: mul(r.c, k) };
}

function sign(x: Exactish): string {
  return x.value < 0 ? `- ${texExact(neg(x))}` : `+ ${texExact(x)}`;
}

function one(): Exactish {
  return { value: 1, fraction: fraction(1) };
}
