// The single mathjs setup for the offline tutor. Creating a mathjs instance is the most expensive
// thing this code does, so both instances are built once at import and shared by every call.
import { all, create, type EvalFunction, type Fraction, type MathNode } from "mathjs";

/** Ordinary floating-point maths: roots, π, units, statistics. */
export const math = create(all, { number: "number" });
/** Exact rational maths, so ⅔ + ¼ comes out as 11/12 and not 0.91666…. */
const exact = create(all, { number: "Fraction" });

// Students' text reaches the expression parser, so only a small, harmless grammar is allowed:
// no assignments, matrices, ranges or function definitions, and only the functions school maths uses.
const FUNCTIONS = new Set(["sqrt", "cbrt", "abs", "nthRoot"]);
const CONSTANTS = new Set(["pi", "e"]);
const OPERATORS = new Set(["add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus"]);
const MAX_EXPRESSION_CHARS = 200;
/** Larger exponents make exact (BigInt) arithmetic slow and are never school exercises. */
const MAX_EXPONENT = 30;

/** Parses `expr` if it only uses school-maths building blocks and the given variable names. */
export function parseSafe(expr: string, variables: readonly string[] = []): MathNode | null {
  if (expr.length === 0 || expr.length > MAX_EXPRESSION_CHARS) return null;
  let node: MathNode;
  try {
    node = math.parse(expr);
  } catch {
    return null;
  }
  let ok = true;
  node.traverse((n, path) => {
    if (!ok) return;
    if (n.type === "OperatorNode") {
      const op = n as MathNode & { fn: string; args: MathNode[] };
      if (!OPERATORS.has(op.fn)) ok = false;
      else if (op.fn === "pow" && !smallExponent(op.args[1])) ok = false;
    } else if (n.type === "FunctionNode") {
      const fn = n as MathNode & { fn: { name?: string } };
      if (!FUNCTIONS.has(fn.fn.name ?? "")) ok = false;
    } else if (n.type === "SymbolNode") {
      const name = (n as MathNode & { name: string }).name;
      if (path !== "fn" && !CONSTANTS.has(name) && !variables.includes(name)) ok = false;
    } else if (n.type === "ConstantNode") {
      const value = (n as MathNode & { value: unknown }).value;
      if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) > 1e12) ok = false;
    } else if (n.type !== "ParenthesisNode") {
      ok = false;
    }
  });
  return ok ? node : null;
}

function smallExponent(node: MathNode | undefined): boolean {
  if (!node) return false;
  let inner = node;
  while (inner.type === "ParenthesisNode" || (inner.type === "OperatorNode" && (inner as { fn?: string }).fn === "unaryMinus")) {
    inner = (inner as unknown as { content?: MathNode; args?: MathNode[] }).content ?? (inner as unknown as { args: MathNode[] }).args[0];
  }
  if (inner.type === "ConstantNode") return Math.abs(Number((inner as unknown as { value: number }).value)) <= MAX_EXPONENT;
  // A variable or fraction exponent such as x^(1/2) is allowed; its size is bounded by the values we substitute.
  return inner.type === "SymbolNode" || inner.type === "OperatorNode";
}

export type Exactish = { value: number; fraction: Fraction | null };

/**
 * Evaluates a validated node, exactly when the expression is rational (no roots of non-squares, no π).
 * Returns null for undefined results such as division by zero.
 */
export function evaluateNode(node: MathNode, scope: Record<string, number> = {}): Exactish | null {
  const fraction = evaluateExact(node, scope);
  if (fraction) return { value: fraction.valueOf(), fraction };
  try {
    const v = compiled(node).number.evaluate({ ...scope });
    return typeof v === "number" && Number.isFinite(v) ? { value: v, fraction: null } : null;
  } catch {
    return null;
  }
}

// Solvers evaluate the same expression many times (fitting a polynomial takes nine evaluations),
// and compiling costs far more than evaluating, so each node is compiled once per instance.
const compiledCache = new WeakMap<MathNode, { number: EvalFunction; exact: EvalFunction | null }>();

function compiled(node: MathNode): { number: EvalFunction; exact: EvalFunction | null } {
  let entry = compiledCache.get(node);
  if (!entry) {
    const exactOk = !hasIrrational(node) && !hasLargePower(node);
    entry = { number: node.compile(), exact: exactOk ? exact.parse(node.toString()).compile() : null };
    compiledCache.set(node, entry);
  }
  return entry;
}

function evaluateExact(node: MathNode, scope: Record<string, number>): Fraction | null {
  const fn = compiled(node).exact;
  if (!fn) return null;
  try {
    const fscope: Record<string, Fraction> = {};
    for (const [k, v] of Object.entries(scope)) fscope[k] = exact.fraction(v);
    const v = fn.evaluate(fscope);
    return isFraction(v) ? v : null;
  } catch {
    return null;
  }
}

/** Exact (BigInt) powers are only safe with small constant exponents: 2^(2^30) would never finish. */
function hasLargePower(node: MathNode): boolean {
  return (
    node.filter((n) => {
      const op = n as MathNode & { fn?: string; args?: MathNode[] };
      if (op.type !== "OperatorNode" || op.fn !== "pow") return false;
      let e = op.args![1];
      while (e.type === "ParenthesisNode" || (e.type === "OperatorNode" && (e as { fn?: string }).fn === "unaryMinus")) {
        e = (e as unknown as { content?: MathNode }).content ?? (e as unknown as { args: MathNode[] }).args[0];
      }
      return e.type !== "ConstantNode" || Math.abs(Number((e as unknown as { value: number }).value)) > MAX_EXPONENT;
    }).length > 0
  );
}

function hasIrrational(node: MathNode): boolean {
  return (
    node.filter((n) => n.type === "FunctionNode" || (n.type === "SymbolNode" && CONSTANTS.has((n as unknown as { name: string }).name)))
      .length > 0
  );
}

function isFraction(v: unknown): v is Fraction {
  return typeof v === "object" && v !== null && (v as { constructor?: { name?: string } }).constructor?.name === "Fraction";
}

/** A Fraction for a float that is really a simple ratio (0.75 → 3/4), else null (π, √2). */
export function niceFraction(value: number, maxDenominator = 1000): Fraction | null {
  if (!Number.isFinite(value)) return null;
  try {
    const f = math.fraction(value);
    if (Number(f.d) > maxDenominator || Math.abs(f.valueOf() - value) > 1e-9 * Math.max(1, Math.abs(value))) return null;
    return f;
  } catch {
    return null;
  }
}

export function fraction(n: number | string, d?: number): Fraction {
  return d === undefined ? exact.fraction(n as number) : exact.fraction(n as number, d);
}

/** Plain-text number: integers as is, others to at most `decimals` places without trailing zeros. */
export function fmt(value: number, decimals = 4): string {
  if (Object.is(value, -0) || Math.abs(value) < 1e-12) return "0";
  const rounded = Number(value.toFixed(decimals));
  return Number.isInteger(rounded) && Math.abs(rounded) >= 1e21 ? rounded.toExponential() : String(rounded);
}

/** Plain-text exact value: "11/12", "-3", or a decimal when the value is not a simple ratio. */
export function fmtExact(x: Exactish | number, decimals = 4): string {
  const f = typeof x === "number" ? niceFraction(x) : (x.fraction ?? niceFraction(x.value));
  if (f) return Number(f.d) === 1 ? String(f.s * f.n) : `${f.s * f.n}/${f.d}`;
  return fmt(typeof x === "number" ? x : x.value, decimals);
}

/** LaTeX for an exact value: \frac{11}{12}, -3, or a rounded decimal. */
export function texExact(x: Exactish | number, decimals = 4): string {
  const f = typeof x === "number" ? niceFraction(x) : (x.fraction ?? niceFraction(x.value));
  if (!f) return fmt(typeof x === "number" ? x : x.value, decimals);
  if (Number(f.d) === 1) return String(f.s * f.n);
  return `${f.s < 0n ? "-" : ""}\\frac{${f.n}}{${f.d}}`;
}

/** True when a value has no exact short decimal form (1/3, √2, π), so a rounded answer is reasonable. */
export function needsRounding(value: number, decimals = 4): boolean {
  return Math.abs(Number(value.toFixed(decimals)) - value) > 1e-12;
}

/** LaTeX of a parsed expression, written the way a teacher would (2x, not 2·x; ½ ÷ ¼, not a stacked fraction). */
export function tex(node: MathNode): string {
  return node
    .toTex({ parenthesis: "keep", implicit: "hide", handler: texHandler })
    .replace(/~\s*/g, "")
    .replace(/\{\s+/g, "{")
    .replace(/\\cdot\s*\{?\s*(pi|\\pi)\}?/g, "\\pi")
    .replace(/\s*\\cdot\s*/g, " \\times ");
}

/** Solves A·x = b with mathjs `lusolve` — exactly over Fractions when every entry is exact. Null if singular. */
export function lusolveExact(A: Exactish[][], b: Exactish[]): Exactish[] | null {
  const allExact = [...A.flat(), ...b].every((x) => x.fraction);
  try {
    if (allExact) {
      const solved = exact.lusolve(
        A.map((row) => row.map((x) => x.fraction!)),
        b.map((x) => x.fraction!),
      ) as unknown as Fraction[][];
      return solved.map(([f]) => ({ value: f.valueOf(), fraction: f }));
    }
    const solved = math.lusolve(
      A.map((row) => row.map((x) => x.value)),
      b.map((x) => x.value),
    ) as unknown as number[][];
    return solved.map(([v]) => ({ value: v, fraction: null }));
  } catch {
    return null;
  }
}

type Shape = MathNode & { fn?: string; args?: MathNode[]; content?: MathNode; value?: unknown };

function isSimpleFraction(n: MathNode | undefined): boolean {
  const x = n as Shape | undefined;
  return !!x && x.type === "OperatorNode" && x.fn === "divide" && !!x.args?.every((a) => a.type === "ConstantNode");
}

/** mathjs toTex hook: a bracketed fraction needs no brackets, and dividing by a bracket reads better as ÷. */
function texHandler(node: MathNode, options: object): string | undefined {
  const n = node as Shape;
  if (n.type === "ParenthesisNode" && isSimpleFraction(n.content)) return n.content!.toTex(options);
  if (n.type === "OperatorNode" && n.fn === "divide" && n.args!.some((a) => a.type === "ParenthesisNode")) {
    return `${n.args![0].toTex(options)} \\div ${n.args![1].toTex(options)}`;
  }
  return undefined;
}
