// Pythagorean theorem: a missing side of a right triangle from the other two, including the usual
// ladder-against-a-wall and rectangle-diagonal word problems.
import { byBand, type Band } from "../wording";
import { fmt, math, needsRounding } from "./engine";
import { numbersIn, wordsToNumbers } from "./normalize";
import type { MathResult } from "./types";

const TRIGGER = /\b(hypotenuse|pythag\w*|right[- ]?(?:angled? )?triangle|right angle|ladder|diagonal)\b/;
const NUM = "(\\d+(?:\\.\\d+)?)";
const HYPOTENUSE = [
  new RegExp(`\\b(?:hypotenuse|ladder|diagonal)(?: is| of| =|:)?(?: length)?\\s*${NUM}`),
  new RegExp(`${NUM}\\s*[a-z]*\\s*(?:long )?(?:hypotenuse|ladder)\\b`),
  new RegExp(`\\bc\\s*=\\s*${NUM}`),
];
const WANTS_HYPOTENUSE =
  /\b(find|what is|what's|how long is|calculate)\b[^.?]*\b(hypotenuse|longest side|diagonal|ladder)\b|\bc\s*=\s*\?|find c\b/;

const hyp = math.compile("sqrt(a^2 + b^2)");
const leg = math.compile("sqrt(c^2 - a^2)");

export function tryPythagoras(text: string, band: Band): MathResult | null {
  const s = wordsToNumbers(text);
  if (!TRIGGER.test(s)) return null;
  const nums = numbersIn(s.replace(/\b90\s*(?:°|degrees?|deg)\b/g, " ")).filter((n) => n > 0);
  if (nums.length < 2) return null;
  const wantsC = WANTS_HYPOTENUSE.test(s);
  const cMatch = wantsC ? null : HYPOTENUSE.map((re) => s.match(re)).find((m) => m);
  const formula = byBand(band, { elementary: "a² + b² = c²", high: "$a^2 + b^2 = c^2$" });
  const nudge = byBand(band, {
    elementary:
      "In a right triangle, the two short sides and the long side (the hypotenuse) are linked: $a^2 + b^2 = c^2$. Which side are you looking for?",
    high: "Use Pythagoras: $a^2 + b^2 = c^2$, where $c$ is the hypotenuse (opposite the right angle). Are you finding the hypotenuse or a shorter side?",
  });

  if (cMatch) {
    const c = Number(cMatch[1]);
    const a = nums.find((n) => n !== c) ?? nums[0];
    if (a >= c)
      return {
        unsupported: "The hypotenuse has to be the longest side of a right triangle, so those numbers don't fit. Could you check them?",
      };
    const b = leg.evaluate({ a, c }) as number;
    const exactness = needsRounding(b, 2) ? `\\sqrt{${fmt(c * c - a * a)}} \\approx ${fmt(b, 2)}` : fmt(b);
    return {
      family: "pythagoras",
      problem: `A right triangle has hypotenuse $${fmt(c)}$ and one shorter side $${fmt(a)}$. Find the other side.`,
      nudge,
      hint: `Put the numbers into ${formula}: $${fmt(a)}^2 + b^2 = ${fmt(c)}^2$. What do you subtract to get $b^2$ on its own?`,
      steps: [
        `Write Pythagoras with the hypotenuse as $c$: $${fmt(a)}^2 + b^2 = ${fmt(c)}^2$.`,
        `Square the numbers: $${fmt(a * a)} + b^2 = ${fmt(c * c)}$.`,
        `Subtract: $b^2 = ${fmt(c * c)} - ${fmt(a * a)} = ${fmt(c * c - a * a)}$.`,
        `Square root: $b = ${exactness}$.`,
      ],
      answer: `The missing side is $${exactness}$.`,
      finalAnswer: fmt(b, 2),
      expected: { kind: "numbers", values: [b], ordered: true },
    };
  }
  const [a, b] = nums;
  const c = hyp.evaluate({ a, b }) as number;
  const exactness = needsRounding(c, 2) ? `\\sqrt{${fmt(a * a + b * b)}} \\approx ${fmt(c, 2)}` : fmt(c);
  return {
    family: "pythagoras",
    problem: `A right triangle has shorter sides $${fmt(a)}$ and $${fmt(b)}$. Find the hypotenuse.`,
    nudge,
    hint: `Put the numbers into ${formula}: $${fmt(a)}^2 + ${fmt(b)}^2 = c^2$. Square each one and add — then what do you do to get $c$?`,
    steps: [
      `Write Pythagoras: $${fmt(a)}^2 + ${fmt(b)}^2 = c^2$.`,
      `Square and add: $${fmt(a * a)} + ${fmt(b * b)} = ${fmt(a * a + b * b)}$, so $c^2 = ${fmt(a * a + b * b)}$.`,
      `Square root: $c = ${exactness}$.`,
    ],
    answer: `The hypotenuse is $${exactness}$.`,
    finalAnswer: fmt(c, 2),
    expected: { kind: "numbers", values: [c], ordered: true },
  };
}
