// Finds an equation or inequality in one variable and hands it to the linear or quadratic solver
// according to its degree, which is measured by evaluation (see poly.ts), not guessed from the text.
import type { MathNode } from "mathjs";
import type { Band } from "../wording";
import { math, parseSafe, tex } from "./engine";
import { solveLinear } from "./linear";
import { mathRuns, toExpressionText } from "./normalize";
import { isZero, quadraticCoefficients } from "./poly";
import { solveQuadratic } from "./quadratic";
import type { MathResult } from "./types";

export type Relation = "=" | "<" | ">" | "<=" | ">=";

export interface Equation {
  lhs: MathNode;
  rhs: MathNode;
  relation: Relation;
  variables: string[];
  /** LaTeX of the whole equation as the student wrote it. */
  tex: string;
}

const REL_TEX: Record<Relation, string> = { "=": "=", "<": "<", ">": ">", "<=": "\\le", ">=": "\\ge" };

export function relationTex(r: Relation): string {
  return REL_TEX[r];
}

export function flip(r: Relation): Relation {
  return ({ "=": "=", "<": ">", ">": "<", "<=": ">=", ">=": "<=" } as const)[r];
}

/** Every "expression relation expression" in the text whose sides parse with their letters as variables. */
export function findEquations(text: string): Equation[] {
  const out: Equation[] = [];
  for (const run of mathRuns(toExpressionText(text))) {
    const parts = run.text.split(/(<=|>=|=|<|>)/);
    if (parts.length !== 3) continue;
    const [left, rel, right] = parts.map((p) => p.trim());
    if (!left || !right) continue;
    const variables = [...new Set(`${left} ${right}`.replace(/sqrt|cbrt|abs|pi/g, "").match(/(?<![a-z])[a-df-z](?![a-z])/g) ?? [])].sort();
    const lhs = parseSafe(left, variables);
    const rhs = parseSafe(right, variables);
    if (!lhs || !rhs) continue;
    const relation = rel as Relation;
    out.push({ lhs, rhs, relation, variables, tex: `${tex(lhs)} ${REL_TEX[relation]} ${tex(rhs)}` });
  }
  return out;
}

/** "x = 4" or "y = -2.5": an answer a student typed, not a problem to solve. */
export function isAnswerForm(eq: Equation): boolean {
  const bare = (n: MathNode) => n.type === "SymbolNode";
  const numeric = (n: MathNode) => n.filter((c) => c.type === "SymbolNode").length === 0;
  return (bare(eq.lhs) && numeric(eq.rhs)) || (bare(eq.rhs) && numeric(eq.lhs));
}

export function tryEquation(text: string, band: Band): MathResult | null {
  const eq = findEquations(text).find((e) => e.variables.length === 1 && !isAnswerForm(e));
  if (!eq) return null;
  return solveEquation(eq, band);
}

function solveEquation(eq: Equation, band: Band): MathResult {
  const v = eq.variables[0];
  const difference = new math.OperatorNode("-", "subtract", [eq.lhs, new math.ParenthesisNode(eq.rhs)]);
  const coeffs = quadraticCoefficients(difference, v) ?? clearDenominator(difference, v);
  if (!coeffs) {
    return {
      unsupported: `I can solve linear and quadratic equations in practice mode, but $${eq.tex}$ is a different kind (for example a cubic, or ${v} in a power or under a root).`,
    };
  }
  if (!isZero(coeffs[2])) {
    if (eq.relation !== "=")
      return { unsupported: `Quadratic inequalities like $${eq.tex}$ need a sign diagram, which practice mode can't draw reliably yet.` };
    return solveQuadratic(eq, coeffs, band);
  }
  return solveLinear(eq, band);
}

/** For proportions like 3/5 = 12/x: multiply through by x ("cross-multiply") and try again. */
function clearDenominator(difference: MathNode, v: string) {
  const times = new math.OperatorNode("*", "multiply", [new math.SymbolNode(v), new math.ParenthesisNode(difference)]);
  const coeffs = quadraticCoefficients(times, v);
  // Multiplying by x adds the root x = 0, so only a truly linear result (no x² term, no constant-free
  // equation) is trusted here; solveLinear then re-checks the answer in the original equation.
  return coeffs && isZero(coeffs[2]) && !isZero(coeffs[0]) ? coeffs : null;
}
