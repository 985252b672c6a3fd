// Arithmetic, fractions and decimals with the order of operations shown step by step (the steps
// come from order-of-operations.ts), answered straight away when it's a single operation.
import type { MathNode } from "mathjs";
import { byBand, type Band } from "../wording";
import { evaluateNode, fmt, needsRounding, parseSafe, tex, texExact, type Exactish } from "./engine";
import { hasOperation, mathRuns, toExpressionText } from "./normalize";
import { isAtom, mergeSameRule, reduce, stripParens, type Op, type Step } from "./order-of-operations";
import type { MathResult, Solution } from "./types";

export function tryArithmetic(text: string, band: Band): MathResult | null {
  const expr = pickExpression(toExpressionText(text));
  if (!expr) return null;
  const node = parseSafe(expr);
  if (!node) return null;
  const result = evaluateNode(node);
  if (!result)
    return { unsupported: "That calculation has no answer — it divides by zero, takes an even root of a negative number, or is too big." };
  if (Math.abs(result.value) > 1e15) return { unsupported: "That number is too big to work with sensibly in practice mode." };
  return solveExpression(node, expr, result, band);
}

/** The longest operator-bearing stretch without variables or relations. */
function pickExpression(s: string): string | null {
  const candidates = mathRuns(s)
    .map((r) => r.text)
    .filter((t) => hasOperation(t) && !/[=<>]/.test(t) && !/[a-df-z]/.test(t.replace(/sqrt|cbrt|abs|pi/g, "")));
  if (candidates.length === 0) return null;
  return candidates.reduce((a, b) => (b.length > a.length ? b : a));
}

function solveExpression(node: MathNode, expr: string, result: Exactish, band: Band): Solution | null {
  const fractions = usesFractions(node, expr, result);
  const reduced = reduce(node, fractions);
  const steps = band === "high" ? mergeSameRule(reduced) : reduced;
  if (steps.length === 0) return null;
  const answerTex = fractions ? texExact(result) + mixedNumber(result) : fmt(result.value, 4);
  const approx = needsRounding(result.value) && !fractions;
  const finalAnswer = fractions ? plainFraction(result) : fmt(result.value, 4);
  const problem = `Work out $${tex(node)}$.`;
  const answer = `$${tex(node)} ${approx ? "\\approx" : "="} ${answerTex}$`;
  const base = {
    family: fractions ? ("fractions" as const) : ("arithmetic" as const),
    problem,
    answer,
    finalAnswer,
    expected: { kind: "numbers" as const, values: [result.value], ordered: true },
  };

  if (steps.length <= 1 && !fractions) {
    return { ...base, nudge: "", hint: "", steps: steps.map(describe), direct: { check: inverseCheck(node, result.value, band) } };
  }
  const shown = steps.map(describe);
  const half = Math.max(1, Math.ceil(steps.length / 2) - (steps.length > 2 ? 1 : 0));
  return {
    ...base,
    nudge: nudgeFor(steps[0].rule, fractions, band),
    hint: `Start like this:\n\n${shown
      .slice(0, half)
      .map((l, i) => `${i + 1}. ${l}`)
      .join("\n")}\n\nWhat comes next?`,
    steps: shown,
  };
}

function nudgeFor(first: Step["rule"], fractions: boolean, band: Band): string {
  const order = byBand(band, {
    elementary: "Do the parts in brackets first, then × and ÷, then + and − (left to right).",
    high: "Use the order of operations: brackets, powers and roots, then × and ÷ left to right, then + and − left to right.",
  });
  const start: Record<Step["rule"], string> = {
    brackets: "Which bracket can you work out first?",
    powers: "Is there a power or root to work out before anything else?",
    roots: "Is there a root to work out before anything else?",
    multiply: "Find the multiplication or division and do that before adding or subtracting.",
    add: "Work from left to right.",
  };
  const fractionTip = fractions
    ? byBand(band, {
        elementary: " To add or take away fractions, make the bottom numbers the same first.",
        high: " For + and − with fractions, rewrite them over a common denominator; for × multiply tops and bottoms.",
      })
    : "";
  return `${order} ${start[first]}${fractionTip}`;
}

function describe(step: Step): string {
  const label: Record<Step["rule"], string> = {
    brackets: "Brackets first",
    powers: "Powers next",
    roots: "Roots next",
    multiply: "Multiply or divide",
    add: "Add or subtract",
  };
  return `${label[step.rule]}: $${step.done}$, so we have $${step.after}$.`;
}

/** Fraction working when the student typed fractions ("3/4", no spaces) and no decimals. */
function usesFractions(node: MathNode, expr: string, result: Exactish): boolean {
  // A lone "7/2" is a division to do (3.5); fraction working is for fractions combined with something.
  if (isAtom(stripParens(node), true)) return false;
  const hasDecimal =
    node.filter((n) => n.type === "ConstantNode" && !Number.isInteger((n as unknown as { value: number }).value)).length > 0;
  // "6/2" is a division; only a fraction that isn't a whole number calls for fraction working.
  const typedFraction = [...expr.matchAll(/(?<![\d.])(\d+)\/(\d+)(?![\d.])/g)].some(
    (m) => Number(m[2]) !== 0 && Number(m[1]) % Number(m[2]) !== 0,
  );
  return !hasDecimal && typedFraction && result.fraction !== null;
}

/** "= 1\frac{1}{4}" after an improper fraction, because that is how younger students write it. */
function mixedNumber(r: Exactish): string {
  const f = r.fraction;
  if (!f || f.n < f.d || f.d === 1n) return "";
  const whole = f.n / f.d;
  return ` = ${f.s < 0n ? "-" : ""}${whole}\\tfrac{${f.n - whole * f.d}}{${f.d}}`;
}

function plainFraction(r: Exactish): string {
  const f = r.fraction;
  if (!f) return fmt(r.value);
  return f.d === 1n ? `${f.s * f.n}` : `${f.s * f.n}/${f.d}`;
}

/** "Check: 56 ÷ 8 = 7 ✓" — the inverse operation, so a one-step answer still teaches checking. */
function inverseCheck(node: MathNode, value: number, band: Band): string {
  const inner = stripParens(node) as Op;
  const v = fmt(value, 4);
  if (inner.type === "FunctionNode") {
    const name = typeof inner.fn === "string" ? inner.fn : inner.fn.name;
    const arg = tex(inner.args[0]);
    if (name === "sqrt")
      return needsRounding(value) ? `$${v}^2$ should come out very close to $${arg}$.` : `$${v} \\times ${v} = ${arg}$ ✓`;
    return `Multiply your answer by itself the right number of times to get back to $${arg}$.`;
  }
  if (inner.type !== "OperatorNode" || inner.args.length !== 2) return "Work it out again a different way and see if you get the same.";
  const [a, b] = inner.args.map((x) => tex(stripParens(x)));
  switch (inner.fn) {
    case "add":
      return `$${v} - ${b} = ${a}$ ✓`;
    case "subtract":
      return `$${v} + ${b} = ${a}$ ✓`;
    case "multiply":
      return b === "0" ? "Anything times 0 is 0." : `$${v} \\div ${b} = ${a}$ ✓`;
    case "divide":
      return `$${v} \\times ${b} = ${a}$ ✓`;
    case "pow":
      return byBand(band, {
        elementary: `$${a}^{${b}}$ means ${b} copies of ${a} multiplied together.`,
        high: `$${a}^{${b}}$ is ${b} factors of ${a} multiplied together.`,
      });
    default:
      return "Work it out again a different way and see if you get the same.";
  }
}
