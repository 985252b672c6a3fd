// One tutor turn as a stream of events: decide → admit → answer → reconcile → record.
// Every path ends in an answer: a model failure falls back to the offline tutor, and a failure
// after text was streamed keeps that text and closes the turn with a plain sentence.
import type { TurnRecord } from "@/lib/ledger/write-turn";
import { chooseMode } from "@/lib/load/ladder";
import { priorityFor } from "@/lib/governor/admission";
import { budgetLevel } from "@/lib/budget/near-budget";
import { chargedTokens, reasonForFailure } from "./decide";
import type { AdmissionTicket, ConversationState, EffectivePolicy, ModelPlan, TurnDeps, UpstreamOutcome } from "./ports";
import { reasonText } from "./reasons";
import type { TurnEvent } from "./sse";
import type { BudgetSnapshot, LoadLevel, Mode, Reason, StudentProfile, Usage } from "./types";

export interface TurnInput {
  student: StudentProfile;
  message: string;
  subject: string | null;
  conversation: ConversationState;
  policy: EffectivePolicy;
  classTime: boolean;
  /** The school's words for where to get help, used by the offline tutor's safety replies. */
  helpResources: string;
}

const ZERO: Usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
const MIDSTREAM_CLOSING = "\n\n_The connection to the AI tutor dropped here, so this answer stops early. Ask again to continue, or try the next step yourself first._";

interface Decision {
  mode: Mode;
  reason: Reason;
  plan: ModelPlan | null;
  reserved: number;
  reservedAt: number;
  budget: BudgetSnapshot;
  /** Load sent this turn offline, but it takes a slot that is free right now (never queued). */
  spare?: boolean;
}

export async function* runTurn(deps: TurnDeps, input: TurnInput): AsyncGenerator<TurnEvent> {
  const startedAt = deps.now();
  const ids = { turn: deps.newId(), user: deps.newId(), assistant: deps.newId() };
  const { student, policy, conversation } = input;
  const load = await deps.governor.load();
  const level = load.level;
  let d = await decide(deps, input, load);
  let ticket: AdmissionTicket | null = null;
  const queued: number[] = [];

  const meta = (): TurnEvent => ({
    event: "meta",
    data: { conversationId: conversation.id, messageId: ids.assistant, mode: d.mode, reason: d.reason, reasonText: reasonText(d.reason, d.mode), budget: d.budget },
  });
  yield meta();

  if (d.plan) {
    const plan = d.plan;
    const admission = await deps.governor.admit({
      estInputTokens: plan.estInputTokens,
      maxOutputTokens: plan.maxTokens,
      priority: priorityFor({ firstTurn: conversation.isNew, classTime: input.classTime, estInputTokens: plan.estInputTokens }),
      schoolId: student.schoolId,
      onQueued: (ms) => queued.push(ms),
      ...(d.spare && { maxWaitMs: 0 }),
    });
    for (const ms of queued.splice(0)) yield { event: "queued", data: { estimatedWaitMs: ms } };
    if (admission.admitted) {
      ticket = admission.ticket;
      if (d.spare) {
        d = { ...d, mode: "concise" };
        yield meta();
      }
    } else {
      const budget = await deps.budget.reconcile(student.id, policy, { reserved: d.reserved, actual: 0, reservedAt: d.reservedAt });
      d = { ...d, mode: "fallback", reason: d.spare ? d.reason : admission.reason, plan: null, budget, reserved: 0 };
      yield meta();
    }
  }

  let text = "";
  let usage = ZERO;
  let ttftMs: number | null = null;
  let upstreamStatus: number | null = null;
  let flag: string | null = null;

  if (d.plan && ticket) {
    let outcome: UpstreamOutcome = { status: null, kind: "network", usage: null, headers: {} };
    for await (const e of deps.model!.stream(d.plan, { deadlineAt: startedAt + deps.deadlineMs, onAttempt: (o) => deps.governor.observe(o) })) {
      if (e.type === "first_token") ttftMs = e.ttftMs;
      else if (e.type === "delta") {
        text += e.text;
        yield { event: "delta", data: { text: e.text } };
      } else if (e.type === "done") {
        usage = e.usage;
        outcome = { status: e.status, kind: "ok", usage: e.usage, headers: e.headers };
      } else outcome = e.outcome;
    }
    upstreamStatus = outcome.status;
    await deps.governor.settle(ticket, outcome.usage);
    if (outcome.kind !== "ok") {
      if (text.length > 0) {
        // Keep what the student already read; charge what was generated so the budget stays bounded.
        usage = { ...ZERO, inputTokens: d.plan.estInputTokens, outputTokens: Math.ceil(text.length / 4) };
        text += MIDSTREAM_CLOSING;
        yield { event: "delta", data: { text: MIDSTREAM_CLOSING } };
      } else {
        d = { ...d, mode: "fallback", reason: reasonForFailure(outcome.kind), plan: null };
        yield meta();
      }
    }
  }

  if (d.mode === "fallback") {
    const reply = deps.offline({
      message: input.message,
      history: conversation.history,
      gradeLevel: student.gradeLevel,
      reason: d.reason,
      resetAt: d.reason === "budget_exhausted" ? d.budget.resetAt : null,
      loadLevel: level,
      helpResources: input.helpResources,
      subject: input.subject,
    });
    flag = reply.flag;
    for await (const chunk of reply.chunks) {
      ttftMs ??= deps.now() - startedAt;
      text += chunk;
      yield { event: "delta", data: { text: chunk } };
    }
  }

  const budget = d.reserved > 0 ? await deps.budget.reconcile(student.id, policy, { reserved: d.reserved, actual: chargedTokens(usage), reservedAt: d.reservedAt }) : d.budget;
  const model = d.plan?.model ?? "offline-tutor";
  yield { event: "done", data: { mode: d.mode, reason: d.reason, reasonText: reasonText(d.reason, d.mode), usage, budget } };

  // After `done` the student has the whole answer; the stream stays open only until the turn is
  // durable, so a transcript fetched right after the stream ends already has it.
  await deps.record(record(deps, input, ids, { mode: d.mode, reason: d.reason, model, usage, text, flag, ttftMs, upstreamStatus, startedAt }));
}

async function decide(deps: TurnDeps, input: TurnInput, load: { level: LoadLevel; providerDown: boolean }): Promise<Decision> {
  const { student, policy } = input;
  const snapshot = await deps.budget.peek(student.id, policy);
  const none = { plan: null, reserved: 0, reservedAt: 0 };
  if (!deps.model) return { mode: "fallback", reason: "offline", ...none, budget: snapshot };

  const plans = {
    full: deps.model.plan({ mode: "full", student, subject: input.subject, conversation: input.conversation, message: input.message }),
    concise: deps.model.plan({ mode: "concise", student, subject: input.subject, conversation: input.conversation, message: input.message }),
  };
  const cost = (p: ModelPlan) => p.estInputTokens + p.maxTokens;
  const status = budgetLevel(snapshot, policy, cost(plans.concise));
  // A priority question keeps a short model answer at PEAK; homework follow-ups go to practice mode.
  const priority = input.classTime || input.conversation.isNew ? "high" : "normal";
  const choice = chooseMode({ level: load.level, providerDown: load.providerDown, budget: status, priority, offline: false });
  // At PEAK and OVERLOADED the ladder sends turns offline rather than into a queue that can't drain
  // in time, and the level holds for at least a dwell of 30 s. The key keeps refilling meanwhile, so
  // such a turn still takes a slot that is free right now for a short answer (never queued behind
  // others); otherwise the key idles while demand exceeds it and the refill goes out in one burst.
  const spare = choice.mode === "fallback" && choice.reason === "peak_load";
  if (choice.mode === "fallback" && !spare) return { ...choice, ...none, budget: snapshot };

  const plan = choice.mode === "full" ? plans.full : plans.concise;
  const reservation = await deps.budget.reserve(student.id, policy, cost(plan));
  if (!reservation.ok) return { mode: "fallback", reason: "budget_exhausted", ...none, budget: reservation.snapshot };
  return { mode: choice.mode, reason: choice.reason, plan, reserved: cost(plan), reservedAt: reservation.reservedAt, budget: reservation.snapshot, spare };
}

function record(
  deps: TurnDeps,
  input: TurnInput,
  ids: { turn: string; user: string; assistant: string },
  r: { mode: Mode; reason: Reason; model: string; usage: Usage; text: string; flag: string | null; ttftMs: number | null; upstreamStatus: number | null; startedAt: number },
): TurnRecord {
  const finishedAt = deps.now();
  return {
    turnId: ids.turn,
    studentId: input.student.id,
    schoolId: input.student.schoolId,
    classId: input.student.classId,
    conversation: { id: input.conversation.id, title: titleFrom(input.message), subject: input.subject },
    userMessage: { id: ids.user, content: input.message, createdAt: new Date(r.startedAt).toISOString() },
    assistantMessage: { id: ids.assistant, content: r.text, flag: r.flag, createdAt: new Date(finishedAt).toISOString() },
    mode: r.mode,
    reason: r.reason,
    model: r.model,
    usage: r.usage,
    costUsd: deps.model && r.model !== "offline-tutor" ? deps.model.costUsd(r.model, r.usage) : 0,
    ttftMs: r.ttftMs,
    latencyMs: finishedAt - r.startedAt,
    upstreamStatus: r.upstreamStatus,
  };
}

function titleFrom(message: string): string {
  const oneLine = message.replace(/\s+/g, " ").trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
