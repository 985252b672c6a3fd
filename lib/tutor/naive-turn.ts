// Benchmark-only baseline (TUTOR_PIPELINE=naive): the tutor without its gate — no message limit,
// budget, governor, load level or offline fallback; one SDK call per message with the SDK's default
// retries. It streams the same SSE contract and writes the same ledger record as runTurn, so
// `npm run bench` compares the two pipelines on equal terms. Never used in production.
import Anthropic, { APIError } from "@anthropic-ai/sdk";
import type { MessageParam, TextBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { SessionUser } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { TurnRecord } from "@/lib/ledger/write-turn";
import { getTutorDeps } from "./deps";
import type { LoadedStudent, PrepareDeps } from "./prepare";
import type { ConversationState, ModelPort } from "./ports";
import { reasonText } from "./reasons";
import type { TurnEvent } from "./sse";
import { sseResponse } from "./sse-response";
import type { BudgetSnapshot, Reason, Usage } from "./types";

/** The naive pipeline meters nothing; the meter shows an empty budget rather than a made-up one. */
const UNMETERED: BudgetSnapshot = { limit: 0, remaining: 0, resetAt: 0 };

const globalRef = globalThis as unknown as { fairtutorNaiveClient?: Anthropic };

/** Deliberately the SDK's defaults (maxRetries 2, its own backoff): what a team without a gate would ship. */
function naiveClient(apiKey: string): Anthropic {
  globalRef.fairtutorNaiveClient ??= new Anthropic({ apiKey, baseURL: env.ANTHROPIC_BASE_URL ?? null });
  return globalRef.fairtutorNaiveClient;
}

export async function naiveTutorResponse(req: { user: SessionUser; message: string; conversationId?: string; subject: string | null }): Promise<Response> {
  const deps = getTutorDeps();
  if (!deps.model || !env.ANTHROPIC_API_KEY) throw new AppError("unavailable:tutor", "TUTOR_PIPELINE=naive needs ANTHROPIC_API_KEY.");
  const student = await deps.loadStudent(req.user.id);
  if (!student) throw new AppError("forbidden:tutor", "This account can't use the tutor. Ask your teacher to check it is active.");
  const conversation = await deps.loadConversation(student.id, req.conversationId);
  if (conversation === "not_found") throw new AppError("not_found:conversation", "That conversation doesn't exist. Start a new one.");
  const client = naiveClient(env.ANTHROPIC_API_KEY);
  return sseResponse(runNaiveTurn({ deps, model: deps.model, client }, { student, conversation, message: req.message, subject: req.subject }));
}

interface NaiveInput {
  student: LoadedStudent;
  conversation: ConversationState;
  message: string;
  subject: string | null;
}

export async function* runNaiveTurn(
  { deps, model, client }: { deps: PrepareDeps; model: ModelPort; client: Anthropic },
  input: NaiveInput,
): AsyncGenerator<TurnEvent> {
  const startedAt = deps.now();
  const ids = { turn: deps.newId(), user: deps.newId(), assistant: deps.newId() };
  // The same prompt the gated pipeline would send for a full answer (lib/tutor/model.ts builds it).
  const plan = model.plan({ mode: "full", student: input.student, subject: input.subject, conversation: input.conversation, message: input.message });
  const { system, messages } = plan.request as { system: TextBlockParam[]; messages: MessageParam[] };
  yield {
    event: "meta",
    data: { conversationId: input.conversation.id, messageId: ids.assistant, mode: "full", reason: "normal", reasonText: reasonText("normal"), budget: UNMETERED },
  };

  const usage: Usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
  let text = "";
  let ttftMs: number | null = null;
  let status: number | null = null;
  let reason: Reason = "normal";
  try {
    const { data, response } = await client.messages.create({ model: plan.model, system, messages, max_tokens: plan.maxTokens, stream: true }).withResponse();
    status = response.status;
    for await (const e of data) {
      if (e.type === "message_start") Object.assign(usage, usageOf(e.message.usage));
      else if (e.type === "message_delta") Object.assign(usage, usageOf(e.usage));
      else if (e.type === "content_block_delta" && e.delta.type === "text_delta" && e.delta.text) {
        ttftMs ??= deps.now() - startedAt;
        text += e.delta.text;
        yield { event: "delta", data: { text: e.delta.text } };
      }
    }
    yield { event: "done", data: { mode: "full", reason, reasonText: reasonText(reason), usage, budget: UNMETERED } };
  } catch (err) {
    status = err instanceof APIError && err.status !== undefined ? err.status : status;
    reason = status === 429 ? "upstream_rate_limited" : "upstream_error";
    console.error("[tutor:naive] model call failed", err instanceof Error ? err.message : err);
    yield { event: "error", data: { code: "unavailable:tutor", message: "The AI tutor couldn't answer this time. Please ask again." } };
  }
  // As runTurn: the stream stays open until the turn is durable, so a follow-up finds its conversation.
  await deps.record(record(deps, model, input, ids, { plan: plan.model, usage, text, ttftMs, status, reason, startedAt }));
}

/** message_delta counts are cumulative; input and cache counts are only present when they changed. */
function usageOf(u: { input_tokens?: number | null; output_tokens: number; cache_read_input_tokens?: number | null; cache_creation_input_tokens?: number | null }): Partial<Usage> {
  return {
    outputTokens: u.output_tokens,
    ...(u.input_tokens != null && { inputTokens: u.input_tokens }),
    ...(u.cache_read_input_tokens != null && { cacheReadTokens: u.cache_read_input_tokens }),
    ...(u.cache_creation_input_tokens != null && { cacheWriteTokens: u.cache_creation_input_tokens }),
  };
}

function record(
  deps: PrepareDeps,
  model: ModelPort,
  input: NaiveInput,
  ids: { turn: string; user: string; assistant: string },
  r: { plan: string; usage: Usage; text: string; ttftMs: number | null; status: number | null; reason: Reason; startedAt: number },
): TurnRecord {
  const finishedAt = deps.now();
  const title = input.message.replace(/\s+/g, " ").trim();
  return {
    turnId: ids.turn,
    studentId: input.student.id,
    schoolId: input.student.schoolId,
    classId: input.student.classId,
    conversation: { id: input.conversation.id, title: title.length > 60 ? `${title.slice(0, 57)}…` : title, subject: input.subject },
    userMessage: { id: ids.user, content: input.message, createdAt: new Date(r.startedAt).toISOString() },
    assistantMessage: { id: ids.assistant, content: r.text, flag: null, createdAt: new Date(finishedAt).toISOString() },
    mode: "full",
    reason: r.reason,
    model: r.plan,
    usage: r.usage,
    costUsd: model.costUsd(r.plan, r.usage),
    ttftMs: r.ttftMs,
    latencyMs: finishedAt - r.startedAt,
    upstreamStatus: r.status,
  };
}
