// Linear equations and inequalities in one variable, solved the way students are taught:
// tidy each side, gather the variable on one side, the numbers on the other, then divide.
import type { MathNode } from "mathjs";
import { byBand, type Band } from "../wording";
import { evaluateNode, fmt, fmtExact, fraction, math, texExact, type Exactish } from "./engine";
import { flip, relationTex, type Equation, type Relation } from "./equation";
import { div, isZero, neg, quadraticCoefficients, sub, texLinear } from "./poly";
import type { MathResult } from "./types";

interface Side {
  a: Exactish;
  b: Exactish;
}

export function solveLinear(eq: Equation, band: Band): MathResult {
  const v = eq.variables[0];
  const sides = linearSides(eq.lhs, eq.rhs, v);
  if (!sides) return { unsupported: `I couldn't tidy $${eq.tex}$ into a linear equation I can solve step by step.` };
  let { left, right, crossMultiplied } = sides;
  let relation = eq.relation;
  const steps: Step[] = [];
  const line = () => `${texLinear(left.a, left.b, v)} ${relationTex(relation)} ${texLinear(right.a, right.b, v)}`;
  if (crossMultiplied) steps.push({ action: `Multiply both sides by $${v}$ to clear the fraction (cross-multiply)`, result: line() });
  else if (needsTidying(eq, left, right, v)) {
    steps.push({
      action: byBand(band, { elementary: "Tidy up each side first", high: "Expand brackets and collect like terms on each side" }),
      result: line(),
    });
  }
  // Keep the variable on the left: 5 < 2x + 1 reads more naturally as 2x + 1 > 5.
  if (isZero(left.a) && !isZero(right.a)) {
    [left, right] = [right, left];
    relation = flip(relation);
    steps.push({ action: `Swap the two sides so $${v}$ is on the left`, result: line() });
  }
  if (!isZero(right.a)) {
    const action = `${moveWord(right.a)} $${texLinear(absOf(right.a), zero(), v)}$ ${right.a.value > 0 ? "from" : "to"} both sides`;
    left = { a: sub(left.a, right.a), b: left.b };
    right = { a: zero(), b: right.b };
    steps.push({ action, result: line() });
  }
  if (isZero(left.a)) return noSingleAnswer(eq, left.b, right.b, relation, steps);
  if (!isZero(left.b)) {
    const action = `${moveWord(left.b)} $${texExact(absOf(left.b))}$ ${left.b.value > 0 ? "from" : "to"} both sides`;
    right = { a: zero(), b: sub(right.b, left.b) };
    left = { a: left.a, b: zero() };
    steps.push({ action, result: line() });
  }
  const k = left.a;
  const value = div(right.b, k);
  // Older students get "collect like terms" as one step; younger ones hear why each move is allowed.
  if (band === "high") mergeMoves(steps);
  if (band === "elementary") {
    const firstMove = steps.find((st) => /^(Subtract|Add)/.test(st.action));
    if (firstMove) firstMove.action += " (doing the same to both sides keeps them balanced, like a see-saw)";
  }
  if (k.value !== 1) {
    const flipNote = relation !== "=" && k.value < 0 ? " (dividing by a negative number flips the inequality sign)" : "";
    if (k.value < 0) relation = flip(relation);
    steps.push({ action: `Divide both sides by $${texExact(k)}$${flipNote}`, result: `${v} ${relationTex(relation)} ${texExact(value)}` });
  }
  return finish(eq, v, value, relation, steps, band);
}

function finish(eq: Equation, v: string, value: Exactish, relation: Relation, solving: Step[], band: Band): MathResult {
  const steps = solving.map(show);
  const check = substitute(eq, v, value.value);
  if (relation === "=") {
    if (!check) return noSolutionAfterAll(eq, steps);
    steps.push(`Check: put $${v} = ${texExact(value)}$ back in. Left side $= ${check.left}$, right side $= ${check.right}$ ✓`);
  } else {
    steps.push(`Check with a number: ${inequalityCheck(eq, v, value.value, relation)}`);
  }
  const answer = `$${v} ${relationTex(relation)} ${texExact(value)}$`;
  // The hint does every step but the last, and for the last one says what to do, not what it gives.
  const last = solving[solving.length - 1];
  const done = solving.slice(0, -1).map(show);
  return {
    family: relation === "=" ? "linear" : "inequality",
    problem: `Solve $${eq.tex}$.`,
    nudge: nudge(v, relation, band),
    hint: `${done.length > 0 ? `So far:\n\n${done.map((l, i) => `${i + 1}. ${l}`).join("\n")}\n\nNext: ` : ""}${last ? `${last.action}.` : ""} What do you get for $${v}$?`,
    steps,
    answer,
    finalAnswer: `${v} ${relation} ${fmtExact(value)}`,
    expected:
      relation === "="
        ? { kind: "numbers", values: [value.value], names: [v], ordered: true }
        : { kind: "inequality", variable: v, relation, value: value.value },
    verify: (x) => (relation === "=" ? describeSubstitution(eq, v, x) : null),
  };
}

function nudge(v: string, relation: Relation, band: Band): string {
  const ineq =
    relation === "=" ? "" : " Solve it just like an equation — but if you multiply or divide by a negative number, flip the sign.";
  return (
    byBand(band, {
      elementary: `We want $${v}$ all by itself. Undo what was done to $${v}$, one step at a time, doing the same thing to both sides.`,
      middle: `Get $${v}$ on its own. Whatever you do to one side, do to the other: first move the plain numbers away from $${v}$, then undo the multiplying.`,
      high: `Isolate $${v}$: collect the $${v}$ terms on one side and the constants on the other, then divide by the coefficient.`,
    }) + ineq
  );
}

/** Each side as a·v + b; proportions with v in a denominator are multiplied through by v first. */
function linearSides(lhs: MathNode, rhs: MathNode, v: string): { left: Side; right: Side; crossMultiplied: boolean } | null {
  const l = quadraticCoefficients(lhs, v);
  const r = quadraticCoefficients(rhs, v);
  if (l && r && isZero(l[2]) && isZero(r[2])) return { left: { a: l[1], b: l[0] }, right: { a: r[1], b: r[0] }, crossMultiplied: false };
  if (l && r) {
    // x² terms that cancel (x(x+2) = x² + 4): work with the difference, which is linear.
    return { left: { a: sub(l[1], r[1]), b: sub(l[0], r[0]) }, right: { a: zero(), b: zero() }, crossMultiplied: false };
  }
  const times = (n: MathNode) =>
    quadraticCoefficients(new math.OperatorNode("*", "multiply", [new math.SymbolNode(v), new math.ParenthesisNode(n)]), v);
  const lx = times(lhs);
  const rx = times(rhs);
  if (lx && rx && isZero(lx[2]) && isZero(rx[2]))
    return { left: { a: lx[1], b: lx[0] }, right: { a: rx[1], b: rx[0] }, crossMultiplied: true };
  return null;
}

function needsTidying(eq: Equation, left: Side, right: Side, v: string): boolean {
  const written = eq.tex.replace(/\s+/g, "");
  const tidy = `${texLinear(left.a, left.b, v)}${relationTex(eq.relation)}${texLinear(right.a, right.b, v)}`.replace(/\s+/g, "");
  return written !== tidy;
}

function noSingleAnswer(eq: Equation, b: Exactish, c: Exactish, relation: Relation, solving: (Step | string)[]): MathResult {
  const steps = solving.map((s) => (typeof s === "string" ? s : show(s)));
  const holds = {
    "=": Math.abs(b.value - c.value) < 1e-12,
    "<": b.value < c.value,
    ">": b.value > c.value,
    "<=": b.value <= c.value + 1e-12,
    ">=": b.value >= c.value - 1e-12,
  }[relation];
  const label = holds ? "all real numbers" : "no solution";
  steps.push(
    `The variable has cancelled out, leaving $${texExact(b)} ${relationTex(relation)} ${texExact(c)}$, which is ${holds ? "always true" : "never true"}.`,
  );
  return {
    family: relation === "=" ? "linear" : "inequality",
    problem: `Solve $${eq.tex}$.`,
    nudge: "Collect the variable terms on one side and see what is left.",
    hint: "Move all the variable terms to one side. What happens to them?",
    steps,
    answer: holds ? "Every number works (all real numbers)." : "There is no solution.",
    finalAnswer: label,
    expected: { kind: "none", label },
  };
}

function noSolutionAfterAll(eq: Equation, steps: string[]): MathResult {
  return noSingleAnswer(eq, zero(), { value: 1, fraction: fraction(1) }, "=", [
    ...steps,
    "But that value makes a denominator zero in the original equation, so it can't be used.",
  ]);
}

function substitute(eq: Equation, v: string, x: number): { left: string; right: string } | null {
  const l = evaluateNode(eq.lhs, { [v]: x });
  const r = evaluateNode(eq.rhs, { [v]: x });
  if (!l || !r || Math.abs(l.value - r.value) > 1e-9 * Math.max(1, Math.abs(l.value))) return null;
  return { left: texExact(l), right: texExact(r) };
}

/** Plain sentence showing what a proposed value gives on each side — evidence, not just a verdict. */
export function describeSubstitution(eq: Equation, v: string, x: number): string | null {
  const l = evaluateNode(eq.lhs, { [v]: x });
  const r = evaluateNode(eq.rhs, { [v]: x });
  if (!l || !r) return null;
  return `With $${v} = ${fmt(x)}$ the left side is $${texExact(l)}$ and the right side is $${texExact(r)}$.`;
}

function inequalityCheck(eq: Equation, v: string, boundary: number, relation: Relation): string {
  const inside = relation === ">" || relation === ">=" ? Math.floor(boundary) + 1 : Math.ceil(boundary) - 1;
  const l = evaluateNode(eq.lhs, { [v]: inside });
  const r = evaluateNode(eq.rhs, { [v]: inside });
  if (!l || !r) return `try a value of $${v}$ in the range.`;
  return `$${v} = ${inside}$ is in the range, and it gives $${texExact(l)} ${relationTex(eq.relation)} ${texExact(r)}$ ✓`;
}

interface Step {
  action: string;
  result: string;
}

/** Two "move a term to the other side" steps in a row become one "collect like terms" step. */
function mergeMoves(steps: Step[]): void {
  const i = steps.findIndex((st, j) => /^(Subtract|Add)/.test(st.action) && /^(Subtract|Add)/.test(steps[j + 1]?.action ?? ""));
  if (i < 0) return;
  steps.splice(i, 2, {
    action: `${steps[i].action}, and ${steps[i + 1].action.charAt(0).toLowerCase()}${steps[i + 1].action.slice(1)}`,
    result: steps[i + 1].result,
  });
}

function show(step: Step): string {
  return `${step.action}: $${step.result}$.`;
}

function moveWord(x: Exactish): string {
  return x.value > 0 ? "Subtract" : "Add";
}

function absOf(x: Exactish): Exactish {
  return x.value < 0 ? neg(x) : x;
}

function zero(): Exactish {
  return { value: 0, fraction: fraction(0) };
}
