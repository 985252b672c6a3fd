// Turns a turn's event stream into an SSE HTTP response. A thrown error after the headers were
// sent becomes an `error` event, so the browser always sees the stream end in words, not a reset.
import { encodeEvent, type TurnEvent } from "./sse";

export function sseResponse(events: AsyncGenerator<TurnEvent>): Response {
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await events.next();
        if (done) controller.close();
        else controller.enqueue(encodeEvent(value));
      } catch (err) {
        console.error("[tutor] turn failed mid-stream", err);
        controller.enqueue(encodeEvent({ event: "error", data: { code: "internal:tutor", message: "The tutor hit a problem finishing this answer. Please ask again." } }));
        controller.close();
      }
    },
    async cancel() {
      // The student closed the page: let the turn finish its bookkeeping (budget, ledger) anyway.
      void drain(events);
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}

async function drain(events: AsyncGenerator<TurnEvent>) {
  try {
    for await (const _ of events);
  } catch (err) {
    console.error("[tutor] turn failed after the client left", err);
  }
}
