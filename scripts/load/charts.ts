// The benchmark's two charts, side by side for both pipelines: a time series (demand, load level,
// answers by mode, upstream calls against the quota) and the TTFT distribution per mode.
import type { LoadLevel } from "@/lib/tutor/types";
import type { RunData } from "./metrics";
import { axes, document, legend, line, niceMax, stackedBars, text, type Panel } from "./svg";

const LEVELS: LoadLevel[] = ["NORMAL", "BUSY", "PEAK", "OVERLOADED"];
const MODE_COLORS = { full: "#1d4ed8", concise: "#60a5fa", fallback: "#9ca3af", error: "#dc2626" };
const BIN_S = 5;

function bins(durationS: number): number[] {
  return Array.from({ length: Math.ceil(durationS / BIN_S) + 1 }, (_, i) => i * BIN_S);
}

function modeBins(run: RunData, edges: number[]) {
  return edges.map((x) => {
    const inBin = run.turns.filter((t) => t.endMs / 1000 >= x && t.endMs / 1000 < x + BIN_S);
    const n = (pred: (m: string | null, o: string) => boolean) => inBin.filter((t) => pred(t.mode, t.outcome)).length;
    return {
      x,
      values: [n((m, o) => o === "answered" && m === "full"), n((m, o) => o === "answered" && m === "concise"), n((m, o) => o === "answered" && m !== "full" && m !== "concise"), n((_, o) => o !== "answered" && o !== "limited")],
    };
  });
}

function upstreamBins(run: RunData, edges: number[]) {
  const at = (s: number) => {
    const before = run.samples.filter((x) => x.tMs / 1000 <= s);
    return before[before.length - 1]?.upstream ?? { ok: 0, limited: 0, failed: 0 };
  };
  return edges.map((x) => {
    const a = at(x);
    const b = at(x + BIN_S);
    return { x, values: [b.ok - a.ok, b.limited - a.limited, b.failed - a.failed] };
  });
}

const LABEL = { gated: "gated (ours)", naive: "naive baseline" } as const;

export function timeSeriesChart(runs: RunData[]): string {
  const durationS = Math.max(10, ...runs.map((r) => (r.samples[r.samples.length - 1]?.tMs ?? 0) / 1000));
  const edges = bins(durationS);
  const xMax = edges[edges.length - 1]! + BIN_S;
  const perRun = runs.map((r) => ({ run: r, modes: modeBins(r, edges), upstream: upstreamBins(r, edges) }));
  const max = (f: (x: (typeof perRun)[number]) => number[]) => niceMax(Math.max(1, ...perRun.flatMap(f)));
  const yDemand = max((x) => x.run.samples.flatMap((s) => [s.inFlight, s.queueDepth ?? 0]));
  const yModes = max((x) => x.modes.map((b) => b.values.reduce((a, v) => a + v, 0)));
  const quotaPerBin = (runs[0]?.rpm ?? 0) * (BIN_S / 60);

  const W = 520;
  const H = 120;
  const gapY = 58;
  const body: string[] = [];
  perRun.forEach(({ run, modes, upstream }, col) => {
    const x0 = 70 + col * (W + 90);
    const panel = (row: number, yMax: number): Panel => ({ x: x0, y: 50 + row * (H + gapY), w: W, h: H, xMax, yMax });
    body.push(text(x0, 22, LABEL[run.pipeline], { size: 15, weight: "700" }));

    const p1 = panel(0, yDemand);
    body.push(axes(p1, { title: "Students waiting for an answer, and the gate's queue" }));
    body.push(line(p1, run.samples.map((s) => [s.tMs / 1000, s.inFlight]), "#7c3aed"));
    if (run.pipeline === "gated") body.push(line(p1, run.samples.map((s) => [s.tMs / 1000, s.queueDepth ?? 0]), "#ea580c"));
    body.push(legend(x0 + W, p1.y - 6, [{ label: "in flight", color: "#7c3aed" }, ...(run.pipeline === "gated" ? [{ label: "queued", color: "#ea580c" }] : [])]));

    const p2 = panel(1, 3);
    body.push(axes(p2, { title: "Shared load level", yTicks: ["NORMAL", "BUSY", "PEAK", "OVERL."] }));
    if (run.pipeline === "gated") body.push(line(p2, run.samples.map((s) => [s.tMs / 1000, LEVELS.indexOf(s.level ?? "NORMAL")]), "#b91c1c", { step: true, width: 2 }));
    else body.push(text(x0 + W / 2, p2.y + H / 2, "no load level: the naive pipeline has no gate", { anchor: "middle", fill: "#666" }));

    const p3 = panel(2, yModes);
    body.push(axes(p3, { title: `Answers finished per ${BIN_S} s, by mode` }));
    body.push(stackedBars(p3, modes, BIN_S, [MODE_COLORS.full, MODE_COLORS.concise, MODE_COLORS.fallback, MODE_COLORS.error]));
    body.push(legend(x0 + W, p3.y - 6, [{ label: "full", color: MODE_COLORS.full }, { label: "concise", color: MODE_COLORS.concise }, { label: "offline", color: MODE_COLORS.fallback }, { label: "error", color: MODE_COLORS.error }]));

    // Its own scale per pipeline: the naive one makes ~100× more calls, which would flatten ours.
    const p4 = panel(3, niceMax(Math.max(2 * quotaPerBin, ...upstream.map((b) => b.values.reduce((a, v) => a + v, 0)))));
    body.push(axes(p4, { title: `Upstream calls per ${BIN_S} s (own scale)`, xLabel: "seconds since the first student arrived" }));
    body.push(stackedBars(p4, upstream, BIN_S, ["#16a34a", "#dc2626", "#78350f"]));
    body.push(line(p4, [[0, quotaPerBin], [xMax, quotaPerBin]], "#111", { dash: true }));
    body.push(legend(x0 + W, p4.y - 6, [{ label: "200", color: "#16a34a" }, { label: "429", color: "#dc2626" }, { label: "5xx", color: "#78350f" }, { label: "quota", color: "#111", dash: true }]));
  });
  return document(70 + perRun.length * (W + 90), 50 + 4 * (H + gapY), body);
}

/** Cumulative distribution of time to first text, per pipeline and mode, on a log scale. */
export function ttftChart(runs: RunData[]): string {
  const series = runs.flatMap((r) =>
    (["full", "concise", "fallback"] as const).map((mode) => ({
      label: `${r.pipeline} · ${mode === "fallback" ? "offline tutor" : mode}`,
      color: MODE_COLORS[mode === "fallback" ? "fallback" : mode],
      dash: r.pipeline === "naive",
      values: r.turns.filter((t) => t.outcome === "answered" && t.mode === mode && t.ttftMs !== null).map((t) => Math.max(1, t.ttftMs!)).sort((a, b) => a - b),
    })),
  ).filter((s) => s.values.length > 0);
  const xMax = niceMax(Math.max(1_000, ...series.flatMap((s) => s.values)));
  const p: Panel = { x: 60, y: 40, w: 600, h: 260, xMax, yMax: 1, xLog: { min: 1 } };
  const ticks = [1, 10, 100, 1_000, 10_000, 100_000].filter((t) => t <= xMax);
  const body = [
    axes(p, { title: "Time to first text (cumulative share of answers)", xLabel: "milliseconds (log scale)", yTicks: ["0", "25%", "50%", "75%", "100%"], xTicks: ticks, xFormat: (v) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`) }),
    ...series.map((s) => line(p, s.values.map((v, i) => [v, (i + 1) / s.values.length]), s.color, { dash: s.dash, step: true, width: 2 })),
    // One series per line, right of the plot.
    ...series.map((s, i) => legend(900, 56 + i * 18, [{ label: `${s.label} (n=${s.values.length})`, color: s.color, dash: s.dash }])),
  ];
  return document(910, 340, body);
}
