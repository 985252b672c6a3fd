// The steps of a measured benchmark, each usable on its own: start an app for a pipeline, sign the
// students in, measure the gate's overhead on the idle system, and replay the workload on one app
// while sampling, then read its ledger. metrics.ts turns the returned data into numbers.
import path from "node:path";
import type { LoadLevel } from "@/lib/tutor/types";
import { startApp, type AppProcess } from "./app-process";
import { drive, type LiveCounters } from "./driver";
import { measureGate, type GateSample } from "./gate-probe";
import { readLedger } from "./ledger";
import type { RunData } from "./metrics";
import { sampleProcessTree } from "./proc-stats";
import { startSampler } from "./sampler";
import { httpSender, signInAll, type CookieJar } from "./session";
import { appEnv, clearPrefix, type Stack } from "./stack";
import type { StudentPlan } from "./workload";

export type Pipeline = "gated" | "naive";

export interface PipelineApp {
  pipeline: Pipeline;
  /** This app's REDIS_PREFIX: its budgets, governor and load level, apart from the other's. */
  prefix: string;
  server: AppProcess;
}

export interface Sessions {
  students: CookieJar[];
  calibration: CookieJar[];
  signInMs: number;
}

export interface WorkloadSpec {
  plan: StudentPlan[];
  /** No message is sent after this offset. */
  cutoffMs: number;
  limits: { rpm: number; itpm: number; otpm: number };
  budget: RunData["budget"];
}

export const log = (who: string, msg: string) => console.log(`[load] ${who}: ${msg}`);

export async function startPipelineApp(stack: Stack, o: { pipeline: Pipeline; limits: WorkloadSpec["limits"]; root: string; appDir: string; logDir: string }): Promise<PipelineApp> {
  const prefix = `ft-bench-${stack.runId}-${o.pipeline}`;
  const server = await startApp({
    root: o.root,
    dir: o.appDir,
    env: appEnv(stack, { pipeline: o.pipeline, prefix, limits: o.limits }),
    logFile: path.join(o.logDir, `${stack.runId}-${o.pipeline}-app.log`),
  });
  log(o.pipeline, `app started at ${server.url} (pid ${server.pid})`);
  return { pipeline: o.pipeline, prefix, server };
}

export async function stopPipelineApp(stack: Stack, app: PipelineApp): Promise<void> {
  await app.server.stop();
  await clearPrefix(stack.redis, app.prefix);
}

/**
 * Every student signs in once, spread over all running apps (bcrypt costs each sign-in ~0.1 s of
 * one core; the apps share AUTH_SECRET, so a session from either is valid on both).
 */
export async function signInStudents(stack: Stack, apps: PipelineApp[]): Promise<Sessions> {
  const started = performance.now();
  const emails = [...stack.students, ...stack.calibration].map((s) => s.email);
  log("sign-in", `${emails.length} students through Auth.js on ${apps.length} app(s)…`);
  const shares = apps.map((a, i) => signInAll(a.server.url, emails.filter((_, k) => k % apps.length === i), stack.password));
  const parts = await Promise.all(shares);
  const jars = emails.map((_, k) => parts[k % apps.length]!.jars[Math.floor(k / apps.length)]!);
  const signInMs = performance.now() - started;
  log("sign-in", `done in ${(signInMs / 1000).toFixed(1)} s`);
  return { students: jars.slice(0, stack.students.length), calibration: jars.slice(stack.students.length), signInMs };
}

/** The gate's overhead on every app, interleaved (gate-probe.ts); each turn starts on full buckets. */
export async function calibrateGate(stack: Stack, apps: PipelineApp[], sessions: Sessions, warmup: number): Promise<Map<Pipeline, GateSample>> {
  const samples = await measureGate({
    targets: apps.map((a) => ({ name: a.pipeline, send: httpSender(a.server.url, sessions.calibration), reset: () => clearPrefix(stack.redis, `${a.prefix}:gov`).then(() => undefined) })),
    rounds: sessions.calibration.length,
    warmup,
    sim: stack.sim,
  });
  for (const [name, s] of samples) log(name, `request → upstream call measured on ${s.toUpstreamMs.length} idle turns`);
  return samples as Map<Pipeline, GateSample>;
}

async function readLoad(stack: Stack, prefix: string): Promise<{ level: LoadLevel | null; queueDepth: number }> {
  const [level, depth] = await Promise.all([stack.redis.hget(`${prefix}:load:level`, "level"), stack.redis.zcard(`${prefix}:gov:queue`)]);
  return { level: (level as LoadLevel | null) ?? "NORMAL", queueDepth: depth };
}

/** Replays the workload on one app from a clean start (full buckets on both sides), sampling as it goes. */
export async function runWorkload(stack: Stack, app: PipelineApp, spec: WorkloadSpec, sessions: Sessions, gate: GateSample | null): Promise<RunData> {
  const p = app.pipeline;
  await clearPrefix(stack.redis, `${app.prefix}:gov`);
  await clearPrefix(stack.redis, `${app.prefix}:load`);
  stack.sim.reset();

  const from = new Date();
  const t0 = performance.now();
  const live: LiveCounters = { inFlight: 0, started: 0, finished: 0 };
  const sampler = startSampler(
    { sim: () => stack.sim.stats(), live, load: p === "gated" ? () => readLoad(stack, app.prefix) : undefined, proc: () => sampleProcessTree(app.server.pid) },
    t0,
  );
  const progress = setInterval(() => {
    const up = stack.sim.stats().requests;
    log(p, `${Math.round((performance.now() - t0) / 1000)} s: ${live.started} sent, ${live.finished} finished, ${live.inFlight} in flight, ${up.messages} upstream calls`);
  }, 15_000);
  const send = httpSender(app.server.url, sessions.students);
  const result = await drive({ plan: spec.plan, send, cutoffMs: spec.cutoffMs, turnTimeoutMs: 90_000, live, t0 }).finally(() => clearInterval(progress));
  const samples = await sampler.stop();
  const simEnd = stack.sim.stats();

  const answered = result.turns.filter((t) => t.outcome === "answered").length;
  const streamErrors = result.turns.filter((t) => t.outcome === "stream_error").length;
  const expected = answered + (p === "naive" ? streamErrors : 0);
  const ledger = await readLedger(stack.prisma, { studentIds: stack.students.map((s) => s.id), from, expected });
  log(p, `${result.turns.length} turns, ${answered} answered; ledger ${ledger.length}/${expected}`);
  return { pipeline: p, ...result, samples, simEnd, ledger, gate, rpm: spec.limits.rpm, budget: spec.budget };
}
