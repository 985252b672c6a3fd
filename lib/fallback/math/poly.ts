// Polynomial coefficients by evaluation: a polynomial of degree ≤ 2 is fixed by three values, and
// checking it against more values proves the expression really is that polynomial. This avoids
// symbolic expansion (mathjs `simplify` costs milliseconds per call) while staying exact, because
// mathjs evaluates rational expressions as Fractions.
import type { MathNode } from "mathjs";
import { evaluateNode, fraction, texExact, type Exactish } from "./engine";

/** [c0, c1, c2] with c2·v² + c1·v + c0 ≡ node, or null when the expression is not such a polynomial. */
export function quadraticCoefficients(node: MathNode, variable: string): Exactish[] | null {
  const at = (x: number) => evaluateNode(node, { [variable]: x });
  const [y1, y2, y3] = [at(1), at(2), at(3)];
  if (!y1 || !y2 || !y3) return null;
  // Second differences at x = 1, 2, 3: a = (y3 − 2y2 + y1)/2, b = (y2 − y1) − 3a, c = y1 − a − b.
  const a = combine([y3, y2, y1], [1, -2, 1], 2);
  const b = combine([y2, y1, a], [1, -1, -3], 1);
  const c = combine([y1, a, b], [1, -1, -1], 1);
  let verified = 0;
  for (const x of [4, -1, 0.5, -2.5, 10, 0]) {
    const y = at(x);
    if (!y) continue;
    const p = a.value * x * x + b.value * x + c.value;
    if (Math.abs(y.value - p) > 1e-9 * Math.max(1, Math.abs(y.value))) return null;
    verified++;
  }
  return verified >= 3 ? [c, b, a].map(clean) : null;
}

/** a·x + b·y + c for a two-variable linear expression, or null if it is not linear. */
export function linearCoefficients2(node: MathNode, vars: [string, string]): Exactish[] | null {
  const at = (x: number, y: number) => evaluateNode(node, { [vars[0]]: x, [vars[1]]: y });
  const [c, p, q] = [at(0, 0), at(1, 0), at(0, 1)];
  if (!c || !p || !q) return null;
  const a = combine([p, c], [1, -1], 1);
  const b = combine([q, c], [1, -1], 1);
  for (const [x, y] of [
    [2, 3],
    [-1, 4],
    [0.5, -2],
    [7, -5],
  ]) {
    const v = at(x, y);
    if (!v || Math.abs(v.value - (a.value * x + b.value * y + c.value)) > 1e-9 * Math.max(1, Math.abs(v.value))) return null;
  }
  return [a, b, c].map(clean);
}

/** Σ weights·values / divisor, exactly when every input is exact. */
export function combine(values: Exactish[], weights: number[], divisor: number): Exactish {
  if (values.every((v) => v.fraction)) {
    let f = fraction(0);
    values.forEach((v, i) => (f = f.add(v.fraction!.mul(weights[i]))));
    f = f.div(divisor);
    return { value: f.valueOf(), fraction: f };
  }
  const sum = values.reduce((s, v, i) => s + v.value * weights[i], 0) / divisor;
  return { value: sum, fraction: null };
}

/** Removes float dust (1e-16) so a zero coefficient is exactly zero. */
function clean(x: Exactish): Exactish {
  if (x.fraction) return x;
  const rounded = Math.round(x.value * 1e9) / 1e9;
  return { value: Object.is(rounded, -0) ? 0 : rounded, fraction: null };
}

export function isZero(x: Exactish): boolean {
  return Math.abs(x.value) < 1e-12;
}

export function neg(x: Exactish): Exactish {
  return { value: -x.value, fraction: x.fraction ? x.fraction.neg() : null };
}

export function sub(x: Exactish, y: Exactish): Exactish {
  return combine([x, y], [1, -1], 1);
}

export function div(x: Exactish, y: Exactish): Exactish {
  if (x.fraction && y.fraction) {
    const f = x.fraction.div(y.fraction);
    return { value: f.valueOf(), fraction: f };
  }
  return { value: x.value / y.value, fraction: null };
}

/**
 * LaTeX of Σ coefficient·term, e.g. terms ["x^2", "x", ""] with [1, -5, 6] → "x^2 - 5x + 6".
 * Zero terms are dropped and 1·x is written x, as a student would.
 */
export function texTerms(coeffs: Exactish[], terms: string[]): string {
  let out = "";
  coeffs.forEach((c, i) => {
    if (isZero(c)) return;
    const negative = c.value < 0;
    const mag = texExact(negative ? neg(c) : c);
    const body = terms[i] === "" ? mag : `${mag === "1" ? "" : mag}${terms[i]}`;
    out += out === "" ? `${negative ? "-" : ""}${body}` : ` ${negative ? "-" : "+"} ${body}`;
  });
  return out === "" ? "0" : out;
}

/** "3x + 5" style LaTeX for a·v + b. */
export function texLinear(a: Exactish, b: Exactish, v: string): string {
  return texTerms([a, b], [v, ""]);
}

export function mul(x: Exactish, y: Exactish): Exactish {
  return { value: x.value * y.value, fraction: x.fraction && y.fraction ? x.fraction.mul(y.fraction) : null };
}
