// Bounded conversation context: the last few exchanges verbatim, everything older folded into a short
// extractive summary, so a turn's input tokens (and its budget reservation) stay flat however long
// the conversation grows.
import type { MessageParam, TextBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { HistoryTurn } from "@/lib/tutor/types";

/**
 * Token estimate, rounded up: 4 characters per token for ASCII text, and one token per other
 * character, since accented, CJK and emoji text tokenises far denser than English. It only sizes
 * reservations and the history window; the real count arrives in the response's usage.
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 128) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4) + other;
}

// Role markers and block framing the API adds around each message and block (a small, generous guess).
const MESSAGE_OVERHEAD_TOKENS = 8;

function contentText(content: MessageParam["content"]): string[] {
  if (typeof content === "string") return [content];
  return content.map((block) => (block.type === "text" ? block.text : JSON.stringify(block)));
}

export function estimateInputTokens({
  system,
  messages,
}: {
  system: string | TextBlockParam[];
  messages: MessageParam[];
}): number {
  const systemTexts = typeof system === "string" ? [system] : system.map((b) => b.text);
  let total = 0;
  for (const text of systemTexts) total += estimateTokens(text) + MESSAGE_OVERHEAD_TOKENS;
  for (const m of messages) {
    for (const text of contentText(m.content)) total += estimateTokens(text) + MESSAGE_OVERHEAD_TOKENS;
  }
  return total;
}

export const SUMMARY_MAX_CHARS = 1_200;
const STUDENT_CLIP_CHARS = 200;
const TUTOR_CLIP_CHARS = 140;
const ELISION = "- …";

function oneLine(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, " [code] ")
    .replace(/^\s*(?:#+|>+|[*-]|\d+\.)\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

// The tutor's first sentence is often a pleasantry ("Great question!"); the first substantial one
// says what was explained.
function tutorGist(text: string): string {
  const sentences = oneLine(text).split(/(?<=[.!?])\s+/);
  return clip(sentences.find((s) => s.length >= 25) ?? sentences[0] ?? "", TUTOR_CLIP_CHARS);
}

/**
 * Folds dropped turns into the running summary without a model call: one line per turn (what the
 * student asked, the gist of the tutor's reply). Over SUMMARY_MAX_CHARS the oldest lines go, except
 * the first, which usually names the conversation's topic.
 */
export function updateSummary(prevSummary: string | null, droppedTurns: HistoryTurn[]): string | null {
  const previous = prevSummary ? prevSummary.split("\n").filter(Boolean) : [];
  let elided = previous.includes(ELISION);
  const lines = previous.filter((l) => l !== ELISION);
  for (const turn of droppedTurns) {
    const gist = turn.role === "user" ? clip(oneLine(turn.content), STUDENT_CLIP_CHARS) : tutorGist(turn.content);
    if (gist) lines.push(`- ${turn.role === "user" ? "Student" : "Tutor"}: ${gist}`);
  }
  if (lines.length === 0) return null;
  const size = () => lines.join("\n").length + (elided ? ELISION.length + 1 : 0);
  while (lines.length > 1 && size() > SUMMARY_MAX_CHARS) {
    lines.splice(1, 1);
    elided = true;
  }
  if (elided) lines.splice(1, 0, ELISION);
  // A single over-long first line (only possible with a hand-written prevSummary) is cut as a whole.
  return clip(lines.join("\n"), SUMMARY_MAX_CHARS);
}

interface Turn extends HistoryTurn {
  /** Index in the caller's history of the first stored turn merged into this one. */
  start: number;
}

// The API wants strict user/assistant alternation starting with a user turn, but stored history can
// have gaps: a failed turn leaves a question with no answer, a retry leaves two questions in a row.
// Merging same-role runs (the new message included) restores alternation without losing a word.
function alternate(history: HistoryTurn[], message: string): Turn[] {
  const turns: Turn[] = [];
  const all: HistoryTurn[] = [...history, { role: "user", content: message }];
  all.forEach((turn, index) => {
    // The API rejects empty text blocks; an empty stored turn (an aborted answer) carries nothing.
    if (!turn.content.trim() && index < history.length) return;
    const last = turns[turns.length - 1];
    if (last?.role === turn.role) last.content = `${last.content}\n\n${turn.content}`;
    else turns.push({ role: turn.role, content: turn.content, start: index });
  });
  return turns;
}

// Below this a clipped turn is noise rather than context.
const MIN_CLIPPED_TURN_TOKENS = 32;

function clipToTokens(text: string, maxTokens: number): string {
  if (estimateTokens(text) <= maxTokens) return text;
  // Keep the start (the question or the method) and the end (the tutor's closing question).
  for (let keep = Math.floor(text.length / 2); keep > 0; keep = Math.floor(keep * 0.8)) {
    const clipped = `${text.slice(0, keep)} […] ${text.slice(text.length - keep)}`;
    if (estimateTokens(clipped) <= maxTokens) return clipped;
  }
  return "[…]";
}

export interface BuildMessagesOptions {
  history: HistoryTurn[];
  /** Running summary of the turns before `history[0]`, or null. */
  summary: string | null;
  message: string;
  /** Counted in turns (messages), so 6 = the last 3 exchanges. */
  maxHistoryTurns?: number;
  maxHistoryTokens: number;
}

export interface BuiltMessages {
  messages: MessageParam[];
  /** The summary that was sent: `summary` plus `droppedTurns`. Persist it with the turn. */
  summary: string | null;
  /** The oldest turns of `history` that were left out (always a prefix); now covered by `summary`. */
  droppedTurns: HistoryTurn[];
}

export function buildMessages({
  history,
  summary,
  message,
  maxHistoryTurns = 6,
  maxHistoryTokens,
}: BuildMessagesOptions): BuiltMessages {
  const turns = alternate(history, message);
  const current = turns[turns.length - 1];
  const past = turns.slice(0, -1);

  // Whole (user, assistant) pairs from the newest back, while the turn count and token budget allow.
  // `past` alternates and ends with an assistant turn, so walking back two at a time keeps pairs.
  let first = past.length;
  let tokens = 0;
  while (first - 2 >= 0 && past[first - 2].role === "user" && past.length - first + 2 <= maxHistoryTurns) {
    const pairTokens = estimateTokens(past[first - 2].content) + estimateTokens(past[first - 1].content);
    if (tokens + pairTokens > maxHistoryTokens) break;
    tokens += pairTokens;
    first -= 2;
  }
  let kept = past.slice(first);
  // A single huge last exchange would otherwise leave the model blind to "what did you mean in
  // step 2?": keep it, clipped to the budget.
  const half = Math.floor(maxHistoryTokens / 2);
  const canClip = half >= MIN_CLIPPED_TURN_TOKENS && maxHistoryTurns >= 2;
  if (kept.length === 0 && canClip && past.length >= 2 && past[past.length - 2].role === "user") {
    first = past.length - 2;
    kept = past.slice(first).map((t) => ({ ...t, content: clipToTokens(t.content, half) }));
  }

  const droppedTurns = history.slice(0, first < past.length ? past[first].start : current.start);
  const nextSummary = droppedTurns.length > 0 ? updateSummary(summary, droppedTurns) : summary;

  const messages: MessageParam[] = [...kept, current].map((t) => ({ role: t.role, content: t.content }));
  if (nextSummary) {
    // Into the first user message, not the system prompt, so the cached system prefix stays identical.
    messages[0].content = [
      { type: "text", text: `<conversation_summary>\nEarlier in this conversation:\n${nextSummary}\n</conversation_summary>` },
      { type: "text", text: messages[0].content as string },
    ];
  }
  return { messages, summary: nextSummary, droppedTurns };
}
