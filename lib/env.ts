// The one place that reads process.env. Every variable is validated here and documented in the
// README's table and .env.example; the rest of the code imports `env`.
import { z } from "zod";

const int = (d: number) => z.coerce.number().int().positive().default(d);
const ratio = (d: number) => z.coerce.number().min(0).max(1).default(d);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Real PostgreSQL. Unset: `npm run dev` starts the embedded one and sets this for the app. */
  DATABASE_URL: optionalString,
  /** Connections per app instance. */
  DATABASE_POOL_SIZE: int(10),
  /** Upstash REST (production). */
  UPSTASH_REDIS_REST_URL: optionalString,
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  /** Any Redis server, e.g. redis://127.0.0.1:6379. */
  REDIS_URL: optionalString,
  /** Prefix for every Redis key, so several deployments or test runs can share one server. */
  REDIS_PREFIX: z.string().default("ft"),
  AUTH_SECRET: optionalString,
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_BASE_URL: optionalString,
  ANTHROPIC_MODEL_FULL: z.string().default("claude-sonnet-5"),
  ANTHROPIC_MODEL_CONCISE: z.string().default("claude-haiku-4-5"),
  /** The shared key's fixed limits, mirrored by the governor. */
  ANTHROPIC_RPM: int(50),
  ANTHROPIC_ITPM: int(30_000),
  ANTHROPIC_OTPM: int(8_000),
  /** Longest a request waits in the admission queue before it is degraded. */
  GOVERNOR_MAX_WAIT_MS: int(4_000),
  /**
   * Share of max_tokens the governor reserves from the output-token bucket before a call (1 = all of it,
   * as the 2025 rules count; lower it where the key's OTPM counts only tokens actually produced).
   */
  GOVERNOR_OUTPUT_RESERVE_RATIO: z.coerce.number().gt(0).max(1).default(1),
  /**
   * Benchmark-only (`npm run bench`): "naive" bypasses the gate (message limit, budget, governor, load
   * level, offline fallback) and calls the SDK directly per message, as the baseline the gate is
   * measured against. Never set it in production.
   */
  TUTOR_PIPELINE: z.enum(["gated", "naive"]).default("gated"),
  /** Whole-turn deadline for the model call, retries included. */
  TUTOR_DEADLINE_MS: int(30_000),
  MAX_TOKENS_FULL: int(800),
  MAX_TOKENS_CONCISE: int(300),
  /** Defaults for schools with no BudgetPolicy row. */
  DEFAULT_TOKENS_PER_WINDOW: int(5_000),
  DEFAULT_TOKEN_WINDOW_SECONDS: int(900),
  DEFAULT_MESSAGES_PER_WINDOW: int(10),
  DEFAULT_MESSAGE_WINDOW_SECONDS: int(300),
  DEFAULT_NEAR_BUDGET_RATIO: ratio(0.8),
  MAX_MESSAGE_CHARS: int(8_000),
  /** Failed sign-ins per account per window before the account is locked for the window. */
  SIGNIN_ATTEMPTS_PER_ACCOUNT: int(5),
  /** Failed sign-ins per IP address per window (successes don't count: a school shares one address). */
  SIGNIN_ATTEMPTS_PER_IP: int(100),
  SIGNIN_WINDOW_SECONDS: int(900),
  SEED_PASSWORD: z.string().min(8).default("fairtutor-demo"),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

export const env: Env = load();

/** True when no Anthropic key is configured: every answer comes from the offline tutor. */
export const isOfflineModel = () => !env.ANTHROPIC_API_KEY;
