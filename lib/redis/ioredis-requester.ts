// Any Redis server (REDIS_URL) behind @upstash/redis: its Requester receives Upstash REST
// command arrays and must answer exactly like the REST API does after decoding — { result } with
// strings, integers, null and arrays, or { error } for an error reply (so "NOSCRIPT" makes the
// client fall back from EVALSHA to EVAL). Transport failures throw RedisUnavailableError instead.
import type { Requester, UpstashRequest, UpstashResponse } from "@upstash/redis";
import IORedis, { ReplyError } from "ioredis";
import { RedisUnavailableError } from "@/lib/redis/errors";
import { commandArgs, toRestValue, type RestCommand, type RestResult } from "@/lib/redis/reply";
import { forRedisServer, sha1 } from "@/lib/redis/scripts";

// Budget checks sit on the request path of every tutor turn: when Redis is down they must fail
// within a couple of seconds so the fail-safe can answer, instead of queueing forever.
const CONNECT_TIMEOUT_MS = 2_000;
const COMMAND_TIMEOUT_MS = 2_000;
// sha1(script as the caller sent it) → sha1(script as the server runs it), for the scripts that
// forRedisServer() had to change, so EVALSHA with the caller's SHA1 finds them.
const aliases = new Map<string, string>();

export function createIoredisRequester(url: string): { requester: Requester; close: () => Promise<void> } {
  const client = new IORedis(url, {
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    // While down, a queued command waits for the next reconnect attempt; ioredis's default
    // backoff grows to 2 s, this caps it at 1 s so the fail-safe answers sooner.
    retryStrategy: (attempt) => Math.min(attempt * 50, 1_000),
  });
  // Without a listener ioredis prints every reconnect failure; callers learn of outages through
  // RedisUnavailableError (and the fail-safe logs the transition once).
  client.on("error", () => {});

  const requester: Requester = {
    request: async <TResult>(req: UpstashRequest): Promise<UpstashResponse<TResult>> => {
      const route = req.path?.[0];
      if (route === "pipeline" || route === "multi-exec") {
        const results = await runBatch(client, req.body as RestCommand[], route === "multi-exec");
        return results as unknown as UpstashResponse<TResult>;
      }
      return (await runOne(client, req.body as RestCommand)) as UpstashResponse<TResult>;
    },
  };
  return {
    requester,
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

async function runOne(client: IORedis, command: RestCommand): Promise<RestResult> {
  const { name, args } = forServer(command);
  try {
    return { result: toRestValue(await client.call(name, ...args)) };
  } catch (error) {
    return replyOrThrow(error);
  }
}

async function runBatch(client: IORedis, commands: RestCommand[], atomic: boolean): Promise<RestResult[]> {
  const calls = commands.map((c) => {
    const { name, args } = forServer(c);
    return ["call", name, ...args];
  });
  let replies: [Error | null, unknown][] | null;
  try {
    replies = await (atomic ? client.multi(calls) : client.pipeline(calls)).exec();
  } catch (error) {
    // EXECABORT: a queued command was rejected, so none ran; REST reports it per command.
    const failed = replyOrThrow(error);
    return commands.map(() => failed);
  }
  // exec() is null only when a WATCHed key changed; REST has no WATCH, so this cannot happen.
  if (!replies) throw new Error("Redis aborted the transaction");
  return replies.map(([error, result]) => (error ? replyOrThrow(error) : { result: toRestValue(result) }));
}

function forServer(command: RestCommand): { name: string; args: string[] } {
  const { name, args } = commandArgs(command);
  const [first = "", ...rest] = args;
  switch (name) {
    case "eval":
    case "eval_ro":
      return { name, args: [runnable(first), ...rest] };
    case "evalsha":
    case "evalsha_ro":
      return { name, args: [aliases.get(first.toLowerCase()) ?? first, ...rest] };
    case "script":
      if (first.toLowerCase() === "load") return { name, args: [first, runnable(rest[0] ?? "")] };
      if (first.toLowerCase() === "exists") return { name, args: [first, ...rest.map((sha) => aliases.get(sha) ?? sha)] };
      return { name, args };
    default:
      return { name, args };
  }
}

function runnable(script: string): string {
  const run = forRedisServer(script);
  if (run !== script) aliases.set(sha1(script), sha1(run));
  return run;
}

/** An error reply is data for the caller; anything else means the server could not be reached. */
function replyOrThrow(error: unknown): RestResult {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ReplyError) return { error: message };
  throw new RedisUnavailableError(`Redis unreachable: ${message}`, { cause: error });
}
