// CLI: `npm run sim -- --port 4010 --rpm 50 --itpm 30000 --otpm 8000 --ttft-ms 400 --tps 60`.
// Point the app at it with ANTHROPIC_BASE_URL=<printed url> and any ANTHROPIC_API_KEY.
import { parseArgs } from "node:util";
import type { SimConfigPatch } from "./config";
import { startSimulator } from "./server";

type Key = Exclude<keyof SimConfigPatch, "faults">;
type FaultKey = keyof NonNullable<SimConfigPatch["faults"]>;

/** flag → config key; numbers are parsed, the rest passed through for the config schema to check. */
const FLAGS: Record<string, { key: Key | `faults.${FaultKey}`; help: string; numeric: boolean }> = {
  "api-key": { key: "apiKey", numeric: false, help: "only accept this x-api-key (default: any non-empty key)" },
  rpm: { key: "rpm", numeric: true, help: "requests per minute (50)" },
  itpm: { key: "itpm", numeric: true, help: "input tokens per minute (30000)" },
  otpm: { key: "otpm", numeric: true, help: "output tokens per minute (8000)" },
  "otpm-mode": { key: "otpmMode", numeric: false, help: "max_tokens (2025 rule) | realtime (2026 rule) (max_tokens)" },
  pools: { key: "pools", numeric: false, help: "model-class | shared: one set of buckets per model class, or one for all (model-class)" },
  "window-seconds": { key: "windowSeconds", numeric: true, help: "bucket refill window (60)" },
  "count-tokens-rpm": { key: "countTokensRpm", numeric: true, help: "count_tokens requests per minute (2000)" },
  "remaining-rounding": { key: "remainingRounding", numeric: true, help: "round token -remaining headers to this (1000; 1 = exact)" },
  "ttft-ms": { key: "ttftMs", numeric: true, help: "time to first token (400)" },
  "ttft-jitter": { key: "ttftJitter", numeric: true, help: "relative TTFT jitter, 0-1 (0.25)" },
  tps: { key: "tokensPerSecond", numeric: true, help: "output tokens per second per stream (60)" },
  "answer-tokens": { key: "answerTokens", numeric: true, help: "mean answer length in tokens (250)" },
  "cache-min-tokens": { key: "cacheMinTokens", numeric: true, help: "minimum cacheable prefix (1024)" },
  "slow-ttft-ms": { key: "slowTtftMs", numeric: true, help: "TTFT of an injected slow response (12000)" },
  "p-overloaded": { key: "faults.overloaded", numeric: true, help: "probability of a 529 (0)" },
  "p-api-error": { key: "faults.apiError", numeric: true, help: "probability of a 500 (0)" },
  "p-midstream": { key: "faults.midstream", numeric: true, help: "probability of a mid-stream overloaded error (0)" },
  "p-slow": { key: "faults.slow", numeric: true, help: "probability of a slow first token (0)" },
};

function usage(): string {
  const lines = Object.entries(FLAGS).map(([flag, f]) => `  --${flag.padEnd(20)} ${f.help}`);
  return ["Usage: npm run sim -- [--port 4010] [--host 127.0.0.1] [options]", ...lines].join("\n");
}

function parse(argv: string[]): SimConfigPatch & { port: number; host?: string } {
  const options = Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: "string" as const }]));
  const { values } = parseArgs({
    args: argv,
    options: { ...options, port: { type: "string" }, host: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help) {
    console.log(usage());
    process.exit(0);
  }
  const patch: Record<string, unknown> = {};
  const faults: Record<string, unknown> = {};
  for (const [flag, f] of Object.entries(FLAGS)) {
    const raw = (values as Record<string, string | boolean | undefined>)[flag];
    if (typeof raw !== "string") continue;
    const value = f.numeric ? Number(raw) : raw;
    if (f.key.startsWith("faults.")) faults[f.key.slice("faults.".length)] = value;
    else patch[f.key] = value;
  }
  const port = values.port === undefined ? 4010 : Number(values.port);
  if (!Number.isInteger(port) || port < 0) throw new Error(`--port: expected an integer, got ${values.port}`);
  return { ...(patch as SimConfigPatch), faults, port, host: values.host };
}

async function main(): Promise<void> {
  let opts: ReturnType<typeof parse>;
  try {
    opts = parse(process.argv.slice(2));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${usage()}`);
    process.exit(2);
  }
  const sim = await startSimulator(opts);
  console.log(`Anthropic API simulator listening on ${sim.url}`);
  console.log(`  ANTHROPIC_BASE_URL=${sim.url} ANTHROPIC_API_KEY=${sim.config.apiKey ?? "sk-sim-anything"}`);
  console.log(`  admin: GET ${sim.url}/_sim/stats · POST ${sim.url}/_sim/config · POST ${sim.url}/_sim/reset`);
  console.log(JSON.stringify(sim.config, null, 2));

  const shutdown = (signal: string) => {
    console.log(`\n${signal}: stopping simulator`);
    sim.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
