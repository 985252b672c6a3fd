// Replays a workload plan: every student arrives on time, sends its messages one after another
// (reading each answer, then thinking), follows up in the same conversation, and records exactly
// what a browser would see: status, time to first text, mode, usage, errors and broken streams.
import { parseEvents } from "@/lib/tutor/sse";
import type { Mode, Reason, Usage } from "@/lib/tutor/types";
import type { MessageKind, Profile, StudentPlan } from "./workload";

/**
 * answered: a `done` event. limited: the friendly HTTP 429 message limit (not an error).
 * http_error: any other non-2xx. stream_error: an `event: error`. broken: no `done` and no `error`
 * (connection failed, stream cut, or the turn timed out).
 */
export type Outcome = "answered" | "limited" | "http_error" | "stream_error" | "broken";

export interface TurnResult {
  student: number;
  profile: Profile;
  kind: MessageKind;
  seq: number;
  /** Offsets from the start of the run (ms). */
  startMs: number;
  endMs: number;
  status: number | null;
  /** Time to the first `delta`. */
  ttftMs: number | null;
  outcome: Outcome;
  mode: Mode | null;
  reason: Reason | null;
  usage: Usage | null;
  queued: boolean;
  chars: number;
  detail?: string;
}

export type SendTurn = (student: number, body: { message: string; conversationId?: string }, signal: AbortSignal) => Promise<Response>;

/** Live counts for the sampler's time series. */
export interface LiveCounters {
  inFlight: number;
  started: number;
  finished: number;
}

export interface DriveOptions {
  plan: StudentPlan[];
  send: SendTurn;
  /** No message is sent after this offset; later ones count as unsent. */
  cutoffMs: number;
  /** Longest a single turn may take before it counts as broken. */
  turnTimeoutMs: number;
  live?: LiveCounters;
  /** performance.now() at the start of the run; defaults to now. */
  t0?: number;
}

export interface DriveResult {
  turns: TurnResult[];
  unsent: number;
  /** Offset of the last message sent: demand lasts until then. */
  lastSendMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function drive(o: DriveOptions): Promise<DriveResult> {
  const t0 = o.t0 ?? performance.now();
  const now = () => performance.now() - t0;
  const live = o.live ?? { inFlight: 0, started: 0, finished: 0 };
  const turns: TurnResult[] = [];
  let unsent = 0;
  let lastSendMs = 0;

  async function student(s: StudentPlan): Promise<void> {
    await sleep(s.arriveAtMs - now());
    let conversationId: string | undefined;
    // Bounded: a plan holds a handful of messages, each turn ends by turnTimeoutMs.
    for (const [seq, msg] of s.messages.entries()) {
      await sleep(msg.thinkMs);
      if (now() > o.cutoffMs) {
        unsent += s.messages.length - seq;
        return;
      }
      lastSendMs = Math.max(lastSendMs, now());
      live.inFlight++;
      live.started++;
      const r = await oneTurn(o, s, seq, msg.followUp ? conversationId : undefined, now);
      live.inFlight--;
      live.finished++;
      turns.push(r.result);
      conversationId = r.conversationId ?? conversationId;
    }
  }

  await Promise.all(o.plan.map(student));
  return { turns, unsent, lastSendMs };
}

async function oneTurn(
  o: DriveOptions,
  s: StudentPlan,
  seq: number,
  conversationId: string | undefined,
  now: () => number,
): Promise<{ result: TurnResult; conversationId?: string }> {
  const msg = s.messages[seq]!;
  const startMs = now();
  const r: TurnResult = {
    student: s.index,
    profile: s.profile,
    kind: msg.kind,
    seq,
    startMs,
    endMs: startMs,
    status: null,
    ttftMs: null,
    outcome: "broken",
    mode: null,
    reason: null,
    usage: null,
    queued: false,
    chars: 0,
  };
  let newConversation: string | undefined;
  try {
    const res = await o.send(s.index, { message: msg.text, ...(conversationId && { conversationId }) }, AbortSignal.timeout(o.turnTimeoutMs));
    r.status = res.status;
    if (!res.ok || !res.body) {
      const code = await errorCode(res);
      r.outcome = res.status === 429 && code === "rate_limit:tutor" ? "limited" : "http_error";
      r.detail = code;
    } else {
      for await (const e of parseEvents(res.body)) {
        if (e.event === "meta") {
          newConversation = e.data.conversationId;
          r.mode = e.data.mode;
        } else if (e.event === "queued") r.queued = true;
        else if (e.event === "delta") {
          r.ttftMs ??= now() - startMs;
          r.chars += e.data.text.length;
        } else if (e.event === "done") {
          r.outcome = "answered";
          r.mode = e.data.mode;
          r.reason = e.data.reason;
          r.usage = e.data.usage;
        } else if (e.event === "error") {
          r.outcome = "stream_error";
          r.detail = e.data.code;
        }
      }
      if (r.outcome === "broken") r.detail = "stream ended without done or error";
    }
  } catch (err) {
    r.outcome = "broken";
    r.detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
  r.endMs = now();
  return { result: r, ...(newConversation && { conversationId: newConversation }) };
}

async function errorCode(res: Response): Promise<string> {
  const text = await res.text().catch(() => "");
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? `http ${res.status}`;
  } catch {
    return `http ${res.status}`;
  }
}
