import type { HistoryTurn } from "@/lib/tutor/types";
import { describe, expect, it, vi } from "vitest";
import { classify } from "./intent";

// The knowledge base is another module's job; a stub keeps these tests about classification only.
vi.mock("./concepts", () => ({
  findConcept: (q: string) => (/photosynth|fraction|decimal|noun/.test(q) ? { concept: { id: "x" }, score: 1 } : null),
  explainConcept: () => "stub explanation",
}));

const intentOf = (message: string, history: HistoryTurn[] = []) => classify(message, history, "middle").intent;

describe("intent classification", () => {
  it.each([
    ["math_solve", "solve 3x - 7 = 14"],
    ["math_solve", "whats 7 x 8"],
    ["math_solve", "a car drives at 45 miles per hour for 4 hours. how far does it go?"],
    ["math_solve", "what is the derivative of x^3"],
    ["math_check", "i got x = 7 for 3x - 7 = 14"],
    ["math_check", "7 x 8 = 56 right?"],
    ["math_check", "is my answer right?"],
    ["definition", "what is photosynthesis"],
    ["definition", "wat r fractions"],
    ["definition", "photosynthesis?"],
    ["explain", "how does the heart pump blood"],
    ["explain", "why is the sky blue"],
    ["explain", "how do you find the area of a triangle"],
    ["writing", "how do i write a good thesis statement"],
    ["writing", "write my essay for me about the civil war"],
    ["study", "i have a math test tomorrow, any tips?"],
    ["study", "how can i stop procrastinating"],
    ["greeting", "hello there!"],
    ["greeting", "thank you so much"],
    ["greeting", "thx for the help!"],
    ["off_topic", "lol this is so boring"],
    ["definition", "how many sides does a hexagon have"],
    ["explain", "i need help with fractions"],
    ["off_topic", "whats your favorite video game"],
    ["off_topic", "tell me a joke"],
    ["unsafe", "i want to kill myself"],
    ["unknown", "asdfghjkl"],
    ["unknown", "help"],
    ["unknown", ""],
  ])("%s ← %j", (intent, message) => {
    expect(intentOf(message)).toBe(intent);
  });

  it("treats pasted prose as writing to give feedback on", () => {
    const essay =
      "Dogs are the best pets. They are loyal and fun. Dogs can learn tricks and protect your house. ".repeat(3) +
      "In conclusion, dogs are great pets for families.";
    const route = classify(essay, [], "middle");
    expect(route).toMatchObject({ intent: "writing" });
    expect(route.intent === "writing" && route.text).toContain("Dogs are the best pets.");
  });

  it("strips the request line from pasted writing", () => {
    const route = classify(
      "can you check my essay:\n\nSocial media has changed how teenagers talk. Many students spend hours on apps every day and some of them sleep less.\n\nHowever, there are also benefits for school work.",
      [],
      "middle",
    );
    expect(route.intent === "writing" && route.text?.startsWith("Social media")).toBe(true);
  });

  it("puts safety before everything else", () => {
    expect(intentOf("can you help with 2x + 3 = 9? also i want to die")).toBe("unsafe");
  });

  it("does not flag coursework about violence or death", () => {
    expect(intentOf("why did romeo kill himself")).toBe("explain");
    expect(intentOf("this homework is killing me lol how do i solve 3x = 12")).toBe("math_solve");
  });
});

describe("using the conversation history", () => {
  const mathHistory: HistoryTurn[] = [
    { role: "user", content: "solve 3x + 4 = 19" },
    { role: "assistant", content: "**Hint 1 of 3 — a nudge**\n\nSolve $3x+4 = 19$." },
  ];

  it("continues the same problem on 'another hint' / 'I don't get it', one rung higher", () => {
    for (const follow of ["another hint", "i dont get it", "and the next one?", "huh?", "what's the answer"]) {
      const route = classify(follow, mathHistory, "middle");
      expect(route.intent, follow).toBe("math_solve");
      expect(route.intent === "math_solve" && route.rung, follow).toBe(2);
    }
  });

  it("checks a bare answer against the problem in the history", () => {
    const route = classify("x = 5", mathHistory, "middle");
    expect(route.intent).toBe("math_check");
  });

  it("starts a new problem when the student sends one", () => {
    const route = classify("now solve 2x - 1 = 9", mathHistory, "middle");
    expect(route).toMatchObject({ intent: "math_solve", rung: 1 });
  });

  it("re-explains a concept more simply after 'I don't get it'", () => {
    const history: HistoryTurn[] = [
      { role: "user", content: "what is photosynthesis" },
      { role: "assistant", content: "**Photosynthesis** …" },
    ];
    expect(classify("i don't get it", history, "middle")).toMatchObject({
      intent: "explain",
      simpler: true,
      query: "what is photosynthesis",
    });
  });

  it("keeps caring after a worrying message instead of going back to homework", () => {
    const history: HistoryTurn[] = [
      { role: "user", content: "i dont want to be alive anymore" },
      { role: "assistant", content: "…" },
    ];
    expect(classify("what do i do", history, "middle")).toMatchObject({ intent: "unsafe", category: "self_harm" });
    expect(classify("solve 2x = 8", history, "middle").intent).toBe("math_solve");
  });

  it("says it has no context for a follow-up with nothing before it", () => {
    expect(classify("another hint", [], "middle")).toMatchObject({ intent: "unknown", why: "no_context" });
  });
});
