import { describe, expect, it } from "vitest";
import { analyse, writingFeedback, writingGuidance } from "./writing";

const RUN_ON =
  "Dogs are the best pets. Dogs are loyal and they are fun. Dogs can learn tricks and dogs can protect your house. " +
  "My dog is named Max and he is a golden retriever and he likes to play fetch in the park every day after school with me and my brother and sometimes my mom comes too. " +
  "Dogs need walks which is good for people. In conclusion dogs are the best pets.";

describe("writing feedback", () => {
  it("is labelled as automated feedback and never gives a grade", () => {
    const text = writingFeedback(RUN_ON, "middle");
    expect(text).toContain("Automated writing feedback");
    expect(text).toContain("not a grade");
    expect(text).not.toMatch(/\b(score|[0-9]+\/10|grade: [A-F])\b/i);
  });

  it("points out long sentences, repeated words and repeated sentence starts", () => {
    const text = writingFeedback(RUN_ON, "middle");
    expect(text).toMatch(/Long sentences.*over 30 words/);
    expect(text).toMatch(/Repeated words.*"dogs"/);
    expect(text).toMatch(/Sentence starts.*"Dogs"/);
  });

  it("checks paragraphing, topic sentences and transitions", () => {
    const oneBlock = "The library is a quiet place with many shelves of books for students to read and use. ".repeat(9);
    expect(writingFeedback(oneBlock, "high")).toMatch(/Paragraphs.*one block/);
    expect(writingFeedback(oneBlock, "high")).toMatch(/Transitions/);
    const essay =
      "Schools should start later because teens need sleep.\n\nFirst, sleep helps memory. Students remember more.\n\nHowever, buses cost money. Districts would need to plan.";
    const text = writingFeedback(essay, "high");
    expect(text).toMatch(/Topic sentences.*"First, sleep helps memory\."/);
    expect(text).toContain("You use linking words");
  });

  it("notices lower-case sentence starts and a lower-case i", () => {
    const text = writingFeedback(
      "i think school should start later. teenagers need more sleep. when we are tired we cant focus in class.",
      "middle",
    );
    expect(text).toContain('Capital "I"');
    expect(text).toMatch(/3 sentences start with a small letter/);
  });

  it("splits sentences even when students skip capital letters", () => {
    expect(analyse("i like cats. they are soft. dogs are ok too.").sentences).toHaveLength(3);
  });

  it("helps plan instead of writing the essay for the student", () => {
    const text = writingGuidance("write my essay for me about the civil war", "high");
    expect(text).toContain("I can't write it for you");
    expect(text).toContain("thesis");
  });
});
