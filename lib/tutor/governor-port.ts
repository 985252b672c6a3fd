// The governor and load level (lib/governor, lib/load) as the pipeline's GovernorPort.
import type { Redis } from "@upstash/redis";
import { admit } from "@/lib/governor/admission";
import { correctFromHeaders, reconcile, type Ticket } from "@/lib/governor/buckets";
import type { GovernorConfig } from "@/lib/governor/config";
import type { LoadConfig } from "@/lib/load/config";
import { recordOutcome } from "@/lib/load/signals";
import { turnLoad } from "@/lib/load/state";
import { env } from "@/lib/env";
import type { GovernorPort } from "./ports";

export function governorConfigFromEnv(): GovernorConfig {
  return {
    prefix: `${env.REDIS_PREFIX}:gov`,
    limits: { rpm: env.ANTHROPIC_RPM, itpm: env.ANTHROPIC_ITPM, otpm: env.ANTHROPIC_OTPM },
    outputReserveRatio: env.GOVERNOR_OUTPUT_RESERVE_RATIO,
  };
}

export function loadConfigFromEnv(): LoadConfig {
  return { prefix: `${env.REDIS_PREFIX}:load` };
}

const ZERO_USAGE = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

export function createGovernorPort({
  redis,
  governor,
  load,
  maxWaitMs,
  schoolShares,
}: {
  redis: Redis;
  governor: GovernorConfig;
  load: LoadConfig;
  maxWaitMs: number;
  /** Live per-school shares of the key (School.keyShare, cached briefly); must not reject. */
  schoolShares?: () => Promise<Record<string, number>>;
}): GovernorPort {
  const warn = (what: string) => (err: unknown) => console.error(`[governor] ${what} failed`, err);
  const live = async (): Promise<GovernorConfig> => (schoolShares ? { ...governor, schoolShares: { ...governor.schoolShares, ...(await schoolShares()) } } : governor);
  return {
    async load() {
      try {
        const l = await turnLoad({ redis, config: load, governor });
        return { level: l.level, providerDown: l.providerDown };
      } catch (err) {
        // Without Redis we can't see the shared load: assume busy, so answers stay short and cheap.
        warn("load level")(err);
        return { level: "BUSY", providerDown: false };
      }
    },

    async admit({ estInputTokens, maxOutputTokens, priority, schoolId, onQueued, maxWaitMs: wait = maxWaitMs }) {
      try {
        const r = await admit({ redis, config: await live(), estInputTokens, maxOutputTokens, priority, schoolId, maxWaitMs: wait, onQueued });
        if (r.admitted) return { admitted: true, ticket: r.ticket, waitedMs: r.waitedMs };
        return { admitted: false, waitedMs: r.waitedMs, reason: r.reason === "paused" ? "upstream_rate_limited" : "queue_timeout" };
      } catch (err) {
        // Fail safe, not open: with no shared governor we don't call the shared key at all.
        warn("admission")(err);
        return { admitted: false, waitedMs: 0, reason: "peak_load" };
      }
    },

    observe(o) {
      void recordOutcome({ redis, config: load, kind: o.kind }).catch(warn("recording an outcome"));
      if (Object.keys(o.headers).length > 0 || o.retryAfterMs !== undefined) {
        void correctFromHeaders({ redis, config: governor, headers: o.headers, status: o.status ?? undefined, retryAfterMs: o.kind === "rate_limited" ? o.retryAfterMs : undefined }).catch(
          warn("header correction"),
        );
      }
    },

    async settle(ticket, usage) {
      await reconcile({ redis, config: await live(), ticket: ticket as Ticket, usage: usage ?? ZERO_USAGE }).catch(warn("reconcile"));
    },
  };
}
