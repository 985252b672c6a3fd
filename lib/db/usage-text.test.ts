import { describe, expect, it } from "vitest";
import { keywords, normaliseQuestion, stem, summariseQuestions } from "@/lib/db/usage-text";

describe("keywords", () => {
  it("drops stop words and tutoring filler, folds plurals and counts a word once per question", () => {
    expect(keywords("Can you please help me understand fractions? Fractions are hard!")).toEqual(["fraction", "hard"]);
    expect(keywords("What's photosynthesis in plants")).toEqual(["photosynthesis", "plant"]);
  });

  it("keeps words in other alphabets and accents", () => {
    expect(keywords("¿Qué es la fotosíntesis?")).toContain("fotosíntesis");
  });

  it("stems conservatively", () => {
    expect(["fractions", "equations", "glass", "bus", "analysis", "boxes", "stories"].map(stem)).toEqual(["fraction", "equation", "glass", "bus", "analysis", "box", "story"]);
  });
});

describe("normaliseQuestion", () => {
  it("makes the same question in other numbers and spacing one", () => {
    expect(normaliseQuestion("Solve 2x + 3 = 11?")).toBe(normaliseQuestion("solve 5x+1=6"));
    expect(normaliseQuestion("  What is   a PRIME number?! ")).toBe("what is a prime number");
  });
});

describe("summariseQuestions", () => {
  it("ranks topics and repeated questions, keeping the latest wording as the example", () => {
    const s = summariseQuestions([
      "How do I solve 3x + 4 = 10?",
      "what are fractions",
      "How do I solve 2x + 3 = 11?",
      "Explain fractions with pizza",
      "How do I solve 2x + 1 = 7?",
    ]);
    expect(s.topics[0]).toEqual({ term: "solve", count: 3 });
    expect(s.topics).toContainEqual({ term: "fraction", count: 2 });
    expect(s.questions).toEqual([{ text: "how do i solve #x + # = #", example: "How do I solve 3x + 4 = 10?", count: 3 }]);
  });

  it("copes with nothing to summarise", () => {
    expect(summariseQuestions([])).toEqual({ topics: [], questions: [] });
  });
});
