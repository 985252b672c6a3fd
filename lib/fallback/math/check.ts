// Checking a student's own answer. The rule that matters most: an answer is only called correct
// when it matches the solved value exactly, or is a correctly rounded form of a value that has no
// short exact decimal. Anything ambiguous (two different numbers, nothing readable) is "unsure".
import { fmt, needsRounding } from "./engine";
import type { Expected, Solution } from "./types";

export type Verdict = "correct" | "incorrect" | "unsure";

interface ProposedNumber {
  value: number;
  /** As the student wrote it ("4/6"), for replies. */
  text: string;
  decimals: number;
  name?: string;
  percent: boolean;
}

export interface Proposal {
  numbers: ProposedNumber[];
  relation?: { variable: string; relation: "<" | ">" | "<=" | ">="; value: number };
  none: boolean;
  all: boolean;
  raw: string;
}

// A number, optionally named ("x = 4") and written as a fraction or percent. Digits inside a word
// ("cm2") are not numbers.
const NUMBER = /(?:([a-z]+)\s*(=|<=|>=|<|>|≈)\s*)?(?<![a-z\d.^])(-?\d+(?:\.\d+)?)(?:\s*\/\s*(\d+))?(\s*%)?/g;

export function parseProposal(text: string): Proposal {
  const s = text
    .toLowerCase()
    .replace(/[$£€,](?=\d)/g, "")
    .replace(/≤/g, "<=")
    .replace(/≥/g, ">=");
  const numbers: ProposedNumber[] = [];
  let relation: Proposal["relation"];
  for (const m of s.matchAll(NUMBER)) {
    const [, name, rel, num, den, pct] = m;
    const value = den ? Number(num) / Number(den) : Number(num);
    if (!Number.isFinite(value)) continue;
    const decimals = den ? 12 : (num.split(".")[1] ?? "").length;
    if (name && rel && rel !== "=" && rel !== "≈") relation = { variable: name, relation: rel as "<" | ">" | "<=" | ">=", value };
    else
      numbers.push({
        value,
        text: `${num}${den ? `/${den}` : ""}${pct ? "\\%" : ""}`,
        decimals,
        name: name && rel ? name : undefined,
        percent: !!pct,
      });
  }
  // "6 < x" means x > 6.
  const reversed = s.match(/(-?\d+(?:\.\d+)?)\s*(<=|>=|<|>)\s*([a-z])\b/);
  if (reversed && !relation) {
    const flip = { "<": ">", ">": "<", "<=": ">=", ">=": "<=" } as const;
    relation = { variable: reversed[3], relation: flip[reversed[2] as keyof typeof flip], value: Number(reversed[1]) };
    numbers.splice(
      numbers.findIndex((n) => n.value === Number(reversed[1])),
      1,
    );
  }
  return {
    numbers,
    relation,
    none: /\bno (?:real )?(?:solutions?|answers?|mode)\b|\bnone\b|\bimpossible\b/.test(s),
    all: /\ball (?:real )?numbers\b|\binfinite(?:ly many)?\b|\bany number\b/.test(s),
    raw: text,
  };
}

export interface CheckResult {
  verdict: Verdict;
  /** One or two Markdown sentences explaining the verdict. */
  message: string;
}

export function checkAnswer(solution: Solution, proposal: Proposal): CheckResult {
  const e = solution.expected;
  if (e.kind === "none") return checkNone(e, proposal);
  if (e.kind === "inequality") return checkInequality(e, proposal);
  return checkNumbers(e, proposal, solution);
}

function checkNone(e: Extract<Expected, { kind: "none" }>, p: Proposal): CheckResult {
  const wantsAll = /all real|infinitely/.test(e.label);
  const saysEqual = /\b(equal|the same)\b/.test(p.raw.toLowerCase());
  if (e.label === "equal" ? saysEqual : (wantsAll && p.all) || (!wantsAll && p.none))
    return { verdict: "correct", message: `Yes — the answer is "${e.label}".` };
  if (p.numbers.length > 0 || p.relation || p.none || p.all)
    return { verdict: "incorrect", message: `Not quite — this one has ${e.label}.` };
  return unsure();
}

function checkInequality(e: Extract<Expected, { kind: "inequality" }>, p: Proposal): CheckResult {
  if (p.relation) {
    const sameValue = close(p.relation.value, e.value);
    if (sameValue && p.relation.relation === e.relation)
      return { verdict: "correct", message: `Yes — $${e.variable} ${texRel(e.relation)} ${fmt(e.value)}$ is right.` };
    if (sameValue)
      return {
        verdict: "incorrect",
        message:
          "You've got the right boundary number, but the inequality sign points the wrong way (or should/shouldn't include the boundary). Did you multiply or divide by a negative?",
      };
    return { verdict: "incorrect", message: "Not quite — the boundary number isn't right yet." };
  }
  if (p.numbers.length === 1 && close(p.numbers[0].value, e.value)) {
    return {
      verdict: "incorrect",
      message: `$${fmt(e.value)}$ is the right boundary, but an inequality's answer is a range — write it with $<$, $>$, $\\le$ or $\\ge$.`,
    };
  }
  return p.numbers.length > 0 ? { verdict: "incorrect", message: "Not quite — the answer should be a range like $x > 3$." } : unsure();
}

function checkNumbers(e: Extract<Expected, { kind: "numbers" }>, p: Proposal, solution: Solution): CheckResult {
  if (p.none || p.all) return { verdict: "incorrect", message: "Not quite — this one does have a definite answer." };
  const given = distinct(p.numbers);
  if (given.length === 0) return unsure();
  if (e.values.length === 1) {
    const named = given.filter((g) => !g.name || !e.names || g.name === e.names[0]);
    if (named.length !== 1)
      return {
        verdict: "unsure",
        message: "I see more than one number there — which one is your final answer? Send just that one and I'll check it.",
      };
    return single(e, named[0], solution);
  }
  return several(e, given);
}

function single(e: Extract<Expected, { kind: "numbers" }>, g: ProposedNumber, solution: Solution): CheckResult {
  const target = e.values[0];
  let m: ReturnType<typeof match> | "as-decimal" = match(target, g);
  // A percent answer given as a decimal (0.25 for 25%) is the same quantity written differently.
  if (!m && e.percent && !g.percent)
    m = match(target, { ...g, value: g.value * 100, decimals: Math.max(0, g.decimals - 2) }) ? "as-decimal" : null;
  const evidence = solution.verify?.(g.value);
  if (m === "exact") return { verdict: "correct", message: `Yes — $${g.text}$ is correct.${evidence ? ` ${evidence}` : ""}` };
  if (m === "rounded")
    return {
      verdict: "correct",
      message: `Yes — that's right, rounded to ${g.decimals} decimal place${g.decimals === 1 ? "" : "s"} (more exactly, ${fmt(target, 4)}).`,
    };
  if (m === "as-decimal") return { verdict: "correct", message: `Yes — $${g.text}$ is the same as $${fmt(target)}\\%$.` };
  if (needsRounding(target, 3) && g.decimals === 0 && Math.round(target) === g.value) {
    return {
      verdict: "unsure",
      message: `That's the value rounded to a whole number. If the question asked for that, you're right; otherwise give more decimal places.`,
    };
  }
  return { verdict: "incorrect", message: `Not quite — $${g.text}$ isn't the answer.${evidence ? ` ${evidence}` : ""}` };
}

function several(e: Extract<Expected, { kind: "numbers" }>, given: ProposedNumber[]): CheckResult {
  const remaining = e.values.map((v, i) => ({ v, name: e.names?.[i], used: false }));
  let wrong = 0;
  for (const g of given) {
    const slot = remaining.find((r) => !r.used && (!e.ordered || !g.name || !r.name || r.name === g.name) && match(r.v, g));
    if (slot) slot.used = true;
    else wrong++;
  }
  const found = remaining.filter((r) => r.used).length;
  if (wrong === 0 && found === e.values.length) {
    // Unnamed values for an ordered answer (x, y) must also be in the right order.
    const unnamedOrdered = e.ordered && given.some((g) => !g.name);
    if (unnamedOrdered && !given.every((g, i) => match(e.values[i], g)))
      return { verdict: "incorrect", message: "You have the right numbers, but check which one goes with which letter." };
    return { verdict: "correct", message: "Yes — all of those are correct." };
  }
  if (wrong === 0)
    return {
      verdict: "incorrect",
      message: `${found === 1 ? "That one is right" : "Those are right"}, but the answer isn't complete — there ${e.values.length - found === 1 ? "is one more value" : "are more values"} to find.`,
    };
  return {
    verdict: "incorrect",
    message: `Not quite — ${found > 0 ? "some of those are right, but not all" : "those aren't the answers"}.`,
  };
}

function match(target: number, g: ProposedNumber): "exact" | "rounded" | null {
  if (close(g.value, target)) return "exact";
  if (g.decimals >= 1 && g.decimals < 12 && needsRounding(target, 3) && Math.abs(Number(target.toFixed(g.decimals)) - g.value) < 1e-9)
    return "rounded";
  return null;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function distinct(ns: ProposedNumber[]): ProposedNumber[] {
  return ns.filter((n, i) => ns.findIndex((m) => close(m.value, n.value) && m.name === n.name) === i);
}

function unsure(): CheckResult {
  return { verdict: "unsure", message: "I couldn't read an answer I can check there. Could you send it like `x = 4` or just the number?" };
}

function texRel(r: string): string {
  return ({ "<": "<", ">": ">", "<=": "\\le", ">=": "\\ge" } as Record<string, string>)[r];
}
