// The order of operations as a sequence of steps. mathjs parses the expression; we then repeatedly
// work out one operation whose inputs are plain numbers — choosing it by the order of operations,
// not just the tree shape — and replace it by its value, recording each step for the worked solution.
import type { MathNode } from "mathjs";
import { evaluateNode, fmt, math, tex, type Exactish } from "./engine";

export type Op = MathNode & { fn: string | { name: string }; args: MathNode[]; op?: string };

export interface Step {
  /** LaTeX of the single operation done: "3 \times 4 = 12". */
  done: string;
  /** LaTeX of the whole expression afterwards. */
  after: string;
  rule: "brackets" | "powers" | "multiply" | "add" | "roots";
}

/** High-school step size: operations of the same kind done in one line ("4 × 3 = 12 and 10 ÷ 2 = 5"). */
export function mergeSameRule(steps: Step[]): Step[] {
  const out: Step[] = [];
  for (const st of steps) {
    const last = out[out.length - 1];
    if (last && last.rule === st.rule) out[out.length - 1] = { rule: st.rule, done: `${last.done}$ and $${st.done}`, after: st.after };
    else out.push(st);
  }
  return out;
}

export function reduce(root: MathNode, fractions: boolean): Step[] {
  const steps: Step[] = [];
  let current = root;
  for (let guard = 0; guard < 12; guard++) {
    const target = readyNode(current, fractions);
    if (!target) break;
    const value = evaluateNode(target.node);
    if (!value) break;
    const replacement = atom(value, fractions);
    const middle = fractions ? fractionWorking(target.node) : null;
    current = replace(current, target.node, replacement);
    steps.push({
      done: `${tex(stripParens(target.node))} = ${middle ? `${middle} = ` : ""}${tex(stripParens(replacement))}`,
      after: tex(stripParens(current)),
      rule: target.inBrackets ? "brackets" : ruleOf(target.node),
    });
  }
  return steps;
}

interface Ready {
  node: MathNode;
  depth: number;
}

/**
 * The next operation by the order of operations: among operations whose inputs are plain numbers,
 * the most deeply bracketed first, then powers and roots, then × ÷, then + −, leftmost on a tie.
 * (The tree alone isn't enough: in 6 + 20 − 6/2 the sum is ready before the division is.)
 */
function readyNode(root: MathNode, fractions: boolean): { node: MathNode; inBrackets: boolean } | null {
  const ready: Ready[] = [];
  const visit = (node: MathNode, depth: number) => {
    if (isAtom(node, fractions)) return;
    if (node.type === "ParenthesisNode") return visit((node as unknown as { content: MathNode }).content, depth + 1);
    const args = (node as Op).args ?? [];
    const before = ready.length;
    for (const arg of args) visit(arg, depth);
    if (ready.length === before && args.every((a) => isAtom(a, fractions))) ready.push({ node, depth });
  };
  visit(root, 0);
  const rank = (n: MathNode) => ({ roots: 0, powers: 0, multiply: 1, add: 2, brackets: 2 })[ruleOf(n)];
  const best = ready.reduce<Ready | null>(
    (b, r) => (!b || r.depth > b.depth || (r.depth === b.depth && rank(r.node) < rank(b.node)) ? r : b),
    null,
  );
  return best ? { node: best.node, inBrackets: best.depth > 0 && best.node.type === "OperatorNode" } : null;
}

/** The in-between line teachers write for fractions: common denominators, tops × tops, flip and multiply. */
function fractionWorking(node: MathNode): string | null {
  const op = stripParens(node) as Op;
  if (op.type !== "OperatorNode" || op.args?.length !== 2) return null;
  const [p, q] = op.args.map(asFraction);
  if (!p || !q || (p.d === 1 && q.d === 1)) return null;
  const frac = (n: number, d: number) => (d === 1 ? `${n}` : `\\frac{${n}}{${d}}`);
  if (op.fn === "add" || op.fn === "subtract") {
    if (p.d === q.d) return null;
    const l = (p.d * q.d) / gcd(p.d, q.d);
    return `${frac(p.n * (l / p.d), l)} ${op.fn === "add" ? "+" : "-"} ${frac(q.n * (l / q.d), l)}`;
  }
  if (op.fn === "multiply") return `\\frac{${p.n} \\times ${q.n}}{${p.d} \\times ${q.d}}`;
  if (op.fn === "divide" && q.n !== 0) return `${frac(p.n, p.d)} \\times ${frac(q.d, q.n)}`;
  return null;
}

function asFraction(node: MathNode): { n: number; d: number } | null {
  const inner = stripParens(node);
  if (inner.type === "ConstantNode") {
    const v = (inner as unknown as { value: number }).value;
    return Number.isInteger(v) ? { n: v, d: 1 } : null;
  }
  const op = inner as Op;
  if (op.type === "OperatorNode" && op.fn === "unaryMinus") {
    const f = asFraction(op.args[0]);
    return f ? { n: -f.n, d: f.d } : null;
  }
  if (op.type === "OperatorNode" && op.fn === "divide") {
    const [a, b] = op.args.map((x) => asFraction(x));
    return a && b && a.d === 1 && b.d === 1 && b.n > 0 ? { n: a.n, d: b.n } : null;
  }
  return null;
}

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

export function isAtom(node: MathNode, fractions: boolean): boolean {
  if (node.type === "ConstantNode" || node.type === "SymbolNode") return true;
  if (node.type === "ParenthesisNode") return isAtom((node as unknown as { content: MathNode }).content, fractions);
  const op = node as Op;
  if (op.type === "OperatorNode" && op.fn === "unaryMinus") return isAtom(op.args[0], fractions);
  // In fraction work a/b is a number in its own right, not a division still to do.
  return (
    fractions &&
    op.type === "OperatorNode" &&
    op.fn === "divide" &&
    op.args.every((a) => a.type === "ConstantNode" && Number.isInteger((a as unknown as { value: number }).value))
  );
}

function atom(value: Exactish, fractions: boolean): MathNode {
  const f = value.fraction;
  let node: MathNode;
  if (fractions && f && Number(f.d) !== 1) {
    node = new math.OperatorNode("/", "divide", [new math.ConstantNode(Number(f.n)), new math.ConstantNode(Number(f.d))]);
    if (f.s < 0n) node = new math.OperatorNode("-", "unaryMinus", [node]);
  } else {
    node = new math.ConstantNode(Number(fmt(value.value, 6)));
  }
  return value.value < 0 ? new math.ParenthesisNode(node) : node;
}

function replace(root: MathNode, target: MathNode, replacement: MathNode): MathNode {
  if (root === target) return replacement;
  const next = root.transform((n) => (n === target ? replacement : n));
  // A bracket around a single number is no longer needed: (12) → 12.
  return next.transform((n) =>
    n.type === "ParenthesisNode" && isPlainConstant((n as unknown as { content: MathNode }).content)
      ? (n as unknown as { content: MathNode }).content
      : n,
  );
}

function isPlainConstant(n: MathNode): boolean {
  return n.type === "ConstantNode" && (n as unknown as { value: number }).value >= 0;
}

export function stripParens(n: MathNode): MathNode {
  return n.type === "ParenthesisNode" ? stripParens((n as unknown as { content: MathNode }).content) : n;
}

function ruleOf(node: MathNode): Step["rule"] {
  if (node.type === "FunctionNode") return "roots";
  const fn = (node as Op).fn;
  if (fn === "pow") return "powers";
  if (fn === "multiply" || fn === "divide") return "multiply";
  return "add";
}
