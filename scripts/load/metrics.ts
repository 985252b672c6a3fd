// From what a run recorded to the numbers we report. Pure functions over plain data, so the
// definitions (what counts as answered, as an error, as fair) are in one place and unit-testable.
import { MODES, type LoadLevel, type Mode } from "@/lib/tutor/types";
import type { SimStats } from "@/scripts/sim/server";
import type { TurnResult } from "./driver";
import type { GateSample } from "./gate-probe";
import { budgetOvershoot, type LedgerRow, type Overshoot } from "./ledger";
import type { Sample } from "./sampler";
import { upstreamCounts } from "./sampler";
import type { Profile } from "./workload";

export interface RunData {
  pipeline: "gated" | "naive";
  turns: TurnResult[];
  unsent: number;
  /** Offset of the last message sent: demand lasted until then. */
  lastSendMs: number;
  samples: Sample[];
  /** The simulator after the last turn finished. */
  simEnd: SimStats;
  ledger: LedgerRow[];
  gate: GateSample | null;
  /** Requests per minute of the simulated key, to judge whether demand exceeded it. */
  rpm: number;
  budget: { tokensPerWindow: number; windowSeconds: number; maxTokens: { full: number; concise: number } };
}

export interface Percentiles {
  n: number;
  p50: number | null;
  p95: number | null;
}

export interface RunMetrics {
  pipeline: "gated" | "naive";
  /** The simulated key's requests per minute. */
  rpm: number;
  turns: { sent: number; answered: number; limited: number; httpErrors: number; streamErrors: number; broken: number; unsent: number; answeredShare: number; studentVisibleErrors: number };
  /** Messages sent ÷ upstream requests the key could serve while demand lasted (a full bucket, then rpm a minute). */
  demandOverQuota: number;
  ttft: Record<Mode | "all", Percentiles>;
  modes: Record<Mode, number>;
  reasons: Record<string, number>;
  upstream: { calls: number; ok: number; limited: number; failed: number; limitedShare: number };
  /** Offset until which demand exceeded the quota (see demandEndMs). */
  demandEndMs: number;
  /** Used ÷ available in the simulator's buckets from the first call until demand ended. */
  utilisation: { requests: number; inputTokens: number; outputTokens: number } | null;
  fairness: { profile: Profile; students: number; jainTokens: number | null; jainAnswers: number | null; jainBestPossible: number | null };
  overshoot: Overshoot;
  ledger: { events: number; expected: number; complete: boolean };
  gate: Percentiles | null;
  /** Share of the demand window spent at each load level (gated only). */
  levelShare: Partial<Record<LoadLevel, number>> | null;
  app: { cpuSeconds: number; cpuPercent: number; peakRssMb: number } | null;
  durationMs: number;
}

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** Jain's fairness index (Σx)² / (n·Σx²): 1 when everyone got the same, 1/n when one got all. */
export function jain(xs: number[]): number | null {
  const sum = xs.reduce((a, b) => a + b, 0);
  const squares = xs.reduce((a, b) => a + b * b, 0);
  return xs.length === 0 || squares === 0 ? null : (sum * sum) / (xs.length * squares);
}

/** The best Jain's index k whole answers can reach over n students: as even a split as integers allow. */
export function jainBestPossible(k: number, n: number): number | null {
  if (n === 0 || k === 0) return null;
  const q = Math.floor(k / n);
  const r = k % n;
  return (k * k) / (n * ((n - r) * q * q + r * (q + 1) * (q + 1)));
}

const claude = (t: TurnResult) => t.outcome === "answered" && (t.mode === "full" || t.mode === "concise");

function fairness(turns: TurnResult[]): RunMetrics["fairness"] {
  // Equal demand: the most common profile, only students who got to send every message of it.
  const byProfile = new Map<Profile, number>();
  for (const t of turns) if (t.seq === 0) byProfile.set(t.profile, (byProfile.get(t.profile) ?? 0) + 1);
  const profile = [...byProfile].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "standard";
  const perStudent = new Map<number, { sent: number; tokens: number; answers: number }>();
  for (const t of turns.filter((x) => x.profile === profile)) {
    const s = perStudent.get(t.student) ?? { sent: 0, tokens: 0, answers: 0 };
    s.sent++;
    if (claude(t)) [s.tokens, s.answers] = [s.tokens + (t.usage?.outputTokens ?? 0), s.answers + 1];
    perStudent.set(t.student, s);
  }
  const full = Math.max(0, ...[...perStudent.values()].map((s) => s.sent));
  const equal = [...perStudent.values()].filter((s) => s.sent === full);
  const answers = equal.reduce((n, s) => n + s.answers, 0);
  return {
    profile,
    students: equal.length,
    jainTokens: jain(equal.map((s) => s.tokens)),
    jainAnswers: jain(equal.map((s) => s.answers)),
    jainBestPossible: jainBestPossible(answers, equal.length),
  };
}

/** Reasons a turn went offline because the key had no room for it (not its budget or safety). */
const CAPACITY_REASONS = new Set(["peak_load", "queue_timeout", "upstream_rate_limited"]);

/**
 * Demand exceeded the quota until the last turn that wanted Claude and was refused for capacity: an
 * offline answer for load reasons (gated) or a failed call (naive). After it, spare quota is no
 * longer anyone's doing. Falls back to the last message sent when no turn was refused.
 */
export function demandEndMs(turns: TurnResult[], lastSendMs: number): number {
  const refused = turns.filter((t) => t.outcome === "stream_error" || (t.outcome === "answered" && t.mode === "fallback" && CAPACITY_REASONS.has(t.reason ?? "")));
  return refused.length > 0 ? Math.max(...refused.map((t) => t.startMs)) : lastSendMs;
}

/** As sampled last before demand ended. */
function utilisation(samples: Sample[], endMs: number): RunMetrics["utilisation"] {
  const before = samples.filter((s) => s.tMs <= endMs && s.utilisation !== null);
  return before[before.length - 1]?.utilisation ?? null;
}

function levelShare(samples: Sample[], endMs: number): RunMetrics["levelShare"] {
  const during = samples.filter((s) => s.tMs <= endMs && s.level !== null);
  if (during.length === 0) return null;
  const share: Partial<Record<LoadLevel, number>> = {};
  for (const s of during) share[s.level!] = (share[s.level!] ?? 0) + 1 / during.length;
  return share;
}

function appUsage(samples: Sample[]): RunMetrics["app"] {
  const withProc = samples.filter((s) => s.proc !== null);
  if (withProc.length < 2) return null;
  const first = withProc[0]!;
  const last = withProc[withProc.length - 1]!;
  const cpuSeconds = last.proc!.cpuSeconds - first.proc!.cpuSeconds;
  const wall = (last.tMs - first.tMs) / 1000;
  return { cpuSeconds, cpuPercent: wall > 0 ? (100 * cpuSeconds) / wall : 0, peakRssMb: Math.max(...withProc.map((s) => s.proc!.rssBytes)) / 2 ** 20 };
}

export function summarize(d: RunData): RunMetrics {
  const count = (o: TurnResult["outcome"]) => d.turns.filter((t) => t.outcome === o).length;
  const sent = d.turns.length;
  const [answered, limited, httpErrors, streamErrors, broken] = (["answered", "limited", "http_error", "stream_error", "broken"] as const).map(count) as [number, number, number, number, number];
  const answeredTurns = d.turns.filter((t) => t.outcome === "answered");
  const ttftOf = (pred: (t: TurnResult) => boolean) => percentiles(answeredTurns.filter((t) => pred(t) && t.ttftMs !== null).map((t) => t.ttftMs!));
  const ttft = Object.fromEntries([["all", ttftOf(() => true)], ...MODES.map((m) => [m, ttftOf((t) => t.mode === m)])]) as RunMetrics["ttft"];
  const modes = Object.fromEntries(MODES.map((m) => [m, answeredTurns.filter((t) => t.mode === m).length])) as Record<Mode, number>;
  const reasons: Record<string, number> = {};
  for (const t of answeredTurns) if (t.reason) reasons[t.reason] = (reasons[t.reason] ?? 0) + 1;
  const up = upstreamCounts(d.simEnd);
  const demandEnd = demandEndMs(d.turns, d.lastSendMs);
  const demandMinutes = demandEnd / 60_000;
  // The naive pipeline records failed calls too (zero usage), as the gated one records its fallbacks.
  const expected = answered + (d.pipeline === "naive" ? streamErrors : 0);
  return {
    pipeline: d.pipeline,
    rpm: d.rpm,
    turns: { sent, answered, limited, httpErrors, streamErrors, broken, unsent: d.unsent, answeredShare: sent - limited > 0 ? answered / (sent - limited) : 1, studentVisibleErrors: httpErrors + streamErrors + broken },
    demandOverQuota: d.turns.filter((t) => t.startMs <= demandEnd).length / (d.rpm * (1 + demandMinutes)),
    ttft,
    modes,
    reasons,
    upstream: { calls: up.calls, ok: up.ok, limited: up.limited, failed: up.failed, limitedShare: up.calls > 0 ? up.limited / up.calls : 0 },
    demandEndMs: demandEnd,
    utilisation: utilisation(d.samples, demandEnd),
    fairness: fairness(d.turns),
    overshoot: budgetOvershoot(d.ledger, d.budget),
    ledger: { events: d.ledger.length, expected, complete: d.ledger.length === expected },
    gate: d.gate ? percentiles(d.gate.toUpstreamMs) : null,
    levelShare: levelShare(d.samples, demandEnd),
    app: appUsage(d.samples),
    durationMs: d.samples.length > 0 ? d.samples[d.samples.length - 1]!.tMs : 0,
  };
}
