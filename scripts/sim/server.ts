// A local stand-in for the Anthropic Messages API, close enough to the real one that the official
// SDK (and a client's retry, rate-limit and streaming logic) behaves the same against it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { modelClass, RateLimiter, TokenBucket } from "./buckets";
import { applyPatch, DEFAULT_CONFIG, LIMIT_KEYS, type SimConfig, type SimConfigPatch } from "./config";
import { Ticker } from "./generation";
import { BodyError, errorBody, newId, readJson, sendJson } from "./http";
import { handleMessages, rateLimitMessage, type SimContext } from "./messages";
import { PromptCache, promptSegments, totalTokens } from "./prompt-cache";
import { type SimStats, StatsRecorder } from "./stats";
import { type PromptRequest, validateRequest } from "./validate";

export type { SimConfig, SimConfigPatch } from "./config";
export type { SimStats } from "./stats";

export interface Simulator {
  /** e.g. http://127.0.0.1:4010, usable as the SDK's baseURL. */
  url: string;
  port: number;
  readonly config: SimConfig;
  stop(): Promise<void>;
  /** Limit changes (rpm, itpm, otpm, pools, windowSeconds, countTokensRpm) start with full buckets. */
  configure(patch: SimConfigPatch): void;
  stats(): SimStats;
  /** Clears stats, buckets and the prompt cache; keeps the configuration. */
  reset(): void;
}

class State implements SimContext {
  config: SimConfig;
  readonly cache = new PromptCache();
  readonly ticker = new Ticker();
  stats = new StatsRecorder();
  pools = new Map<string, RateLimiter>();
  countTokens: TokenBucket;

  constructor(config: SimConfig) {
    this.config = config;
    this.countTokens = this.newCountBucket();
  }

  limiter(model: string): RateLimiter {
    const key = this.config.pools === "shared" ? "shared" : modelClass(model);
    let limiter = this.pools.get(key);
    if (!limiter) {
      limiter = new RateLimiter(this.config, Date.now());
      this.pools.set(key, limiter);
    }
    return limiter;
  }

  resetLimits(): void {
    this.pools.clear();
    this.countTokens = this.newCountBucket();
  }

  private newCountBucket(): TokenBucket {
    return new TokenBucket(this.config.countTokensRpm, this.config.windowSeconds * 1000, Date.now());
  }
}

function countTokens(s: State, res: ServerResponse, requestId: string, r: PromptRequest): void {
  const now = Date.now();
  const wait = s.countTokens.waitMs(1, now);
  if (wait > 0) {
    s.stats.limited("count-tokens");
    const body = errorBody("rate_limit_error", rateLimitMessage(s.config.countTokensRpm, "token counting requests"), requestId);
    return sendJson(res, 429, body, { "request-id": requestId, "retry-after": String(Math.ceil(wait / 1000)) });
  }
  s.countTokens.take(1, now);
  // The same count the Messages endpoint reports as its total input (no caching here).
  sendJson(res, 200, { input_tokens: totalTokens(promptSegments(r)) }, { "request-id": requestId });
}

async function api(s: State, req: IncomingMessage, res: ServerResponse, kind: "messages" | "count_tokens"): Promise<void> {
  const requestId = newId("req");
  s.stats.opened(kind === "messages" ? "messages" : "countTokens");
  res.on("close", () => s.stats.closed(res.headersSent ? res.statusCode : null, res.writableFinished));
  const reject = (status: number, type: Parameters<typeof errorBody>[0], message: string) =>
    sendJson(res, status, errorBody(type, message, requestId), { "request-id": requestId });

  // SDK 1.16 sends the API key as `Authorization: Bearer …`; older clients and curl use x-api-key.
  const key = req.headers["x-api-key"] || /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (typeof key !== "string" || key === "") return reject(401, "authentication_error", "x-api-key header is required");
  if (s.config.apiKey !== null && key !== s.config.apiKey) return reject(401, "authentication_error", "invalid x-api-key");
  if (!req.headers["anthropic-version"]) return reject(400, "invalid_request_error", "anthropic-version: header is required");

  let body: unknown;
  try {
    body = await readJson(req);
  } catch (err) {
    if (!(err instanceof BodyError)) throw err;
    // The rest of an oversized body is never read, so the connection cannot be reused.
    if (err.status === 413) res.setHeader("connection", "close");
    return reject(err.status, err.status === 413 ? "request_too_large" : "invalid_request_error", err.message);
  }

  if (kind === "count_tokens") {
    const v = validateRequest(body, "count_tokens");
    return v.ok ? countTokens(s, res, requestId, v.value) : reject(v.status, v.type, v.message);
  }
  const v = validateRequest(body, "messages");
  return v.ok ? handleMessages(s, req, res, requestId, v.value) : reject(v.status, v.type, v.message);
}

async function admin(s: State, sim: Simulator, req: IncomingMessage, res: ServerResponse, route: string): Promise<boolean> {
  switch (route) {
    case "GET /_sim/stats":
      sendJson(res, 200, sim.stats());
      return true;
    case "GET /_sim/config":
      sendJson(res, 200, s.config);
      return true;
    case "POST /_sim/config":
      try {
        sim.configure((await readJson(req)) as SimConfigPatch);
        sendJson(res, 200, s.config);
      } catch (err) {
        sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
      }
      return true;
    case "POST /_sim/reset":
      sim.reset();
      sendJson(res, 200, { ok: true });
      return true;
    default:
      return false;
  }
}

export async function startSimulator(opts: SimConfigPatch & { port?: number; host?: string } = {}): Promise<Simulator> {
  const { port = DEFAULT_CONFIG.port, host = DEFAULT_CONFIG.host, ...patch } = opts;
  const s = new State({ ...applyPatch(DEFAULT_CONFIG, patch), port, host });

  const server = createServer((req, res) => {
    const route = `${req.method} ${(req.url ?? "/").split("?")[0]}`;
    const handled =
      route === "POST /v1/messages"
        ? api(s, req, res, "messages")
        : route === "POST /v1/messages/count_tokens"
          ? api(s, req, res, "count_tokens")
          : admin(s, sim, req, res, route).then((done) => {
              if (!done) sendJson(res, 404, errorBody("not_found_error", "Not found", newId("req")));
            });
    handled.catch((err: unknown) => {
      console.error("[sim] request failed:", err);
      if (!res.headersSent) sendJson(res, 500, errorBody("api_error", "Internal server error", newId("req")));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  s.config = { ...s.config, port: actualPort };

  const sim: Simulator = {
    url: `http://${host}:${actualPort}`,
    port: actualPort,
    get config() {
      return s.config;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    configure(patchIn) {
      const next = applyPatch(s.config, patchIn);
      const limitsChanged = LIMIT_KEYS.some((k) => next[k] !== s.config[k]);
      s.config = next;
      if (limitsChanged) s.resetLimits();
    },
    stats: () => s.stats.snapshot(s.pools, Date.now()),
    reset() {
      s.stats = new StatsRecorder(s.stats.inFlight);
      s.resetLimits();
      s.cache.clear();
    },
  };
  return sim;
}
