import { reasonText } from "@/lib/tutor/reasons";
import type { HistoryTurn } from "@/lib/tutor/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import { offlineTutor, streamOfflineTutor, type OfflineTutorInput } from "./index";

const explainConcept = vi.fn((concept: { title: string }, grade: number | null) => `**${concept.title}** explained for grade ${grade}`);
vi.mock("./concepts", () => ({
  findConcept: (q: string) => (/photosynthesis/.test(q) ? { concept: { title: "Photosynthesis" }, score: 1 } : null),
  explainConcept: (c: { title: string }, g: number | null) => explainConcept(c, g),
}));

const base: OfflineTutorInput = { message: "", history: [], gradeLevel: 7, reason: "peak_load" };
const ask = (message: string, extra: Partial<OfflineTutorInput> = {}) => offlineTutor({ ...base, ...extra, message });

/** Plays a conversation through the tutor, feeding each reply back as history, like the app does. */
function converse(messages: string[], extra: Partial<OfflineTutorInput> = {}) {
  const history: HistoryTurn[] = [];
  return messages.map((message) => {
    const reply = offlineTutor({ ...base, ...extra, message, history: [...history] });
    history.push({ role: "user", content: message }, { role: "assistant", content: reply.text });
    return reply;
  });
}

afterEach(() => vi.useRealTimers());

describe("hint ladder across turns", () => {
  it("goes nudge → closer hint → worked solution, and only the last shows the answer", () => {
    const [r1, r2, r3, r4] = converse(["solve 3x + 4 = 19", "another hint", "i still don't get it", "again?"]);
    expect(r1.text).toContain("Hint 1 of 3");
    expect(r2.text).toContain("Hint 2 of 3");
    expect(r3.text).toContain("Step 3 of 3");
    expect(r4.text).toContain("Step 3 of 3");
    for (const r of [r1, r2]) expect(r.text).not.toMatch(/x = 5\$/);
    expect(r3.text).toContain("**Answer:** $x = 5$");
    expect(r4.text).toContain("full solution again");
    expect([r1, r2, r3].map((r) => r.finalAnswer)).toEqual(["x = 5", "x = 5", "x = 5"]);
  });

  it("moves one rung up after a wrong answer, and confirms a right one", () => {
    const [, wrong, right] = converse(["solve 5x - 8 = 12", "x = 3", "x = 4"]);
    expect(wrong).toMatchObject({ intent: "math_check", verdict: "incorrect" });
    expect(wrong.text).toContain("Hint 2 of 3");
    expect(right).toMatchObject({ intent: "math_check", verdict: "correct" });
  });

  it("answers a one-step sum at once with a way to check it", () => {
    const r = ask("whats 7 x 8");
    expect(r.text).toContain("= 56");
    expect(r.text).toContain("Check your work");
    expect(r.text).not.toContain("Hint 1 of 3");
  });

  it("never says a wrong answer is right, and says when it can't tell", () => {
    expect(ask("is x = 5 right for 2x + 4 = 16?").verdict).toBe("incorrect");
    expect(ask("3/4 + 1/2 = 4/6?").verdict).toBe("incorrect");
    const unsure = ask("is my answer right?");
    expect(unsure.verdict).toBe("unsure");
    expect(unsure.text).toMatch(/can't see which problem/);
  });
});

describe("reply framing", () => {
  it("starts every reply with the plain reason sentence", () => {
    for (const reason of ["peak_load", "budget_exhausted", "upstream_error", "offline"] as const) {
      expect(ask("hi", { reason }).text.startsWith(`_${reasonText(reason)}_`)).toBe(true);
    }
    expect(ask("hi", { reason: "normal" }).text).toMatch(/^_You're in practice mode/);
  });

  it("words help for the student's grade band", () => {
    const young = ask("solve 2x + 3 = 11", { gradeLevel: 2 }).text;
    const old = ask("solve 2x + 3 = 11", { gradeLevel: 11 }).text;
    expect(young).toContain("all by itself");
    expect(old).toContain("Isolate");
  });

  it("streams the same text in chunks of a few words", async () => {
    const { reply, chunks } = streamOfflineTutor({ ...base, message: "solve 3x + 4 = 19" });
    const parts: string[] = [];
    for await (const c of chunks) parts.push(c);
    expect(parts.join("")).toBe(reply.text);
    expect(parts.length).toBeGreaterThan(5);
    expect(Math.max(...parts.map((p) => p.trim().split(/\s+/).length))).toBeLessThanOrEqual(4);
  });
});

describe("honest limits", () => {
  it("says when full help is back from the budget reset time", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2030-01-01T10:00:00Z"));
    const r = ask("asdfghjkl", { reason: "budget_exhausted", resetAt: Date.parse("2030-01-01T10:25:00Z") });
    expect(r.intent).toBe("unknown");
    expect(r.text).toContain("Your tutor budget refills in about 25 minutes.");
    expect(r.text).toMatch(/You could try/);
  });

  it("says when full help is back from the load level", () => {
    expect(ask("solve x^3 = 8 + x", { loadLevel: "PEAK" }).text).toMatch(/within a few minutes/);
  });

  it("admits calculus is out of reach instead of guessing", () => {
    const r = ask("what is the derivative of x^3 + 2x");
    expect(r.intent).toBe("math_solve");
    expect(r.finalAnswer).toBeUndefined();
    expect(r.text).toMatch(/Calculus .* beyond what practice mode can do/);
  });
});

describe("concept questions", () => {
  it("explains known concepts at the student's grade", () => {
    const r = ask("what is photosynthesis", { gradeLevel: 10 });
    expect(r.intent).toBe("definition");
    expect(r.text).toContain("**Photosynthesis** explained for grade 10");
  });

  it("explains more simply after 'I don't get it'", () => {
    const [, again] = converse(["what is photosynthesis", "i don't get it"], { gradeLevel: 10 });
    expect(again.intent).toBe("explain");
    expect(again.text).toContain("simpler way");
    expect(explainConcept).toHaveBeenLastCalledWith(expect.anything(), 7);
  });

  it("says so when a topic isn't in its notes", () => {
    const r = ask("who was abraham lincoln");
    expect(r.intent).toBe("definition");
    expect(r.text).toContain('I don\'t have notes on "abraham lincoln"');
  });
});

describe("safety", () => {
  it("answers with care and the school's help text, flagged", () => {
    const r = ask("i want to kill myself", { helpResources: "Talk to Ms Rivera in room 12 or call the school line 555-0100." });
    expect(r).toMatchObject({ intent: "unsafe", flag: "safety" });
    expect(r.text.startsWith(reasonText("safety"))).toBe(true);
    expect(r.text).toContain("Ms Rivera in room 12");
    expect(r.finalAnswer).toBeUndefined();
  });

  it("treats a message the app already judged serious as a safety reply", () => {
    expect(ask("solve 2x = 4", { reason: "safety" })).toMatchObject({ intent: "unsafe", flag: "safety" });
  });
});
