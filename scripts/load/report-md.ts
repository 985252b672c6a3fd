// The Markdown summary of a benchmark run: scenario, both runs side by side, targets with notes,
// charts, and how each number is measured (so a reader can judge them without the code).
import type { RunMetrics } from "./metrics";
import { markdownTable, markdownTargets } from "./report";
import type { Target } from "./targets";

export interface BenchScenario {
  students: number;
  classes: number;
  durationSeconds: number;
  seed: number;
  key: { rpm: number; itpm: number; otpm: number; pools: string; ttftMs: number; tokensPerSecond: number };
  budget: { tokensPerWindow: number; windowSeconds: number };
  classTime: boolean;
  timeZone: string;
  signInSeconds: number;
  machine: { cpus: number; node: string };
}

const METHOD = `## How it is measured

- **Workload** (\`scripts/load/workload.ts\`, deterministic for a seed): 40 % of the classes start at
  once (every student's first message within 3 s), the other students trickle in over the first
  55 % of the run. Profiles: *standard* (60 %: a common question many students ask word for word →
  a follow-up in the same conversation → a maths problem), *maths* (20 %: problem, follow-up,
  problem, follow-up), *essay* (20 %: a 2,500–6,000-character essay pasted for feedback, then a
  follow-up). Students read each answer and think 6–16 s before the next message. No message is
  sent after the run's duration (counted as "not sent").
- **Students sign in through Auth.js** (GET /api/auth/csrf, POST /api/auth/callback/credentials)
  once, before the first run; both runs reuse the session cookies (same AUTH_SECRET).
- **Answered** = the SSE stream ended with \`done\`. **Student-visible errors** = any non-2xx other
  than the friendly 429 message limit, an \`event: error\`, or a stream that ended without either.
- **TTFT** = request sent → first \`delta\`, per final mode.
- **Upstream** numbers come from the simulator's own counters (\`/_sim/stats\`). **Quota used** =
  used ÷ available in the simulated key's buckets (a full bucket at the start plus the refill)
  from the first call while demand exceeded the quota: until the last turn that wanted Claude and
  was refused for capacity (an offline answer for load reasons, or a failed call for the naive).
- **Fairness** = Jain's index of Claude-answered output tokens over the students of the most common
  profile who sent all their messages (equal demand). When the key can serve fewer Claude answers
  than there are students, no allocation reaches 1; "best whole answers allow" is the index of the
  most even split of the same number of answers.
- **Budget overshoot** = per student and budget window, tokens charged in the ledger (input + cache
  writes + output of Claude answers) beyond the budget, against that student's largest request
  (input + max_tokens of its mode).
- **Gate overhead** = on the idle system (empty queue, full buckets), one first-turn question at a
  time, the time from the request leaving the client to the app's call arriving at the simulator
  (Node's \`http.server.request.start\` diagnostics channel in the benchmark process). Both apps are
  measured in interleaved rounds; the overhead is the median of the per-round differences (gated −
  naive), so noise from the machine cancels. The naive pipeline loads the student and the
  conversation but skips the message limit, policy, budget, load level and governor.
- **App CPU and memory**: /proc/<pid>/stat and status of the \`next start\` process tree, sampled
  every second of the workload.
- **Naive baseline** (\`TUTOR_PIPELINE=naive\`, \`lib/tutor/naive-turn.ts\`): the same app calling
  the SDK directly per message with its default retries (maxRetries 2), no budget, governor or
  fallback; failures become \`event: error\`. It writes the same ledger records (failed calls with
  zero usage), so its ledger count includes them.
`;

export function benchMarkdown(o: { stamp: string; scenario: BenchScenario; a: RunMetrics; b: RunMetrics | null; targets: Target[] }): string {
  const s = o.scenario;
  const k = s.key;
  return `# Classroom load benchmark — ${o.stamp}

**Scenario:** ${s.students} students in ${s.classes} classes for ${s.durationSeconds} s (seed ${s.seed}), on a simulated key of
**${k.rpm} RPM, ${k.itpm.toLocaleString("en-US")} ITPM, ${k.otpm.toLocaleString("en-US")} OTPM** (${k.pools} pool, TTFT ${k.ttftMs} ms ±25 %,
${k.tokensPerSecond} tokens/s). Budget ${s.budget.tokensPerWindow.toLocaleString("en-US")} tokens per ${s.budget.windowSeconds} s.
Class time: ${s.classTime ? `yes (school time zone ${s.timeZone})` : "no (weekend everywhere)"}. Sign-in of every student took ${s.signInSeconds.toFixed(0)} s
(bcrypt, not part of the runs). Machine: ${s.machine.cpus} cores, Node ${s.machine.node}; other work on the machine may add noise.

## Results

${markdownTable(o.a, o.b)}

## Targets (our pipeline)

${markdownTargets(o.targets)}

## Charts

![Time series: demand, load level, answers by mode, upstream calls](${o.stamp}-timeseries.svg)

![Time to first text per mode](${o.stamp}-ttft.svg)

${METHOD}`;
}
