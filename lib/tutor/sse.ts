// The SSE contract of POST /api/tutor, shared by the server, the browser and the benchmarks.
//   meta   { conversationId, messageId, mode, reason, reasonText, budget }  first (sent again if the mode changes before any text)
//   queued { estimatedWaitMs }                                               while waiting for the upstream governor
//   delta  { text }                                                          many
//   done   { mode, reason, reasonText, usage, budget, resetAt? }             last
//   error  { code, message }                                                 only when no answer at all could be given
import type { BudgetSnapshot, Mode, Reason, Usage } from "./types";

export interface MetaEvent {
  conversationId: string;
  messageId: string;
  mode: Mode;
  reason: Reason;
  reasonText: string;
  budget: BudgetSnapshot;
}

export interface DoneEvent {
  mode: Mode;
  reason: Reason;
  reasonText: string;
  usage: Usage;
  budget: BudgetSnapshot;
}

export type TurnEvent =
  | { event: "meta"; data: MetaEvent }
  | { event: "queued"; data: { estimatedWaitMs: number } }
  | { event: "delta"; data: { text: string } }
  | { event: "done"; data: DoneEvent }
  | { event: "error"; data: { code: string; message: string } };

const encoder = new TextEncoder();

export function encodeEvent(e: TurnEvent): Uint8Array {
  return encoder.encode(`event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
}

/** Parses an SSE byte stream into events. Works in the browser and in Node (tests, benchmarks). */
export async function* parseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<TurnEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const parsed = parseBlock(block);
      if (parsed) yield parsed;
    }
  }
}

function parseBlock(block: string): TurnEvent | null {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
  }
  if (data.length === 0) return null;
  return { event, data: JSON.parse(data.join("\n")) } as TurnEvent;
}
