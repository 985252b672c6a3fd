import { describe, expect, it } from "vitest";
import { encodeEvent, parseEvents, type TurnEvent } from "./sse";

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });
}

describe("SSE contract", () => {
  const events: TurnEvent[] = [
    { event: "delta", data: { text: "Hello\nworld: \"quoted\"" } },
    { event: "queued", data: { estimatedWaitMs: 1200 } },
    { event: "error", data: { code: "internal:tutor", message: "x" } },
  ];

  it("round-trips events, including text with newlines and quotes", async () => {
    const parsed: TurnEvent[] = [];
    for await (const e of parseEvents(streamOf(events.map(encodeEvent)))) parsed.push(e);
    expect(parsed).toEqual(events);
  });

  it("reassembles events split across arbitrary chunk boundaries", async () => {
    const bytes = Buffer.concat(events.map(encodeEvent));
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => new Uint8Array(bytes.subarray(i * 7, i * 7 + 7)));
    const parsed: TurnEvent[] = [];
    for await (const e of parseEvents(streamOf(chunks))) parsed.push(e);
    expect(parsed).toEqual(events);
  });

  it("writes the event name and one JSON data line", () => {
    expect(new TextDecoder().decode(encodeEvent({ event: "delta", data: { text: "a\nb" } }))).toBe('event: delta\ndata: {"text":"a\\nb"}\n\n');
  });
});
