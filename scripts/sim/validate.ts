// Request validation with the API's error wording ("<path>: <problem>"), so clients that log or
// surface these messages see what they would see in production.

export interface Block {
  type: string;
  text?: string;
  cache_control?: { type: string; ttl?: string };
  [key: string]: unknown;
}

export interface MessageParam {
  role: "user" | "assistant" | "system";
  content: string | Block[];
}

/** The prompt part shared by Messages and count_tokens. */
export interface PromptRequest {
  model: string;
  messages: MessageParam[];
  system: string | Block[] | null;
  tools: Block[] | null;
}

export interface MessagesRequest extends PromptRequest {
  max_tokens: number;
  stream: boolean;
}

type Invalid = { ok: false; status: 400 | 404; type: "invalid_request_error" | "not_found_error"; message: string };
export type Validation<T> = { ok: true; value: T } | Invalid;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function checkBlocks(v: unknown, path: string): string | null {
  if (!Array.isArray(v)) return `${path}: Input should be a valid list`;
  for (let i = 0; i < v.length; i++) {
    const b: unknown = v[i];
    if (!isObject(b)) return `${path}.${i}: Input should be a valid dictionary`;
    if (typeof b.type !== "string") return `${path}.${i}.type: Field required`;
    if (b.type === "text") {
      if (typeof b.text !== "string") return `${path}.${i}.text: Field required`;
      if (b.text === "") return "messages: text content blocks must be non-empty";
    }
    if (b.cache_control !== undefined && !(isObject(b.cache_control) && b.cache_control.type === "ephemeral")) {
      return `${path}.${i}.cache_control.type: Input should be 'ephemeral'`;
    }
  }
  return null;
}

function checkMessages(v: unknown): string | null {
  if (v === undefined) return "messages: Field required";
  if (!Array.isArray(v)) return "messages: Input should be a valid list";
  if (v.length === 0) return "messages: at least one message is required";
  for (let i = 0; i < v.length; i++) {
    const m: unknown = v[i];
    if (!isObject(m)) return `messages.${i}: Input should be a valid dictionary`;
    if (m.role !== "user" && m.role !== "assistant" && m.role !== "system") {
      return `messages.${i}.role: Input should be 'user' or 'assistant'`;
    }
    const isLast = i === v.length - 1;
    if (typeof m.content === "string") {
      if (m.content === "" && !(isLast && m.role === "assistant")) {
        return `messages.${i}: all messages must have non-empty content except for the optional final assistant message`;
      }
    } else {
      const problem = checkBlocks(m.content, `messages.${i}.content`);
      if (problem) return problem;
    }
  }
  return null;
}

export function validateRequest(body: unknown, kind: "messages"): Validation<MessagesRequest>;
export function validateRequest(body: unknown, kind: "count_tokens"): Validation<PromptRequest>;
export function validateRequest(body: unknown, kind: "messages" | "count_tokens"): Validation<MessagesRequest | PromptRequest> {
  const bad = (message: string): Invalid => ({ ok: false, status: 400, type: "invalid_request_error", message });
  if (!isObject(body)) return bad("Input should be a valid dictionary");
  const { model, max_tokens, messages, system, tools, stream } = body;

  if (model === undefined) return bad("model: Field required");
  if (typeof model !== "string") return bad("model: Input should be a valid string");
  if (kind === "messages") {
    if (max_tokens === undefined) return bad("max_tokens: Field required");
    if (typeof max_tokens !== "number" || !Number.isInteger(max_tokens)) return bad("max_tokens: Input should be a valid integer");
    if (max_tokens < 1) return bad("max_tokens: Input should be greater than or equal to 1");
  }
  const messagesProblem = checkMessages(messages);
  if (messagesProblem) return bad(messagesProblem);
  if (system !== undefined && typeof system !== "string") {
    const problem = checkBlocks(system, "system");
    if (problem) return bad(problem);
    const nonText = (system as Block[]).findIndex((b) => b.type !== "text");
    if (nonText >= 0) return bad(`system.${nonText}.type: Input should be 'text'`);
  }
  if (tools !== undefined && !Array.isArray(tools)) return bad("tools: Input should be a valid list");
  if (stream !== undefined && typeof stream !== "boolean") return bad("stream: Input should be a valid boolean");
  // The API answers an unknown model with 404; anything outside the claude- namespace is unknown here.
  if (!model.startsWith("claude-")) return { ok: false, status: 404, type: "not_found_error", message: `model: ${model}` };

  const prompt: PromptRequest = {
    model,
    messages: messages as MessageParam[],
    system: (system as string | Block[] | undefined) ?? null,
    tools: (tools as Block[] | undefined) ?? null,
  };
  // count_tokens takes no max_tokens and never streams.
  return { ok: true, value: kind === "messages" ? { ...prompt, max_tokens: max_tokens as number, stream: stream === true } : prompt };
}
