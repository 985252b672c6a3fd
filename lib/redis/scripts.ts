// Script text as each backend can run it. @upstash/ratelimit 2.2.0 starts every script with
// `#!lua flags=allow-key-locking`, a flag only Upstash's server knows: Redis 7.0 rejects the
// script ("ERR Unexpected flag in script shebang: allow-key-locking") and fengari cannot parse a
// shebang at all. Callers address scripts by the SHA1 of the text *they* sent, so requesters that
// rewrite a script keep an alias from that SHA1 to what they actually ran.
import { createHash } from "node:crypto";

// The EVAL shebang flags Redis 7 accepts (https://redis.io/docs/latest/develop/programmability/lua-api/).
const REDIS_FLAGS = new Set(["no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys"]);

export function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** Drops shebang flags Redis does not know; everything else is left as written. */
export function forRedisServer(script: string): string {
  const match = /^#!([^\n]*)/.exec(script);
  if (!match) return script;
  const parts = match[1].split(" ").flatMap((part) => {
    if (!part.startsWith("flags=")) return [part];
    const flags = part.slice("flags=".length).split(",").filter((f) => REDIS_FLAGS.has(f));
    return flags.length ? [`flags=${flags.join(",")}`] : [];
  });
  return `#!${parts.join(" ")}${script.slice(match[0].length)}`;
}

/** Blanks a shebang line (a syntax error for plain Lua) while keeping line numbers. */
export function withoutShebang(script: string): string {
  return script.replace(/^#![^\n]*/, "");
}
