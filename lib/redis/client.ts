// One Redis client type for the whole app — an @upstash/redis `Redis` — over three backends:
// Upstash REST (production), any Redis server through ioredis (REDIS_URL), or the in-process
// embedded store (no configuration: dev, tests, scripts). Callers never branch on the backend.
import { errors, Redis } from "@upstash/redis";
import { env, type Env } from "@/lib/env";
import { createEmbeddedRequester } from "@/lib/redis/embedded-requester";
import { RedisUnavailableError } from "@/lib/redis/errors";
import { createIoredisRequester } from "@/lib/redis/ioredis-requester";

export type RedisBackend = "upstash" | "redis" | "embedded";

export interface CreateRedisOptions {
  upstash?: { url: string; token: string };
  redisUrl?: string;
  /** Forces the embedded store even if a server is configured. */
  embedded?: boolean;
  /** Prefix for every key built with redisKey(); defaults to REDIS_PREFIX. */
  prefix?: string;
}

interface ClientInfo {
  backend: RedisBackend;
  prefix: string;
  close: () => Promise<void>;
}

const clients = new WeakMap<Redis, ClientInfo>();
// On globalThis so Next.js dev reloads of this module reuse the connection instead of leaking one.
const globalRef = globalThis as typeof globalThis & { __fairtutorRedis?: Redis };

export function selectBackend(opts: CreateRedisOptions): RedisBackend {
  if (opts.embedded) return "embedded";
  if (opts.upstash) return "upstash";
  if (opts.redisUrl) return "redis";
  return "embedded";
}

export function createRedis(opts: CreateRedisOptions): Redis {
  const backend = selectBackend(opts);
  const prefix = opts.prefix ?? env.REDIS_PREFIX;
  if (backend === "upstash" && opts.upstash) {
    const redis = createUpstash(opts.upstash);
    clients.set(redis, { backend, prefix, close: async () => {} });
    return redis;
  }
  const { requester, close } =
    backend === "redis" && opts.redisUrl ? createIoredisRequester(opts.redisUrl) : createEmbeddedRequester();
  const redis = new Redis(requester);
  clients.set(redis, { backend, prefix, close });
  return redis;
}

export function redisOptionsFromEnv(
  e: Pick<Env, "UPSTASH_REDIS_REST_URL" | "UPSTASH_REDIS_REST_TOKEN" | "REDIS_URL" | "REDIS_PREFIX">,
): CreateRedisOptions {
  const upstash =
    e.UPSTASH_REDIS_REST_URL && e.UPSTASH_REDIS_REST_TOKEN
      ? { url: e.UPSTASH_REDIS_REST_URL, token: e.UPSTASH_REDIS_REST_TOKEN }
      : undefined;
  return { upstash, redisUrl: e.REDIS_URL, prefix: e.REDIS_PREFIX };
}

/** The app's client, chosen from the environment: Upstash REST, else REDIS_URL, else embedded. */
export function getRedis(): Redis {
  if (!globalRef.__fairtutorRedis) {
    const opts = redisOptionsFromEnv(env);
    if (env.NODE_ENV === "production" && selectBackend(opts) === "embedded") {
      console.warn("[redis] No Redis configured: budgets and limits are per instance (embedded store).");
    }
    globalRef.__fairtutorRedis = createRedis(opts);
  }
  return globalRef.__fairtutorRedis;
}

/** Closes `redis`, or the app's client when none is given (the next getRedis() makes a new one). */
export async function closeRedis(redis?: Redis): Promise<void> {
  const target = redis ?? globalRef.__fairtutorRedis;
  if (!target) return;
  if (target === globalRef.__fairtutorRedis) globalRef.__fairtutorRedis = undefined;
  await infoOf(target).close();
}

/** Which backend `redis` (default: the app's client, without connecting) talks to. */
export function redisBackend(redis?: Redis): RedisBackend {
  return redis ? infoOf(redis).backend : selectBackend(redisOptionsFromEnv(env));
}

export function redisPrefix(redis: Redis): string {
  return infoOf(redis).prefix;
}

/** A key under the client's prefix, so deployments and test runs sharing a server never collide. */
export function redisKey(redis: Redis, ...parts: (string | number)[]): string {
  return [redisPrefix(redis), ...parts].join(":");
}

/** Round-trip time in ms; rejects when Redis cannot answer (the health route times and catches it). */
export async function pingRedis(redis: Redis = getRedis()): Promise<number> {
  const started = performance.now();
  await redis.ping();
  return Math.round(performance.now() - started);
}

// A client not made by createRedis can only be a plain Upstash one.
function infoOf(redis: Redis): ClientInfo {
  return clients.get(redis) ?? { backend: "upstash", prefix: env.REDIS_PREFIX, close: async () => {} };
}

function createUpstash({ url, token }: { url: string; token: string }): Redis {
  const redis = new Redis({
    url,
    token,
    // Auto-pipelining would batch commands only on this backend; one code path means the same
    // request shapes everywhere. Telemetry headers are off: school deployment, no third-party data.
    enableAutoPipelining: false,
    enableTelemetry: false,
    // The default (5 retries, exponential) waits ~4 s before the budget fail-safe can answer.
    retry: { retries: 2 },
  });
  redis.use(async (req, next) => {
    try {
      return await next(req);
    } catch (error) {
      // UpstashError is the server's reply (including NOSCRIPT); a failed fetch or a non-JSON
      // body (a proxy's error page) means the service could not be reached.
      if (error instanceof errors.UpstashError && !(error instanceof errors.UpstashJSONParseError)) throw error;
      throw new RedisUnavailableError(`Upstash unreachable: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  });
  return redis;
}
