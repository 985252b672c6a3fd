// What a tutor turn needs from the outside world, as plain interfaces. lib/tutor/deps.ts wires the
// real ones (PostgreSQL, Redis, Anthropic); tests wire their own. The pipeline never imports a client.
import type { EffectivePolicy } from "@/lib/budget/policy";
import type { TurnRecord } from "@/lib/ledger/write-turn";
import type { BudgetSnapshot, HistoryTurn, LoadLevel, Mode, Reason, StudentProfile, Usage } from "./types";

export interface ConversationState {
  id: string;
  isNew: boolean;
  history: HistoryTurn[];
}

export interface BudgetPort {
  reserve(studentId: string, policy: EffectivePolicy, tokens: number): Promise<{ ok: boolean; snapshot: BudgetSnapshot; reservedAt: number }>;
  /** Charges (actual > reserved) or refunds (actual < reserved) the difference, in the window reserved in. */
  reconcile(studentId: string, policy: EffectivePolicy, r: { reserved: number; actual: number; reservedAt: number }): Promise<BudgetSnapshot>;
  peek(studentId: string, policy: EffectivePolicy): Promise<BudgetSnapshot>;
}

/** Whatever the governor needs to settle an admission later; opaque to the pipeline. */
export type AdmissionTicket = unknown;

export interface GovernorPort {
  /** The shared load level, and whether the provider's circuit breaker is open. */
  load(): Promise<{ level: LoadLevel; providerDown: boolean }>;
  admit(req: {
    estInputTokens: number;
    maxOutputTokens: number;
    priority: number;
    schoolId: string;
    onQueued: (estimatedWaitMs: number) => void;
    /** Overrides the configured wait; 0 = only if there is room right now, never queueing behind others. */
    maxWaitMs?: number;
  }): Promise<
    { admitted: true; ticket: AdmissionTicket; waitedMs: number } | { admitted: false; reason: Reason; waitedMs: number }
  >;
  /** After every upstream attempt: learn from its headers and outcome (429 pause, load signals). Never throws. */
  observe(outcome: UpstreamOutcome): void;
  /** After the call: give back what the admission reserved beyond the real usage. */
  settle(ticket: AdmissionTicket, usage: Usage | null): Promise<void>;
}

export interface UpstreamOutcome {
  status: number | null;
  kind: "ok" | "rate_limited" | "overloaded" | "server_error" | "network" | "timeout" | "midstream" | "bad_request" | "auth";
  usage: Usage | null;
  headers: Record<string, string>;
  retryAfterMs?: number;
}

export interface ModelPlan {
  model: string;
  mode: "full" | "concise";
  maxTokens: number;
  estInputTokens: number;
  /** Opaque to the pipeline: the prompt as the model client wants it. */
  request: unknown;
}

export type ModelEvent =
  | { type: "delta"; text: string }
  | { type: "first_token"; ttftMs: number }
  | { type: "done"; usage: Usage; status: number; headers: Record<string, string> }
  | { type: "failed"; outcome: UpstreamOutcome };

export interface ModelPort {
  plan(input: { mode: "full" | "concise"; student: StudentProfile; subject: string | null; conversation: ConversationState; message: string }): ModelPlan;
  stream(plan: ModelPlan, opts: { deadlineAt: number; onAttempt: (o: UpstreamOutcome) => void }): AsyncIterable<ModelEvent>;
  costUsd(model: string, usage: Usage): number;
}

export interface OfflinePort {
  (input: { message: string; history: HistoryTurn[]; gradeLevel: number | null; reason: Reason; resetAt: number | null; loadLevel: LoadLevel; helpResources: string; subject: string | null }): {
    text: string;
    flag: "safety" | null;
    chunks: AsyncIterable<string>;
  };
}

export interface TurnDeps {
  now(): number;
  newId(): string;
  loadConversation(studentId: string, conversationId: string | undefined): Promise<ConversationState | "not_found">;
  loadPolicy(student: StudentProfile): Promise<EffectivePolicy>;
  budget: BudgetPort;
  governor: GovernorPort;
  model: ModelPort | null;
  offline: OfflinePort;
  /** Resolves once the turn is written or parked for retry; never rejects. */
  record(turn: TurnRecord): Promise<void>;
  deadlineMs: number;
}

export type { EffectivePolicy, Mode };
