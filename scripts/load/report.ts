// Side-by-side tables of both runs (with ratios), the targets, and the Markdown summary.
import type { RunMetrics } from "./metrics";
import type { Target } from "./targets";

type Row = [label: string, ours: string, naive: string, ratio: string];

const n0 = (x: number | null | undefined) => (x === null || x === undefined ? "–" : Math.round(x).toLocaleString("en-US"));
const n1 = (x: number | null | undefined) => (x === null || x === undefined ? "–" : x.toFixed(1));
const n3 = (x: number | null | undefined) => (x === null || x === undefined ? "–" : x.toFixed(3));
const pct = (x: number | null | undefined) => (x === null || x === undefined ? "–" : `${(x * 100).toFixed(1)} %`);
const ms = (x: number | null | undefined) => (x === null || x === undefined ? "–" : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);

function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return "";
  return `${(a / b).toFixed(2)}×`;
}

interface Line {
  label: string;
  cell: (m: RunMetrics) => string;
  /** Numeric value for the ratio column; absent where a ratio means nothing. */
  value?: (m: RunMetrics) => number | null | undefined;
}

const L = (label: string, value: (m: RunMetrics) => number | null | undefined, fmt: (x: number | null | undefined) => string, withRatio = true): Line => ({
  label,
  cell: (m) => fmt(value(m)),
  ...(withRatio && { value }),
});
const T = (label: string, cell: (m: RunMetrics) => string): Line => ({ label, cell });
const modeShare = (m: RunMetrics, mode: "full" | "concise" | "fallback") => (m.turns.answered > 0 ? m.modes[mode] / m.turns.answered : 0);
const msFixed = (x: number | null | undefined) => (x === null || x === undefined ? "–" : `${x.toFixed(1)} ms`);

const LINES: Line[] = [
  L("messages sent", (m) => m.turns.sent, n0),
  L("answered (any mode)", (m) => m.turns.answered, n0),
  L("share answered", (m) => m.turns.answeredShare, pct),
  L("friendly 429 (message limit)", (m) => m.turns.limited, n0, false),
  L("student-visible errors", (m) => m.turns.studentVisibleErrors, n0, false),
  T("  HTTP / event: error / broken", (m) => `${m.turns.httpErrors} / ${m.turns.streamErrors} / ${m.turns.broken}`),
  L("messages not sent (run ended)", (m) => m.turns.unsent, n0, false),
  L("TTFT p50, all answers", (m) => m.ttft.all.p50, ms),
  L("TTFT p95, all answers", (m) => m.ttft.all.p95, ms),
  T("TTFT p50 / p95, full", (m) => `${ms(m.ttft.full.p50)} / ${ms(m.ttft.full.p95)}`),
  T("TTFT p50 / p95, concise", (m) => `${ms(m.ttft.concise.p50)} / ${ms(m.ttft.concise.p95)}`),
  T("TTFT p50 / p95, offline tutor", (m) => `${ms(m.ttft.fallback.p50)} / ${ms(m.ttft.fallback.p95)}`),
  L("mode: full", (m) => modeShare(m, "full"), pct, false),
  L("mode: concise", (m) => modeShare(m, "concise"), pct, false),
  L("mode: offline tutor", (m) => modeShare(m, "fallback"), pct, false),
  L("Claude answers (full + concise)", (m) => m.modes.full + m.modes.concise, n0),
  L("upstream calls", (m) => m.upstream.calls, n0),
  L("upstream 429s", (m) => m.upstream.limited, n0),
  L("upstream 429 share", (m) => m.upstream.limitedShare, pct),
  L("upstream 5xx", (m) => m.upstream.failed, n0, false),
  L("demand ÷ quota", (m) => m.demandOverQuota, n1, false),
  L("quota used: requests", (m) => m.utilisation?.requests, pct),
  L("quota used: input tokens", (m) => m.utilisation?.inputTokens, pct),
  L("quota used: output tokens", (m) => m.utilisation?.outputTokens, pct),
  L("Jain's index, Claude tokens", (m) => m.fairness.jainTokens, n3),
  L("Jain's index, Claude answers", (m) => m.fairness.jainAnswers, n3),
  L("  best whole answers allow", (m) => m.fairness.jainBestPossible, n3),
  L("budget overshoot, max tokens", (m) => m.overshoot.maxTokens, n0, false),
  L("students over budget", (m) => m.overshoot.studentsOver, n0, false),
  T("ledger events / expected", (m) => `${m.ledger.events} / ${m.ledger.expected}`),
  L("request → upstream call p50 (idle)", (m) => m.gate?.p50, msFixed),
  L("request → upstream call p95 (idle)", (m) => m.gate?.p95, msFixed),
  L("app CPU (s, whole run)", (m) => m.app?.cpuSeconds, n1),
  L("app CPU (% of one core)", (m) => m.app?.cpuPercent, n1),
  L("app peak RSS (MB)", (m) => m.app?.peakRssMb, n0),
  L("run length (s)", (m) => m.durationMs / 1000, n0, false),
];

function rows(a: RunMetrics, b: RunMetrics | null): Row[] {
  return LINES.map((l) => [l.label, l.cell(a), b ? l.cell(b) : "", b && l.value ? ratio(l.value(a), l.value(b)) : ""]);
}

export function consoleTable(a: RunMetrics, b: RunMetrics | null): string {
  const all = [["", "gated (ours)", b ? "naive" : "", b ? "ratio" : ""] as Row, ...rows(a, b)];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")).join("\n");
}

export function consoleTargets(targets: Target[]): string {
  return targets.map((t) => `${t.met === null ? "  n/a " : t.met ? "  MET " : "MISSED"}  ${t.name}: ${t.value}${t.note ? `\n        ${t.note}` : ""}`).join("\n");
}

export function markdownTable(a: RunMetrics, b: RunMetrics | null): string {
  const head = b ? "| metric | gated (ours) | naive | ours ÷ naive |\n|---|--:|--:|--:|" : "| metric | gated (ours) |\n|---|--:|";
  return [head, ...rows(a, b).map((r) => `| ${(b ? r : r.slice(0, 2)).join(" | ")} |`)].join("\n");
}

export function markdownTargets(targets: Target[]): string {
  const lines = targets.map((t) => `| ${t.name} | ${t.value} | ${t.met === null ? "n/a" : t.met ? "✅ met" : "❌ missed"} |`);
  const notes = targets.filter((t) => t.note).map((t) => `- **${t.name}:** ${t.note}`);
  return ["| target | measured | |", "|---|---|---|", ...lines, ...(notes.length ? ["", ...notes] : [])].join("\n");
}
