// Latency benchmark for the offline tutor: runs every evaluation message many times and prints
// p50 / p95 / p99 / max per-message latency and throughput. Exits 1 if p95 ≥ 20 ms.
//   npm run bench:offline-tutor [-- --rounds 30]
import { performance } from "node:perf_hooks";
import { inputFor, loadCases } from "@/lib/fallback/eval/messages";
import { offlineTutor, type OfflineTutorInput } from "@/lib/fallback/index";

const TARGET_P95_MS = 20;
const roundsArg = process.argv.indexOf("--rounds");
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 30;
const WARMUP_ROUNDS = 3;

// Inputs are prepared once (history placeholders need tutor calls of their own), outside the timing.
const cases = loadCases().map((c) => ({ id: c.id, input: inputFor(c) }));

function run(input: OfflineTutorInput): number {
  const t0 = performance.now();
  offlineTutor(input);
  return performance.now() - t0;
}

for (let r = 0; r < WARMUP_ROUNDS; r++) for (const c of cases) run(c.input);

const samples: number[] = [];
const worstById = new Map<string, number>();
const started = performance.now();
for (let r = 0; r < ROUNDS; r++) {
  for (const c of cases) {
    const ms = run(c.input);
    samples.push(ms);
    worstById.set(c.id, Math.max(worstById.get(c.id) ?? 0, ms));
  }
}
const elapsed = performance.now() - started;

samples.sort((a, b) => a - b);
const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
const f = (ms: number) => `${ms.toFixed(3)} ms`;

console.log(
  `Offline tutor benchmark — ${cases.length} messages × ${ROUNDS} rounds = ${samples.length} calls (after ${WARMUP_ROUNDS} warm-up rounds)\n`,
);
console.log(`  p50   ${f(q(0.5))}`);
console.log(`  p95   ${f(q(0.95))}   (target < ${TARGET_P95_MS} ms)`);
console.log(`  p99   ${f(q(0.99))}`);
console.log(`  max   ${f(samples[samples.length - 1])}`);
console.log(`  mean  ${f(mean)}`);
console.log(`  throughput  ${Math.round(samples.length / (elapsed / 1000))} messages/s (single thread)`);
console.log("\nSlowest messages (worst single call):");
for (const [id, ms] of [...worstById].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  ${id.padEnd(10)} ${f(ms)}`);

const ok = q(0.95) < TARGET_P95_MS;
console.log(`\n${ok ? "PASS" : "FAIL"} — p95 ${f(q(0.95))}`);
process.exit(ok ? 0 : 1);
