import { describe, expect, it } from "vitest";
import { detectUnsafe, safetyReply } from "./safety";

describe("detectUnsafe", () => {
  it.each([
    ["self_harm", "i want to kill myself"],
    ["self_harm", "I don't want to be alive anymore"],
    ["self_harm", "ive been cutting myself again"],
    ["self_harm", "sometimes i think everyone would be better off without me"],
    ["self_harm", "nobody would care if i disappeared. i want to end it all"],
    ["self_harm", "kms"],
    ["self_harm", "i feel like killing myself lol"],
    ["abuse", "my dad hits me when hes drunk"],
    ["abuse", "my stepdad keeps hurting me"],
    ["abuse", "i'm scared to go home tonight"],
    ["abuse", "im being bullied every day"],
    ["violence", "i want to hurt him so bad, he deserves it"],
    ["violence", "im gonna stab that kid tomorrow"],
    ["weapons", "im going to bring a knife to school tomorrow"],
    ["weapons", "how do i make a bomb"],
  ])("%s ← %j", (category, message) => {
    expect(detectUnsafe(message)).toBe(category);
  });

  it.each([
    "why did romeo kill himself",
    "what caused world war 2",
    "how did the dinosaurs die",
    "this homework is killing me lol",
    "the story is about a boy who gets bullied at school",
    "solve 2x + 3 = 11",
    "a ball is thrown 20 m, how far did it go",
    "what is the boiling point of water",
  ])("does not flag coursework: %j", (message) => {
    expect(detectUnsafe(message)).toBeNull();
  });
});

describe("safetyReply", () => {
  it("uses the school's help text when given, and always mentions emergencies", () => {
    const text = safetyReply("self_harm", "high", "Talk to Ms Rivera (counselor), room 12.");
    expect(text).toContain("Ms Rivera");
    expect(text).toMatch(/emergency number/);
    expect(text).not.toContain("988");
  });

  it("falls back to resources that fit the situation", () => {
    expect(safetyReply("self_harm", "middle")).toContain("988");
    expect(safetyReply("abuse", "middle")).toContain("1-800-422-4453");
    expect(safetyReply("abuse", "elementary")).toContain("not your fault");
  });
});
