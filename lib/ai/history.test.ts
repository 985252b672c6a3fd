import type { MessageParam } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import { buildMessages, estimateInputTokens, estimateTokens, SUMMARY_MAX_CHARS, updateSummary } from "@/lib/ai/history";
import { buildSystemPrompt } from "@/lib/ai/prompts";
import type { HistoryTurn } from "@/lib/tutor/types";

const user = (content: string): HistoryTurn => ({ role: "user", content });
const tutor = (content: string): HistoryTurn => ({ role: "assistant", content });

function conversation(exchanges: number, answerChars = 400): HistoryTurn[] {
  return Array.from({ length: exchanges }, (_, i) => [
    user(`Question ${i}: how do I solve ${i}x + 3 = ${i * 2 + 7}? I tried subtracting first.`),
    tutor(`Good start. ${"Think about what is being done to x, and undo it step by step. ".repeat(answerChars / 60)}What do you get?`),
  ]).flat();
}

function textOf(m: MessageParam): string {
  return typeof m.content === "string" ? m.content : m.content.map((b) => (b.type === "text" ? b.text : "")).join("\n");
}

function expectAlternating(messages: MessageParam[]) {
  expect(messages[0].role).toBe("user");
  messages.forEach((m, i) => expect(m.role).toBe(i % 2 === 0 ? "user" : "assistant"));
  expect(messages[messages.length - 1].role).toBe("user");
  for (const m of messages) expect(textOf(m).trim()).not.toBe("");
}

describe("estimateTokens", () => {
  it("is about chars/4 for English, rounds up, and counts non-ASCII densely", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("abcd")).toBe(1);
    expect(estimateTokens("abcde")).toBe(2);
    expect(estimateTokens("x".repeat(400))).toBe(100);
    expect(estimateTokens("二次方程式")).toBe(5);
  });

  it("estimates a whole request: system blocks plus every message", () => {
    const system = buildSystemPrompt({ gradeLevel: 7, subject: "Maths", mode: "full" });
    const messages: MessageParam[] = [{ role: "user", content: "x".repeat(400) }];
    const systemOnly = estimateInputTokens({ system, messages: [] });
    expect(estimateInputTokens({ system, messages })).toBeGreaterThanOrEqual(systemOnly + 100);
  });
});

describe("buildMessages", () => {
  it("sends the new message alone when there is no history", () => {
    const built = buildMessages({ history: [], summary: null, message: "What is a prime?", maxHistoryTokens: 1_000 });
    expect(built.messages).toEqual([{ role: "user", content: "What is a prime?" }]);
    expect(built).toMatchObject({ summary: null, droppedTurns: [] });
  });

  it("keeps the most recent whole pairs, starting with a user turn", () => {
    const history = conversation(5, 60);
    const built = buildMessages({ history, summary: null, message: "next", maxHistoryTokens: 10_000 });
    expect(built.messages).toHaveLength(7);
    expectAlternating(built.messages);
    expect(textOf(built.messages[0])).toContain(history[4].content);
    expect(built.droppedTurns).toEqual(history.slice(0, 4));
    expect(built.messages[6]).toEqual({ role: "user", content: "next" });
  });

  it("inserts the summary of dropped turns into the first user message, not the system prompt", () => {
    const history = conversation(5, 60);
    const built = buildMessages({ history, summary: null, message: "next", maxHistoryTokens: 10_000 });
    const first = built.messages[0].content;
    expect(Array.isArray(first)).toBe(true);
    expect(textOf(built.messages[0])).toContain("<conversation_summary>");
    expect(built.summary).toContain("Question 0");
    expect(built.summary).toContain("Question 1");
    expect(built.summary).not.toContain("Question 2"); // still verbatim in the window
  });

  it("keeps an earlier summary even when nothing new is dropped", () => {
    const built = buildMessages({ history: [], summary: "- Student: fractions", message: "hi", maxHistoryTokens: 500 });
    expect(textOf(built.messages[0])).toContain("- Student: fractions");
    expect(built.summary).toBe("- Student: fractions");
  });

  it("drops pairs to fit the token budget", () => {
    const history = conversation(3, 1_200);
    const pairTokens = estimateTokens(history[4].content) + estimateTokens(history[5].content);
    const built = buildMessages({ history, summary: null, message: "next", maxHistoryTokens: pairTokens + 10 });
    expect(built.messages).toHaveLength(3);
    expect(built.droppedTurns).toHaveLength(4);
  });

  it("clips a single exchange that is larger than the whole budget rather than losing it", () => {
    const history = [user("Explain photosynthesis"), tutor(`Plants ${"make sugar from light. ".repeat(500)}Which gas do plants take in?`)];
    const built = buildMessages({ history, summary: null, message: "step 2?", maxHistoryTokens: 300 });
    expect(built.messages).toHaveLength(3);
    expectAlternating(built.messages);
    expect(textOf(built.messages[1])).toContain("[…]");
    expect(textOf(built.messages[1])).toContain("Which gas do plants take in?");
    expect(estimateTokens(textOf(built.messages[0])) + estimateTokens(textOf(built.messages[1]))).toBeLessThanOrEqual(300);
    expect(built.droppedTurns).toEqual([]);
  });

  it("repairs broken alternation: leading tutor turn, repeated questions, empty turns, unanswered question", () => {
    const history = [
      tutor("Hi! What are we working on?"),
      user("fractions"),
      user("sorry, adding fractions"),
      tutor(""),
      tutor("Sure — what is 1/2 + 1/4?"),
      user("is it 2/6?"),
    ];
    const built = buildMessages({ history, summary: null, message: "hello?", maxHistoryTokens: 2_000 });
    expectAlternating(built.messages);
    expect(built.messages).toHaveLength(3);
    expect(textOf(built.messages[0])).toContain("fractions\n\nsorry, adding fractions");
    // The unanswered question travels with the new one instead of vanishing.
    expect(built.messages[2]).toEqual({ role: "user", content: "is it 2/6?\n\nhello?" });
    expect(built.droppedTurns).toEqual([history[0]]);
  });

  it("keeps input tokens bounded for a 200-turn conversation", () => {
    const system = buildSystemPrompt({ gradeLevel: 9, subject: "Algebra", mode: "full" });
    const maxHistoryTokens = 1_500;
    const history: HistoryTurn[] = [];
    let summary: string | null = null;
    let peak = 0;
    for (let i = 0; i < 100; i++) {
      const message = `Turn ${i}: ${"why does the method work here? ".repeat(1 + (i % 7))}`;
      const built = buildMessages({ history, summary, message, maxHistoryTokens });
      expectAlternating(built.messages);
      // Everything but the new message: verbatim turns within budget plus the bounded summary.
      const contextTokens = built.messages.reduce((n, m) => n + estimateTokens(textOf(m)), 0) - estimateTokens(message);
      expect(contextTokens).toBeLessThanOrEqual(maxHistoryTokens + SUMMARY_MAX_CHARS / 4 + 30);
      peak = Math.max(peak, estimateInputTokens({ system, messages: built.messages }));
      // The caller persists the summary and forgets the turns it covers.
      summary = built.summary;
      history.splice(0, built.droppedTurns.length);
      history.push(user(message), tutor(`Answer ${i}. ${"Let us look at each step carefully. ".repeat(5 + (i % 20))}`));
    }
    expect(history.length).toBeLessThanOrEqual(8);
    expect(summary!.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    const systemTokens = estimateInputTokens({ system, messages: [] });
    expect(peak).toBeLessThan(systemTokens + maxHistoryTokens + SUMMARY_MAX_CHARS / 4 + 400);
  });
});

describe("updateSummary", () => {
  it("keeps one line per turn: the student's question and the tutor's substantial sentence", () => {
    const s = updateSummary(null, [
      user("## How do I find the area of a circle?"),
      tutor("Great question! The area of a circle uses its radius: $A = \\pi r^2$. What is the radius here?"),
    ]);
    expect(s).toBe("- Student: How do I find the area of a circle?\n- Tutor: The area of a circle uses its radius: $A = \\pi r^2$.");
  });

  it("stays bounded, keeps the first line (the topic) and marks the gap", () => {
    let s: string | null = null;
    for (let i = 0; i < 100; i++) s = updateSummary(s, [user(`Question number ${i} about ${"long words ".repeat(20)}`)]);
    expect(s!.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    const lines = s!.split("\n");
    expect(lines[0]).toContain("Question number 0");
    expect(lines[1]).toBe("- …");
    expect(lines[lines.length - 1]).toContain("Question number 99");
    expect(lines.filter((l) => l === "- …")).toHaveLength(1);
  });

  it("returns the previous summary unchanged in substance when nothing was dropped", () => {
    expect(updateSummary(null, [])).toBeNull();
    expect(updateSummary("- Student: a", [])).toBe("- Student: a");
  });
});
