// The Claude side of a turn as the pipeline sees it (ModelPort), built from lib/ai.
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageParam, TextBlockParam } from "@anthropic-ai/sdk/resources/messages";
import { buildMessages, estimateInputTokens } from "@/lib/ai/history";
import { costUsd, maxTokensFor, modelFor } from "@/lib/ai/models";
import { buildSystemPrompt } from "@/lib/ai/prompts";
import { streamAnswer } from "@/lib/ai/stream-answer";
import type { ModelEvent, ModelPlan, ModelPort, UpstreamOutcome } from "./ports";

/** History beyond the newest turns is folded into a summary; this bounds what the turns may cost. */
const MAX_HISTORY_TOKENS = 1_500;

interface PromptRequest {
  system: TextBlockParam[];
  messages: MessageParam[];
}

export function createModelPort(client: Anthropic): ModelPort {
  return {
    plan({ mode, student, subject, conversation, message }): ModelPlan {
      const system = buildSystemPrompt({ gradeLevel: student.gradeLevel, subject, mode });
      const { messages } = buildMessages({ history: conversation.history, summary: null, message, maxHistoryTokens: MAX_HISTORY_TOKENS });
      const request: PromptRequest = { system, messages };
      return { model: modelFor(mode), mode, maxTokens: maxTokensFor(mode), estInputTokens: estimateInputTokens({ system, messages }), request };
    },

    async *stream(plan, { deadlineAt, onAttempt }): AsyncIterable<ModelEvent> {
      const { system, messages } = plan.request as PromptRequest;
      const answer = streamAnswer({
        client,
        model: plan.model,
        system,
        messages,
        maxTokens: plan.maxTokens,
        deadlineMs: Math.max(0, deadlineAt - Date.now()),
        onAttemptResult: (a) =>
          onAttempt({ status: a.status ?? null, kind: a.kind, usage: null, headers: a.headers, ...(a.retryAfterMs !== undefined ? { retryAfterMs: a.retryAfterMs } : {}) }),
      });
      for await (const e of answer) {
        if (e.type === "start") {
          if (e.ttftMs !== undefined) yield { type: "first_token", ttftMs: e.ttftMs };
        } else if (e.type === "delta") yield e;
        else if (e.type === "done") yield { type: "done", usage: e.usage, status: e.status, headers: e.rateLimitHeaders };
        else {
          const outcome: UpstreamOutcome = { status: e.status ?? null, kind: e.kind, usage: null, headers: e.rateLimitHeaders, ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) };
          yield { type: "failed", outcome };
        }
      }
    },

    costUsd,
  };
}
