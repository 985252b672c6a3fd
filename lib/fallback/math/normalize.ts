// Turns a student's typed maths ("whats 3 x 4", "x² − 5x + 6 = 0", "2 1/2 ÷ ½") into text the mathjs
// parser accepts. Only the surface is rewritten here; the maths itself is always left to mathjs.

const SYMBOLS: [RegExp, string][] = [
  [/[×✕✖⋅·]/g, "*"],
  [/÷/g, "/"],
  [/[−–—]/g, "-"],
  [/²/g, "^2"],
  [/³/g, "^3"],
  [/⁴/g, "^4"],
  [/√/g, "sqrt"],
  [/π/g, "pi"],
  [/≤|=<|⩽/g, "<="],
  [/≥|=>|⩾/g, ">="],
  [/½/g, "1/2"],
  [/¼/g, "1/4"],
  [/¾/g, "3/4"],
  [/⅓/g, "1/3"],
  [/[“”]/g, '"'],
  [/[‘’]/g, "'"],
];

/** Lower-cased, symbol-normalised text; currency signs and LaTeX dollars removed. */
export function normalize(raw: string): string {
  let s = raw.toLowerCase();
  for (const [re, to] of SYMBOLS) s = s.replace(re, to);
  s = s
    .replace(/\\(?:cdot|times)/g, "*")
    .replace(/\\div/g, "/")
    .replace(/\\frac\{([^{}]+)\}\{([^{}]+)\}/g, "($1)/($2)")
    .replace(/\\sqrt\{([^{}]+)\}/g, "sqrt($1)")
    .replace(/\\(?:le|leq)\b/g, "<=")
    .replace(/\\(?:ge|geq)\b/g, ">=")
    .replace(/[$£€]/g, " ")
    .replace(/(?<=[a-z])'s\b/g, "") // "what's 15 take away 7": the 's would read as a variable s
    .replace(/\s*=\s*\?+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return fractionWords(thousands(s));
}

/** "$1,200" → 1200. Not in a list of numbers ("mean of 100,200,300"), where the commas separate values. */
function thousands(s: string): string {
  if (/\b(mean|median|mode|range|average|list|numbers|data)\b|\d\s*,\s+\d/.test(s)) return s;
  return s.replace(/(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])/g, (m) => m.replace(/,/g, ""));
}

const FRACTION_WORDS: [RegExp, string][] = [
  [/\b(\d+) (\d+)(?:st|nd|rd|th)s?\b/g, "$1/$2"], // "3 4ths"
  [/\b(?:one|a) half\b|\bhalf(?= of\b)/g, "1/2"],
  [/\b(?:one|a) third\b/g, "1/3"],
  [/\b(?:one|a) (?:quarter|fourth)\b/g, "1/4"],
  [/\btwo thirds\b/g, "2/3"],
  [/\bthree (?:quarters|fourths)\b/g, "3/4"],
];

/** "three quarters of 20" → "3/4 of 20", "3 4ths" → "3/4". */
function fractionWords(s: string): string {
  let out = s;
  for (const [re, to] of FRACTION_WORDS) out = out.replace(re, to);
  return out;
}

const SMALL: Record<string, number> = {
  zero: 0,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

/**
 * "three apples" → "3 apples", "twenty five" → "25". "one" is only a number before a noun that is
 * clearly counted ("one ticket costs"), because "one of them" / "one leg" are not quantities.
 */
export function wordsToNumbers(s: string): string {
  return s
    .replace(
      /\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ -](one|two|three|four|five|six|seven|eight|nine)\b/g,
      (_, t: string, u: string) => String(SMALL[t] + (u === "one" ? 1 : SMALL[u])),
    )
    .replace(/\ba (dozen|hundred)\b/g, (_, w: string) => String(SMALL[w]))
    .replace(
      /\b(zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)\b/g,
      (w) => String(SMALL[w]),
    )
    .replace(/\bone (?!of\b|leg\b|side\b|another\b|more\b|way\b|day\b|time\b|thing\b|question\b|problem\b)(?=[a-z]+)/g, "1 ");
}

const WORD_OPERATORS: [RegExp, string][] = [
  [/\bsubtract (-?[\d.]+) from (-?[\d.]+)/g, "$2 - $1"],
  [/\b(?:the )?sum of (-?[\d.]+) and (-?[\d.]+)/g, "$1 + $2"],
  [/\b(?:the )?product of (-?[\d.]+) and (-?[\d.]+)/g, "$1 * $2"],
  [/\b(?:the )?difference (?:of|between) (-?[\d.]+) and (-?[\d.]+)/g, "$1 - $2"],
  [/\b(?:the )?quotient of (-?[\d.]+) and (-?[\d.]+)/g, "$1 / $2"],
  [/\b(?:multiplied by|times|multiply by)\b/g, " * "],
  [/\b(?:divided by|divide by|over)\b/g, " / "],
  [/\b(?:plus|added to|add)\b/g, " + "],
  [/\b(?:minus|take away)\b/g, " - "],
  [/\bsquared\b/g, "^2"],
  [/\bcubed\b/g, "^3"],
  [/\s*\bto the power of\s*/g, "^"],
  [/\s*\bto the (\d+)(?:st|nd|rd|th)(?: power)?/g, "^$1"],
  [/\b(?:the )?square ?root of\s*/g, "sqrt "],
  [/\b(?:the )?cube ?root of\s*/g, "cbrt "],
  [/\b(sqrt|cbrt) ?(\d+(?:\.\d+)?)/g, "$1($2)"],
  [/\bsqrt ?\(/g, "sqrt("],
];

/** Word operators to symbols, mixed numbers to sums, and "3 x 4" to a product when x is not a variable. */
export function toExpressionText(s: string): string {
  // "solve for x 3(x-4) = 2x+1": the "x" of "for x" is not part of the equation.
  let out = s.replace(/\bfor ([a-z])\b\s*[:,]?(?=\s*[-\d(])/g, " ");
  for (const [re, to] of WORD_OPERATORS) out = out.replace(re, to);
  // Mixed numbers: "2 1/2" means 2 + 1/2, which mathjs would otherwise read as 2 · 1/2.
  out = out.replace(/(?<![\d./])(\d+) (\d+)\/(\d+)(?![\d.])/g, "($1 + $2/$3)");
  // "1/2 ÷ 1/4": a fraction next to a spelled-out × or ÷ is one number, (1/2) / (1/4), not 1/2/1/4.
  out = out.replace(/(?<![\d.)])(\d+\/\d+)(?=\s+[*/]\s)/g, "($1)").replace(/(\s[*/]\s+)(\d+\/\d+)(?![\d.(])/g, "$1($2)");
  // "3 x 4" is always a product; "3x4" only when there's no equation that could make x a variable.
  out = out.replace(/(\d)\s+x\s+(?=\d)/g, "$1 * ");
  if (!/[=<>]/.test(out)) out = out.replace(/(\d)\s*x\s*(?=[\d(])/g, "$1 * ");
  out = out.replace(/(\d+(?:\.\d+)?)\s*%/g, "($1/100)");
  return out.replace(/\s+/g, " ").trim();
}

/** Every number in the text, in order ("3.5", "-2", "1,200" all count; digits inside words like "cm2" do not). */
export function numbersIn(s: string): number[] {
  const out: number[] = [];
  for (const m of s.matchAll(/(?<![a-z\d.^])-?\d+(?:\.\d+)?|(?<![a-z\d.^])-?\.\d+/g)) out.push(Number(m[0]));
  return out;
}

export interface MathRun {
  text: string;
  start: number;
  end: number;
}

/**
 * Stretches of text that look like maths: numbers, operators, brackets, relations, the functions we
 * allow and single-letter variables. "solve for x: 2x + 3 = 11 please" → ["x", "2x + 3 = 11"].
 */
export function mathRuns(s: string): MathRun[] {
  const token = /(?:sqrt|cbrt|abs|pi)(?![a-z])|\d+(?:\.\d+)?|\.\d+|<=|>=|[-+*/^()=<>]|(?<![a-z])[a-z](?![a-z])|\s+/gy;
  const runs: MathRun[] = [];
  let i = 0;
  let start = -1;
  while (i < s.length) {
    token.lastIndex = i;
    const m = token.exec(s);
    if (m) {
      if (start < 0 && !/^\s+$/.test(m[0])) start = i;
      i += m[0].length;
      continue;
    }
    if (start >= 0) runs.push(trimRun(s, start, i));
    start = -1;
    i += 1;
  }
  if (start >= 0) runs.push(trimRun(s, start, s.length));
  return runs.filter((r) => r.text.length > 0);
}

function trimRun(s: string, start: number, end: number): MathRun {
  const raw = s.slice(start, end);
  const text = raw
    .trim()
    .replace(/[-+*/^=<>(]+$/, (tail) => (tail.endsWith("(") ? tail : ""))
    .trim();
  return { text, start, end: start + raw.trimEnd().length };
}

/** True when a run contains an operation, not just a lone number or letter. */
export function hasOperation(run: string): boolean {
  return /\d\s*[-+*/^]\s*[-\d(a-z.]|[)a-z]\s*[-+*/^]|sqrt|cbrt|\d[a-z]|\^/.test(run);
}
