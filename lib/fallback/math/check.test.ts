import { describe, expect, it } from "vitest";
import { checkAnswer, parseProposal } from "./check";
import { readMathProblem } from "./parse-problem";
import { bareAnswer, extractCheck } from "./proposal";
import { isSolution, type Solution } from "./types";

function solve(text: string): Solution {
  const r = readMathProblem(text, "middle");
  if (!isSolution(r)) throw new Error(`not solved: ${text}`);
  return r;
}

const verdict = (problem: string, answer: string) => checkAnswer(solve(problem), parseProposal(answer)).verdict;

describe("answer checker", () => {
  it("confirms right answers, in the forms students write them", () => {
    expect(verdict("3x - 7 = 14", "x = 7")).toBe("correct");
    expect(verdict("3x - 7 = 14", "7")).toBe("correct");
    expect(verdict("3/4 + 1/2", "5/4")).toBe("correct");
    expect(verdict("3/4 + 1/2", "10/8")).toBe("correct");
    expect(verdict("3/4 + 1/2", "1.25")).toBe("correct");
    expect(verdict("x^2 - 5x + 6 = 0", "x = 3 and x = 2")).toBe("correct");
    expect(verdict("x + y = 12 and x - y = 4", "y = 4, x = 8")).toBe("correct");
    expect(verdict("2x - 5 > 7", "x > 6")).toBe("correct");
    expect(verdict("2x - 5 > 7", "6 < x")).toBe("correct");
    expect(verdict("18 is what percent of 72", "25%")).toBe("correct");
    expect(verdict("18 is what percent of 72", "0.25")).toBe("correct");
    expect(verdict("x^2 + x + 5 = 0", "no real solutions")).toBe("correct");
  });

  it("accepts a correctly rounded value only when the exact answer has no short decimal", () => {
    expect(verdict("10/3", "3.33")).toBe("correct");
    expect(verdict("area of a circle with radius 2", "12.57")).toBe("correct");
    expect(verdict("10/3", "3.34")).toBe("incorrect");
    // 2.25 is exact, so 2.3 is not "the answer rounded" — it's a different number.
    expect(verdict("9/4 + 0", "2.3")).toBe("incorrect");
  });

  it("never calls a wrong answer correct", () => {
    const problems = [
      "3x - 7 = 14",
      "3/4 + 1/6",
      "what is 20% of 150",
      "x^2 - 5x + 6 = 0",
      "x + y = 12 and x - y = 4",
      "mean of 4, 7, 9, 10, 15",
      "area of a circle with radius 4",
      "convert 100 fahrenheit to celsius",
      "2x - 5 > 7",
      "share 60 in the ratio 2:3",
    ];
    for (const p of problems) {
      const s = solve(p);
      if (s.expected.kind === "none") continue;
      const values = s.expected.kind === "inequality" ? [s.expected.value] : s.expected.values;
      // Off by one, off by a sign, off by a factor, swapped, and a near miss: all must be rejected.
      const wrongs = values
        .flatMap((v) => [v + 1, v - 1, -v || 1, v * 2 + 0.5, v + 0.01])
        .filter((w) => !values.some((v) => Math.abs(v - w) < 1e-9));
      for (const w of wrongs) {
        const text =
          s.expected.kind === "inequality"
            ? `x > ${w}`
            : values.length > 1
              ? values.map((v, i) => (i === 0 ? w : v)).join(" and ")
              : String(w);
        expect(checkAnswer(s, parseProposal(text)).verdict, `${p} ← ${text}`).not.toBe("correct");
      }
    }
  });

  it("says an incomplete answer is not complete rather than correct", () => {
    const r = checkAnswer(solve("x^2 - 4x - 5 = 0"), parseProposal("x = 5"));
    expect(r.verdict).toBe("incorrect");
    expect(r.message).toMatch(/isn't complete/);
  });

  it("catches swapped system answers and a flipped inequality sign", () => {
    expect(verdict("x + y = 12 and x - y = 4", "4, 8")).toBe("incorrect");
    expect(verdict("-2x < 8", "x < -4")).toBe("incorrect");
    expect(verdict("-2x < 8", "-4")).toBe("incorrect");
  });

  it("is unsure, not approving, when the answer is ambiguous or unreadable", () => {
    expect(verdict("3x - 7 = 14", "7 or 8")).toBe("unsure");
    expect(verdict("3x - 7 = 14", "I don't know")).toBe("unsure");
    expect(verdict("area of a circle with radius 4", "50")).toBe("unsure");
  });

  it("shows the substitution as evidence", () => {
    const r = checkAnswer(solve("2x + 4 = 16"), parseProposal("x = 5"));
    expect(r.message).toContain("left side is $14$ and the right side is $16$");
  });
});

describe("finding the proposed answer in a message", () => {
  it.each([
    ["i got x = 7 for 3x - 7 = 14", "x = 7", "3x - 7 = 14"],
    ["is x = 5 right for 2x + 4 = 16?", "x = 5", "2x + 4 = 16"],
    ["3/4 + 1/2 = 4/6?", "4/6", "3/4 + 1/2"],
    ["i think the mean of 5, 10, 15 is 10, is that right", "10", "mean of 5, 10, 15"],
    ["my answer for the hypotenuse with legs 5 and 12 is 13", "13", "legs 5 and 12"],
  ])("%s", (message, answer, problemPart) => {
    const c = extractCheck(message)!;
    expect(c).not.toBeNull();
    expect(c.proposal.raw.replace(/\s/g, "")).toContain(answer.replace(/\s/g, ""));
    expect(c.rest.replace(/\s/g, "")).toContain(problemPart.replace(/\s/g, ""));
  });

  it("reads bare answers but not questions", () => {
    expect(bareAnswer("x = 4")?.numbers[0].value).toBe(4);
    expect(bareAnswer("12?")?.numbers[0].value).toBe(12);
    expect(bareAnswer("what is 12 + 4")).toBeNull();
    expect(extractCheck("what is photosynthesis")).toBeNull();
  });
});
