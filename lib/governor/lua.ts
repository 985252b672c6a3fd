// Running Lua through the @upstash/redis client: EVALSHA first (one small round trip), EVAL when the
// server hasn't seen the script yet (new server, SCRIPT FLUSH, or a fresh embedded store).
import { createHash } from "node:crypto";
import type { Redis } from "@upstash/redis";

export interface LuaScript {
  source: string;
  sha: string;
}

export function lua(source: string): LuaScript {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

export async function runLua(redis: Redis, script: LuaScript, keys: string[], args: (string | number)[]): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha, keys, args);
  } catch (err) {
    if (err instanceof Error && /NOSCRIPT/i.test(err.message)) return await redis.eval(script.source, keys, args);
    throw err;
  }
}

/** Lua replies come back as numbers or strings depending on the transport; read them as numbers. */
export function num(v: unknown): number {
  const n = typeof v === "number" ? v : typeof v === "string" && v !== "" ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new Error(`governor: expected a number from Redis, got ${JSON.stringify(v)}`);
  return n;
}

/** Like num() but "" / null (Lua's "absent") reads as null. */
export function optNum(v: unknown): number | null {
  return v === "" || v === null || v === undefined ? null : num(v);
}
