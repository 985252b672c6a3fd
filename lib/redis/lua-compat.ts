// Makes scripts written for Redis (Lua 5.1) run on ioredis-mock (fengari, Lua 5.3) with Redis's
// data-type conversions. Why it is needed — measured, see the limiter integration suite:
//
// 1. ioredis-mock hands command replies to Lua as JS proxies, not Lua tables. A nil inside an
//    array reply (HMGET of a missing field) arrives as the userdata `null`, not `false`. That is
//    why @upstash/ratelimit's token-bucket script fails on the mock: `bucket[1] == false` is never
//    true, `tonumber(bucket[1])` is nil, and `now >= refilledAt + interval` raises "attempt to
//    perform arithmetic on a nil value". GET is unaffected (a nil scalar is repaired to false),
//    which is why the sliding/fixed-window scripts run. Nested arrays are 0-based proxies.
// 2. Lua 5.3 has an integer subtype: replies become floats (`5.0`) and tostring(10/2) is "5.0",
//    so numbers passed back to redis.call would be stored as "5.0" or as JS numbers. fengari's
//    integers are 32-bit, so a ms timestamp is always a float and '%d' rejects it.
// 3. The mock returns Lua values to JS by its own rules (no truncation of floats, no nil-ends-
//    the-array, tables with holes come back as dangling proxies), loses the message of errors
//    thrown by commands ("ERR null"), and has no error_reply/status_reply.
// 4. A `#!lua` shebang first line (Redis 7 function flags) is a syntax error for luaL_dostring.
// 5. SET/ZADD options must be upper case for the mock (see mock-options.ts).
//
// Each script is wrapped: a prelude replaces redis.call/pcall with converting versions, the
// script body runs as a function, and its result is serialized to JSON *inside Lua* with Redis's
// conversion rules, then decoded here. The prelude sits on line 1 so error line numbers match.
//
// Still different from real Redis (documented in lib/redis/README.md): in-script string
// concatenation of floats ("x" .. 10/2 is "x5.0"), no cjson/cmsgpack/bit/struct libraries,
// no redis.sha1hex/log/setresp, globals may be created, and the mock's own command fidelity
// (e.g. INCR on a non-integer does not error).

import { optionRulesLua } from "@/lib/redis/mock-options";
import { withoutShebang } from "@/lib/redis/scripts";

const PRELUDE = [
  "local __call = redis.call;",
  "local __tostring = tostring;",
  "local function __integral(v) return math.type(v) == 'float' and v == math.floor(v) and v > -2^53 and v < 2^53 end;",
  // Redis 5.1 prints integral numbers without '.0'; keys and values built with tostring must match.
  // '%.0f', not '%d': fengari integers are 32-bit, so a ms timestamp is a float '%d' rejects.
  "tostring = function(v) if __integral(v) then return string.format('%.0f', v) end return __tostring(v) end;",
  "math.pow = math.pow or function(a, b) return a ^ b end;",
  // Arguments: Redis converts Lua numbers to strings (%.17g); the mock would store JS numbers.
  "local function __arg(a) if type(a) ~= 'number' then return a end",
  "  if __integral(a) or math.type(a) == 'integer' then return string.format('%.0f', a) end",
  "  return string.format('%.17g', a) end;",
  // Replies: JS proxies → Lua tables with `false` for nil; integral floats → integers.
  "local function __lua(v, base)",
  "  if v == nil or v == false then return false end",
  "  if type(v) == 'number' then return math.tointeger(v) or v end",
  "  if type(v) ~= 'userdata' then return v end",
  "  if __tostring(v) == 'null' then return false end",
  "  local out = {} for i = 1, #v do out[i] = __lua(v[i - 1 + base], 0) end return out end;",
  // Errors: the mock throws JS Error objects, whose message is lost ("ERR null") unless turned
  // into a string here; an unknown command surfaces as a TypeError from its dispatch table.
  "local function __raise(e) local m = __tostring(e):gsub('^%a*Error: ', '')",
  "  if m:find(\"reading 'bind'\", 1, true) then m = 'Unknown Redis command called from script' end",
  "  error(m, 0) end;",
  `local __rules = ${optionRulesLua()};`,
  "local function __options(a) local r = __rules[string.lower(a[1])] if not r then return end",
  "  for i = r.from, a.n do if r.untilNumber and tonumber(a[i]) then return end",
  "    if type(a[i]) == 'string' and r.words[string.lower(a[i])] then a[i] = string.upper(a[i]) end end end;",
  "redis.call = function(...) local a = table.pack(...) for i = 1, a.n do a[i] = __arg(a[i]) end __options(a)",
  "  local ok, r = pcall(__call, table.unpack(a, 1, a.n)) if not ok then __raise(r) end",
  "  return __lua(r, 1) end;",
  "redis.pcall = function(...) local ok, r = pcall(redis.call, ...) if ok then return r end",
  "  return { err = __tostring(r) } end;",
  // Redis strips a leading '-' and adds ERR when the message has no code (no space).
  "redis.error_reply = function(m) m = (__tostring(m):gsub('^%-', ''))",
  "  if not m:find(' ', 1, true) then m = 'ERR ' .. m end return { err = m } end;",
  "redis.status_reply = function(m) return { ok = m } end;",
  "local function __str(s) return '\"' .. (s:gsub('[%c\"\\\\]', function(c) return string.format('\\\\u%04x', c:byte()) end)) .. '\"' end;",
  // Lua → Redis reply rules: number truncates to integer, true → 1, false → nil, a table is an
  // array up to its first nil, {ok=} is a status, {err=} an error (nested ones become strings).
  "local function __json(v, top)",
  "  if v == nil or v == false then return 'null' end",
  "  if v == true then return '1' end",
  "  if type(v) == 'number' then if v ~= v or v == 1/0 or v == -1/0 then return '0' end return string.format('%.0f', v < 0 and math.ceil(v) or math.floor(v)) end",
  "  if type(v) == 'string' then return __str(v) end",
  "  if type(v) ~= 'table' then return 'null' end",
  "  if v.err ~= nil then if top then return nil, __tostring(v.err) end return __str(__tostring(v.err)) end",
  "  if v.ok ~= nil then return __str(__tostring(v.ok)) end",
  "  local parts = {} local i = 1 while v[i] ~= nil do parts[i] = __json(v[i], false) i = i + 1 end",
  "  return '[' .. table.concat(parts, ',') .. ']' end;",
  "local __user = function(...) ",
].join(" ");

const EPILOGUE = "\nend\nlocal __v, __e = __json(__user(), true)\nif __e then return 'E' .. __e end\nreturn 'V' .. __v\n";

/** The script the mock actually runs. */
export function wrapScript(script: string): string {
  return PRELUDE + withoutShebang(script) + EPILOGUE;
}

/** Decodes what a wrapped script returned; a returned {err=…} is an error reply, verbatim. */
export function decodeScriptReply(raw: unknown): { result: unknown } | { error: string } {
  const text = String(raw);
  if (text.startsWith("E")) return { error: text.slice(1) };
  return { result: JSON.parse(text.slice(1)) };
}

/** A Lua error thrown by the mock → the message real Redis gives ("ERR user_script:2: boom"). */
export function scriptErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lua = message.replace(/^Error trying to loading or executing lua code string in VM: /, "");
  return withErrorCode(lua.replace(/^\[string "[^\n]*?"\]:(\d+):/, "user_script:$1:"));
}

/** A raised error keeps the code of a failed command (WRONGTYPE …); anything else is ERR. */
function withErrorCode(message: string): string {
  return /^[A-Z][A-Z0-9_]* /.test(message) ? message : `ERR ${message}`;
}
