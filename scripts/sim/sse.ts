// Wire format of Messages responses: the non-streaming Message object and the SSE events of a
// stream, shaped like the API's (the `event:` name always equals data.type).

export interface Usage {
  input: number;
  cacheCreation: number;
  cacheRead: number;
  creationTtl: "5m" | "1h";
  output: number;
}

export type StopReason = "end_turn" | "max_tokens";

function usageBody(u: Usage) {
  return {
    input_tokens: u.input,
    cache_creation_input_tokens: u.cacheCreation,
    cache_read_input_tokens: u.cacheRead,
    cache_creation: {
      ephemeral_5m_input_tokens: u.creationTtl === "5m" ? u.cacheCreation : 0,
      ephemeral_1h_input_tokens: u.creationTtl === "1h" ? u.cacheCreation : 0,
    },
    output_tokens: u.output,
    service_tier: "standard",
  };
}

/** The Message object; a stream's message_start carries it with empty content and no stop reason. */
export function messageBody(id: string, model: string, text: string | null, stopReason: StopReason | null, usage: Usage) {
  return {
    id,
    type: "message",
    role: "assistant",
    model,
    content: text === null ? [] : [{ type: "text", text }],
    stop_reason: stopReason,
    stop_sequence: null,
    usage: usageBody(usage),
  };
}

function event(data: { type: string; [key: string]: unknown }): string {
  return `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Everything sent before the first token: the API reports input usage up front. */
export function streamHead(id: string, model: string, usage: Usage): string {
  return (
    event({ type: "message_start", message: messageBody(id, model, null, null, { ...usage, output: 1 }) }) +
    event({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }) +
    event({ type: "ping" })
  );
}

export function textDelta(text: string): string {
  return event({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } });
}

/** message_delta usage is cumulative: the SDK overwrites its snapshot with these totals. */
export function streamTail(stopReason: StopReason, usage: Usage): string {
  const u = usageBody(usage);
  return (
    event({ type: "content_block_stop", index: 0 }) +
    event({
      type: "message_delta",
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: {
        input_tokens: u.input_tokens,
        cache_creation_input_tokens: u.cache_creation_input_tokens,
        cache_read_input_tokens: u.cache_read_input_tokens,
        output_tokens: u.output_tokens,
      },
    }) +
    event({ type: "message_stop" })
  );
}

/** The documented mid-stream error: sent after a 200, so the SDK raises APIError without a status. */
export const OVERLOADED_EVENT = event({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
