// The embedded backend: an in-process keyspace (ioredis-mock) behind the same @upstash/redis
// Requester interface as the other backends, so budgets, the governor and their tests run one
// code path with no server. Scripts go through lua-compat (see there for why).
import type { Requester, UpstashRequest, UpstashResponse } from "@upstash/redis";
import RedisMock from "ioredis-mock";
import { decodeScriptReply, scriptErrorMessage, wrapScript } from "@/lib/redis/lua-compat";
import { upperCaseOptions } from "@/lib/redis/mock-options";
import { commandArgs, toRestValue, type RestCommand, type RestResult } from "@/lib/redis/reply";
import { sha1 } from "@/lib/redis/scripts";

type Mock = InstanceType<typeof RedisMock>;
type MockCommand = (...args: string[]) => Promise<unknown>;

// ioredis-mock shares data between instances with the same host:port, like clients of one
// server. A host of our own keeps it apart from any plain `new RedisMock()` elsewhere.
const HOST = "fairtutor-embedded";
// Real Redis caches scripts server-wide, so this does too: sha1(original script) → wrapped script.
const scripts = new Map<string, string>();
const NOSCRIPT = "NOSCRIPT No matching script. Please use EVAL.";

export function createEmbeddedRequester(): { requester: Requester; close: () => Promise<void> } {
  const mock = new RedisMock({ host: HOST });
  const requester: Requester = {
    request: async <TResult>(req: UpstashRequest): Promise<UpstashResponse<TResult>> => {
      const route = req.path?.[0];
      if (route === "pipeline" || route === "multi-exec") {
        // Each mock command runs synchronously when called, so starting them all before awaiting
        // any executes the batch without interleaving: atomic, as MULTI/EXEC requires.
        const commands = req.body as RestCommand[];
        return (await Promise.all(commands.map((c) => run(mock, c)))) as unknown as UpstashResponse<TResult>;
      }
      return (await run(mock, req.body as RestCommand)) as UpstashResponse<TResult>;
    },
  };
  return { requester, close: async () => mock.disconnect() };
}

async function run(mock: Mock, command: RestCommand): Promise<RestResult> {
  const { name, args } = commandArgs(command);
  switch (name) {
    case "eval":
    case "eval_ro":
      return evalScript(mock, remember(args[0] ?? ""), args.slice(1));
    case "evalsha":
    case "evalsha_ro": {
      const wrapped = scripts.get((args[0] ?? "").toLowerCase());
      return wrapped ? evalScript(mock, wrapped, args.slice(1)) : { error: NOSCRIPT };
    }
    case "script":
      return scriptCommand(args);
    default:
      return plainCommand(mock, name, upperCaseOptions(name, args));
  }
}

function remember(script: string): string {
  const wrapped = wrapScript(script);
  scripts.set(sha1(script), wrapped);
  return wrapped;
}

async function evalScript(mock: Mock, wrapped: string, [numKeys = "0", ...rest]: string[]): Promise<RestResult> {
  try {
    return decodeScriptReply(await mock.eval(wrapped, numKeys, ...rest));
  } catch (error) {
    return { error: scriptErrorMessage(error) };
  }
}

function scriptCommand([sub = "", ...args]: string[]): RestResult {
  switch (sub.toLowerCase()) {
    case "load":
      remember(args[0] ?? "");
      return { result: sha1(args[0] ?? "") };
    case "exists":
      return { result: args.map((sha) => (scripts.has(sha.toLowerCase()) ? 1 : 0)) };
    case "flush":
      scripts.clear();
      return { result: "OK" };
    default:
      return { error: `ERR unknown subcommand '${sub}'. Try SCRIPT HELP.` };
  }
}

async function plainCommand(mock: Mock, name: string, args: string[]): Promise<RestResult> {
  // Commands are own properties of a mock instance; anything else (disconnect, pipeline, …) is
  // client API, not a Redis command, and must not be reachable from a request body.
  const fn: unknown = Object.prototype.hasOwnProperty.call(mock, name) ? (mock as unknown as Record<string, unknown>)[name] : undefined;
  if (typeof fn !== "function") return { error: `ERR unknown command '${name}'` };
  try {
    return { result: toRestValue(await (fn as MockCommand)(...args)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
