// Simple word problems with clear quantities: rates (word-rates.ts), discounts and tips, equal
// sharing, equal groups, comparisons, sums and differences, and "had some, gained/lost some". Each
// template names what its numbers mean; anything that doesn't fit one is left alone, not guessed.
import type { Band } from "../wording";
import { fmt } from "./engine";
import { wordsToNumbers } from "./normalize";
import type { MathResult } from "./types";
import { make, MONEY, N, type Template } from "./word-common";
import { proportion, rate, speed, unitPrice } from "./word-rates";

const QUESTION = /\?|\b(how (many|much|far|long|fast)|what is|what's|find|calculate|work out)\b/;

export function tryWordProblem(text: string, band: Band): MathResult | null {
  const s = wordsToNumbers(text);
  if (!QUESTION.test(s) || (s.match(/\d/g) ?? []).length === 0) return null;
  for (const template of TEMPLATES) {
    const solved = template(s, band);
    if (solved) return solved;
  }
  return null;
}

const discount: Template = (s, band) => {
  const pct =
    s.match(new RegExp(`${N}\\s*%\\s*(off|discount|tax|tip|sales tax|service)`)) ??
    s.match(new RegExp(`(discount|tax|tip) (?:of |is )?${N}\\s*%`));
  if (!pct) return null;
  const p = Number(pct[1].match(/\d/) ? pct[1] : pct[2]);
  const kindWord = pct[1].match(/\d/) ? pct[2] : pct[1];
  const priceMatch =
    s
      .replace(pct[0], " ")
      .match(new RegExp(`(?:costs?|priced at|price (?:is|of)|is|was|bill (?:is|was|of|comes to)|meal (?:is|was|costs?)|for|of)\\s+${N}`)) ??
    s.replace(pct[0], " ").match(new RegExp(N));
  if (!priceMatch) return null;
  const price = Number(priceMatch[1] ?? priceMatch[0]);
  const off = /off|discount/.test(kindWord);
  const amount = (price * p) / 100;
  // "How much is the tip?" / "what is 7% tax on $30" ask for the amount; "sale price", "total" for the new price.
  const wantsTotal =
    /\b(total|final|altogether|in all|sale price|new price|now|after|pay|paid|spend)\b|how much (?:does|do|will|would) (?:it|they|the \w+) cost/.test(
      s,
    );
  const askAmount =
    !wantsTotal &&
    (new RegExp(
      `how much (?:is|was|will|would|did)?\\s*(?:the |you |they |he |she |i )?(?:${off ? "discount|save|saved|saving" : "tip|tax|leave"})`,
    ).test(s) ||
      /%\s*(?:tax|tip|discount)\s+(?:on|of|for)\b/.test(s));
  const total = off ? price - amount : price + amount;
  const steps = [`${p}% of ${fmt(price)}: $${fmt(p / 100, 6)} \\times ${fmt(price)} = ${fmt(amount, 4)}$.`];
  if (!askAmount)
    steps.push(`${off ? "Take it off" : "Add it on"}: $${fmt(price)} ${off ? "-" : "+"} ${fmt(amount, 4)} = ${fmt(total, 4)}$.`);
  const setup = askAmount
    ? `${fmt(p / 100, 6)} \\times ${fmt(price)}`
    : `${fmt(price)} ${off ? "-" : "+"} ${fmt(p / 100, 6)} \\times ${fmt(price)}`;
  return make(s, band, {
    kind: off ? "discount" : kindWord.includes("tip") ? "tip" : "tax",
    plan: `Find ${p}% of the price${askAmount ? "" : `, then ${off ? "subtract it" : "add it on"}`}.`,
    steps,
    value: askAmount ? amount : total,
    setup,
  });
};

const sharing: Template = (s, band) => {
  const m =
    s.match(
      new RegExp(
        `${N}\\s+[a-z ]*?(?:shared|split|divided|share|split up|divide|shares|splits)\\s+(?:them |it )?(?:equally |evenly )?(?:among|between|by|with|into)\\s+(?:her |his |their )?${N}`,
      ),
    ) ??
    s.match(
      new RegExp(
        `(?:share|split|divide)s?\\s+${N}\\s+[a-z ]*?(?:equally |evenly )?(?:among|between|with|into)\\s+(?:her |his |their )?${N}`,
      ),
    );
  if (!m) return null;
  const [total, groups] = [Number(m[1]), Number(m[2])];
  if (groups === 0) return null;
  const each = Math.floor(total / groups);
  const left = total - each * groups;
  const exact = left === 0 || MONEY.test(s);
  const value = exact ? total / groups : each;
  const steps = [`$${total} \\div ${groups} = ${exact ? fmt(total / groups, 4) : `${each}$ remainder $${left}`}$`];
  if (!exact) steps.push(`So each gets ${each}, with ${left} left over.`);
  return make(s, band, { kind: "sharing", plan: "Sharing equally means dividing the total by the number of groups.", steps, value });
};

const groups: Template = (s, band) => {
  const m =
    s.match(
      new RegExp(
        `${N}\\s+(?:[a-z]+\\s+){0,2}(?:with|of|each (?:with|has|have|holds?|contains?)|that each (?:have|hold|contain)|holding|containing)\\s+${N}\\b`,
      ),
    ) ?? s.match(new RegExp(`${N}\\s+[a-z]+\\s+(?:in|on) each\\s+[a-z]+[^.?]*?\\b${N}\\s+[a-z]+`));
  if (
    !m ||
    !/\b(each|every|per|rows?|boxes|bags|packs?|teams?|groups?|shelves|pages|weeks|days)\b/.test(s) ||
    !/total|altogether|in all|how many|how much/.test(s)
  )
    return null;
  const total = Number(m[1]) * Number(m[2]);
  return make(s, band, {
    kind: "equal-groups",
    plan: "Equal groups: multiply the number of groups by how many are in each.",
    steps: [`$${m[1]} \\times ${m[2]} = ${fmt(total)}$`],
    value: total,
  });
};

const compare: Template = (s, band) => {
  if (!/how many more|how much more|how many fewer|how much less|difference/.test(s)) return null;
  const nums = [...s.matchAll(new RegExp(N, "g"))].map((m) => Number(m[1]));
  if (nums.length !== 2) return null;
  const [a, b] = nums;
  return make(s, band, {
    kind: "comparison",
    plan: "To find how many more (or fewer), subtract the smaller amount from the bigger one.",
    steps: [`$${fmt(Math.max(a, b))} - ${fmt(Math.min(a, b))} = ${fmt(Math.abs(a - b))}$`],
    value: Math.abs(a - b),
  });
};

const GAIN =
  /\b(buys?|bought|gets?|got|finds?|found|receives?|received|wins?|won|earns?|earned|collects?|collected|picks?|picked|adds?|added|bakes?|baked|makes?|made|more|joins?|joined|arrive[sd]?|came|comes|grows?|grew|saves?|saved|given)\b/;
const LOSE =
  /\b(gives?|gave|loses?|lost|eats?|ate|spends?|spent|sells?|sold|uses?|used|drops?|dropped|breaks?|broke|takes?|took|away|fewer|less|leaves?|left the|popped|pops?|donates?|donated|shares?|shared|lends?|lent|flew|ran|fell)\b/;

const change: Template = (s, band) => {
  const start = s.match(
    new RegExp(
      `(?:has|had|have|there (?:are|were|is|was)|starts? with|started with|begins? with|owns?|collected|baked|picked|bought|saved)\\s+${N}`,
    ),
  );
  if (!start || !/how many|how much|left|now|remain|altogether|in total|total/.test(s)) return null;
  let value = Number(start[1]);
  const lines = [`Start with ${fmt(value)}.`];
  let expression = fmt(value);
  const after = s.slice((start.index ?? 0) + start[0].length);
  // Each later number is added or taken away according to its verb: the one before it in the same
  // sentence ("lost 5"), or else the one after it ("5 of them popped").
  for (const m of after.matchAll(new RegExp(`([^\\d]*?)${N}(?=([^\\d.?!]*))`, "g"))) {
    const before = m[1].split(/[.!?]/).pop() ?? "";
    const n = Number(m[2]);
    const sign = LOSE.test(before) ? -1 : GAIN.test(before) ? 1 : LOSE.test(m[3]) ? -1 : GAIN.test(m[3]) ? 1 : 0;
    if (sign === 0) return null;
    value += sign * n;
    expression += ` ${sign < 0 ? "-" : "+"} ${fmt(n)}`;
    lines.push(`${sign < 0 ? "Take away" : "Add"} ${fmt(n)}: ${fmt(value)}.`);
  }
  if (lines.length < 2 || value < 0) return null;
  return make(s, band, {
    kind: "adding-and-taking-away",
    plan: "Follow the story in order: add what is gained, take away what is lost.",
    steps: lines,
    value,
    setup: expression,
  });
};

/** "The sum of two numbers is 20 and their difference is 4." */
const sumDifference: Template = (s, band) => {
  const sum = s.match(new RegExp(`\\bsum (?:of (?:the |two |2 )*numbers )?is ${N}`));
  const diff = s.match(new RegExp(`\\bdifference (?:of (?:the |two |2 )*numbers )?is ${N}`));
  if (!sum || !diff) return null;
  const [total, gap] = [Number(sum[1]), Number(diff[1])];
  const big = (total + gap) / 2;
  return make(s, band, {
    kind: "sum-and-difference",
    plan: "Call the numbers $a$ and $b$: $a + b$ is the sum and $a - b$ is the difference. Add the two equations to find $a$.",
    steps: [
      `$2a = ${fmt(total)} + ${fmt(gap)} = ${fmt(total + gap)}$, so $a = ${fmt(big)}$.`,
      `$b = ${fmt(total)} - ${fmt(big)} = ${fmt(total - big)}$`,
    ],
    value: big,
    setup: `a = (${fmt(total)} + ${fmt(gap)}) \\div 2`,
    values: [big, total - big],
  });
};

const TEMPLATES: Template[] = [speed, discount, unitPrice, proportion, sumDifference, sharing, rate, groups, compare, change];
