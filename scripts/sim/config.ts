// Simulator configuration: one zod schema gives the type, validates CLI flags and runtime patches
// (POST /_sim/config), so a typo in a test's patch fails loudly instead of being ignored.
import { z } from "zod";

const probability = z.number().min(0).max(1);
const positive = z.number().positive();
const nonNegative = z.number().min(0);

const faultsSchema = z.strictObject({
  /** 529 overloaded_error before any output. */
  overloaded: probability,
  /** 500 api_error before any output. */
  apiError: probability,
  /** `event: error` (overloaded) after some deltas; a 529 for non-streaming requests. */
  midstream: probability,
  /** First token only after `slowTtftMs`. */
  slow: probability,
});

const tunableSchema = z.strictObject({
  /** Any non-empty x-api-key is accepted when null; otherwise only this one. */
  apiKey: z.string().min(1).nullable(),
  rpm: positive,
  itpm: positive,
  otpm: positive,
  /** "max_tokens": reserve max_tokens at admission, refund the unused part at the end (2025 rule).
   *  "realtime": charge output tokens as they are produced (2026 rule). */
  otpmMode: z.enum(["max_tokens", "realtime"]),
  /** The real API keeps one set of buckets per model class (Opus, Sonnet, Haiku…). */
  pools: z.enum(["model-class", "shared"]),
  /** Buckets hold `limit` and refill at limit/windowSeconds per second; tests shrink it to avoid sleeping. */
  windowSeconds: positive,
  /** Token counting has its own, independent request limit. */
  countTokensRpm: positive,
  /** The API rounds token `-remaining` headers to the nearest thousand; 1 gives exact values. */
  remainingRounding: z.number().int().positive(),
  ttftMs: nonNegative,
  /** Relative jitter on ttftMs: 0.25 means ±25 %. */
  ttftJitter: z.number().min(0).max(1),
  slowTtftMs: nonNegative,
  tokensPerSecond: positive,
  /** Mean length of an unconstrained answer, in tokens. */
  answerTokens: positive,
  /** Prefixes shorter than this are processed without caching, as the API does. */
  cacheMinTokens: z.number().int().min(1),
  faults: faultsSchema,
});

export type Faults = z.infer<typeof faultsSchema>;
export type FaultName = keyof Faults;
export type SimTunables = z.infer<typeof tunableSchema>;
export type SimConfig = SimTunables & { port: number; host: string };

/** What configure() and POST /_sim/config accept: any subset, with `faults` merged key by key. */
export type SimConfigPatch = Partial<Omit<SimTunables, "faults">> & { faults?: Partial<Faults> };

export const DEFAULT_CONFIG: SimConfig = {
  port: 0,
  host: "127.0.0.1",
  apiKey: null,
  // The 2025 Tier 1 Sonnet limits, the same defaults as lib/env.ts.
  rpm: 50,
  itpm: 30_000,
  otpm: 8_000,
  otpmMode: "max_tokens",
  pools: "model-class",
  windowSeconds: 60,
  countTokensRpm: 2_000,
  remainingRounding: 1_000,
  ttftMs: 400,
  ttftJitter: 0.25,
  slowTtftMs: 12_000,
  tokensPerSecond: 60,
  answerTokens: 250,
  cacheMinTokens: 1_024,
  faults: { overloaded: 0, apiError: 0, midstream: 0, slow: 0 },
};

const patchSchema = tunableSchema.omit({ faults: true }).partial().extend({ faults: faultsSchema.partial().optional() });

/** Throws a readable Error when the patch has unknown keys or out-of-range values. */
export function applyPatch(base: SimConfig, patch: unknown): SimConfig {
  const parsed = patchSchema.safeParse(patch);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`Invalid simulator config: ${detail}`);
  }
  const { faults, ...rest } = parsed.data;
  return { ...base, ...rest, faults: { ...base.faults, ...faults } };
}

export const LIMIT_KEYS = ["rpm", "itpm", "otpm", "pools", "windowSeconds", "countTokensRpm"] as const;
