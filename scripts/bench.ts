// npm run bench — the classroom load benchmark (issue 7): N students on a small simulated key,
// through the production app's HTTP API, once with the gate and once with the naive baseline
// (TUTOR_PIPELINE=naive), side by side. Writes bench/results/<date>.{json,md} and two SVG charts.
// Flags: see README "Benchmarks" (e.g. --students 500 --rpm 20 --duration 90 --no-baseline --no-build).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { env } from "@/lib/env";
import { prepareBuild } from "./load/app-process";
import { timeSeriesChart, ttftChart } from "./load/charts";
import { parseFlags } from "./load/cli";
import { pairedDifferences } from "./load/gate-probe";
import { percentiles, summarize, type RunData } from "./load/metrics";
import { consoleTable, consoleTargets } from "./load/report";
import { benchMarkdown } from "./load/report-md";
import { calibrateGate, runWorkload, signInStudents, startPipelineApp, stopPipelineApp, type PipelineApp } from "./load/run";
import { createStack } from "./load/stack";
import { benchTargets } from "./load/targets";
import { planWorkload } from "./load/workload";

const ROOT = process.cwd();

const flags = parseFlags(process.argv.slice(2), {
  students: 500,
  classes: 0,
  rpm: 20,
  itpm: 40_000,
  otpm: 8_000,
  duration: 90,
  seed: 1,
  "ttft-ms": 400,
  tps: 60,
  "gate-turns": 40,
  baseline: true,
  build: "auto",
});

async function main() {
  const startedAt = new Date();
  const stamp = startedAt.toISOString().slice(0, 16).replace(/[:T]/g, "-");
  const classes = flags.classes || Math.max(1, Math.ceil(flags.students / 25));
  const durationMs = flags.duration * 1000;
  const limits = { rpm: flags.rpm, itpm: flags.itpm, otpm: flags.otpm };
  const tmp = path.join(ROOT, "bench", "tmp");
  mkdirSync(tmp, { recursive: true });
  const appDir = await prepareBuild(ROOT, flags.build, path.join(tmp, `app-${stamp}`));
  const warmup = 2;
  const stack = await createStack({
    students: flags.students,
    classes,
    calibrationStudents: flags["gate-turns"] + warmup,
    // One shared pool: the governor mirrors one set of limits for the key (see README "Benchmarks").
    sim: { ...limits, pools: "shared", ttftMs: flags["ttft-ms"], tokensPerSecond: flags.tps },
  });
  console.log(`[bench] ${flags.students} students in ${classes} classes, ${flags.rpm} RPM / ${flags.itpm} ITPM / ${flags.otpm} OTPM, ${flags.duration} s; class time: ${stack.classTime ? `yes (${stack.timeZone})` : "no"}`);
  const apps: PipelineApp[] = [];
  try {
    // Both apps run from the start: sign-ins are shared between them and the gate overhead is
    // measured on both, interleaved. Each workload then runs alone (the other app sits idle).
    const common = { limits, root: ROOT, appDir, logDir: tmp };
    apps.push(await startPipelineApp(stack, { ...common, pipeline: "gated" }));
    if (flags.baseline) apps.push(await startPipelineApp(stack, { ...common, pipeline: "naive" }));
    const sessions = await signInStudents(stack, apps);
    const gate = flags["gate-turns"] > 0 ? await calibrateGate(stack, apps, sessions, warmup) : null;

    const plan = planWorkload({ students: flags.students, classes, durationMs, seed: flags.seed });
    const budget = {
      tokensPerWindow: env.DEFAULT_TOKENS_PER_WINDOW,
      windowSeconds: env.DEFAULT_TOKEN_WINDOW_SECONDS,
      maxTokens: { full: env.MAX_TOKENS_FULL, concise: env.MAX_TOKENS_CONCISE },
    };
    const spec = { plan, cutoffMs: durationMs, limits, budget };
    const runs: RunData[] = [];
    // Ours first, then the baseline; an app is stopped as soon as its workload is done.
    while (apps.length > 0) {
      const app = apps[0]!;
      runs.push(await runWorkload(stack, app, spec, sessions, gate?.get(app.pipeline) ?? null));
      await stopPipelineApp(stack, app);
      apps.shift();
    }
    const [ours, naive] = runs as [RunData, RunData | undefined];

    const a = summarize(ours);
    const b = naive ? summarize(naive) : null;
    const gated = gate?.get("gated");
    const baseline = gate?.get("naive");
    const overhead = gated && baseline ? percentiles(pairedDifferences(gated, baseline)) : null;
    const targets = benchTargets(a, b, overhead);
    console.log(`\n${consoleTable(a, b)}\n\nTargets (gated):\n${consoleTargets(targets)}\n`);

    const out = path.join(ROOT, "bench", "results");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, `${stamp}-timeseries.svg`), timeSeriesChart(runs));
    writeFileSync(path.join(out, `${stamp}-ttft.svg`), ttftChart(runs));
    const scenario = {
      students: flags.students,
      classes,
      durationSeconds: flags.duration,
      seed: flags.seed,
      key: { ...limits, pools: "shared", ttftMs: flags["ttft-ms"], tokensPerSecond: flags.tps },
      budget,
      classTime: stack.classTime,
      timeZone: stack.timeZone,
      signInSeconds: sessions.signInMs / 1000,
      machine: { cpus: cpus().length, node: process.version },
    };
    const json = { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), scenario, metrics: { gated: a, naive: b }, gateOverheadMs: overhead, targets, samples: { gated: ours.samples, naive: naive?.samples ?? null } };
    writeFileSync(path.join(out, `${stamp}.json`), `${JSON.stringify(json, null, 2)}\n`);
    writeFileSync(path.join(out, `${stamp}.md`), benchMarkdown({ stamp, scenario, a, b, targets }));
    // Per-turn rows are for debugging a run, not for the record: git-ignored.
    writeFileSync(path.join(tmp, `${stamp}-turns.json`), JSON.stringify(runs.map((r) => ({ pipeline: r.pipeline, turns: r.turns }))));
    console.log(`[bench] wrote bench/results/${stamp}.{json,md} and two SVG charts`);
  } finally {
    for (const app of apps) await stopPipelineApp(stack, app);
    await stack.close();
    rmSync(appDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error("[bench] failed:", err);
    process.exit(1);
  },
);
