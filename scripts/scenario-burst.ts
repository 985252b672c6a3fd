// npm run scenario:burst — the hot path's acceptance scenario: 200 students each send a few messages
// in a burst against a 50-RPM simulated key (default ITPM/OTPM), through the production app's HTTP
// API. Every message must be answered (no 5xx, no `event: error`), upstream 429s stay under 1 % of
// upstream calls, no student exceeds the budget by more than one request's estimate, and every turn
// is in the ledger. Prints the numbers; exits 1 if any criterion fails.
// Flags: --students 200 --messages 4 --rpm 50 --seed 1 --no-build / --build.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { DEFAULT_CONFIG } from "./sim/config";
import { prepareBuild } from "./load/app-process";
import { parseFlags } from "./load/cli";
import { summarize } from "./load/metrics";
import { consoleTable, consoleTargets } from "./load/report";
import { runWorkload, signInStudents, startPipelineApp, stopPipelineApp, type PipelineApp } from "./load/run";
import { createStack } from "./load/stack";
import { burstCriteria } from "./load/targets";
import { planBurst } from "./load/workload";

const ROOT = process.cwd();
const flags = parseFlags(process.argv.slice(2), { students: 200, messages: 4, rpm: 50, seed: 1, build: "auto" });

async function main(): Promise<boolean> {
  const started = performance.now();
  const tmp = path.join(ROOT, "bench", "tmp");
  mkdirSync(tmp, { recursive: true });
  const appDir = await prepareBuild(ROOT, flags.build, path.join(tmp, `app-burst-${Date.now()}`));
  const limits = { rpm: flags.rpm, itpm: DEFAULT_CONFIG.itpm, otpm: DEFAULT_CONFIG.otpm };
  const stack = await createStack({ students: flags.students, classes: Math.max(1, Math.ceil(flags.students / 25)), calibrationStudents: 0, sim: { ...limits, pools: "shared" } });
  let app: PipelineApp | null = null;
  try {
    app = await startPipelineApp(stack, { pipeline: "gated", limits, root: ROOT, appDir, logDir: tmp });
    console.log(`[burst] ${flags.students} students × ${flags.messages} messages against ${limits.rpm} RPM / ${limits.itpm} ITPM / ${limits.otpm} OTPM`);
    const sessions = await signInStudents(stack, [app]);
    // Everyone's first message within 2 s, then the next ones after 1–3 s of reading.
    const plan = planBurst({ students: flags.students, messages: flags.messages, seed: flags.seed, spreadMs: 2_000, thinkMs: [1_000, 3_000] });
    const budget = { tokensPerWindow: env.DEFAULT_TOKENS_PER_WINDOW, windowSeconds: env.DEFAULT_TOKEN_WINDOW_SECONDS, maxTokens: { full: env.MAX_TOKENS_FULL, concise: env.MAX_TOKENS_CONCISE } };
    const data = await runWorkload(stack, app, { plan, cutoffMs: 10 * 60_000, limits, budget }, sessions, null);
    const m = summarize(data);
    const criteria = burstCriteria(m);
    console.log(`\n${consoleTable(m, null)}\n\nAcceptance criteria:\n${consoleTargets(criteria)}`);
    const ok = criteria.every((c) => c.met === true);
    console.log(`\n[burst] ${ok ? "PASS" : "FAIL"} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return ok;
  } finally {
    if (app) await stopPipelineApp(stack, app);
    await stack.close();
    rmSync(appDir, { recursive: true, force: true });
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => {
    console.error("[burst] failed:", err);
    process.exit(1);
  },
);
