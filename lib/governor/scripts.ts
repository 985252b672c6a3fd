// The governor's Lua. It must run on Redis 7 (Lua 5.1) and on the embedded store (ioredis-mock,
// fengari = Lua 5.3), so: `now` comes from the caller (no TIME), no unpack/table.getn, missing values
// are read with tonumber() (Redis gives false, the mock something else), replies are integers or strings
// (Redis truncates Lua floats, the mock doesn't). The arithmetic mirrors bucket-math.ts.
import { lua } from "./lua";

// Bucket triple helpers. A bucket hash holds levels r (requests), i (input), o (output) at time t.
const PRELUDE = `
local function loadBuckets(key, now, caps, rates, share)
  local h = redis.call('HMGET', key, 'r', 'i', 'o', 't')
  local t = tonumber(h[4])
  local b = { key = key, t = now, caps = {}, rates = {}, lv = {} }
  for k = 1, 3 do
    b.caps[k] = caps[k] * share
    b.rates[k] = rates[k] * share
    local lv = tonumber(h[k])
    if lv == nil or t == nil then
      lv = b.caps[k]
    elseif now > t then
      lv = lv + (now - t) * b.rates[k]
    end
    if lv > b.caps[k] then lv = b.caps[k] end
    b.lv[k] = lv
  end
  -- another instance's clock may be ahead: keep the later stamp so no interval is refilled twice
  if t ~= nil and t > now then b.t = t end
  return b
end

local function deficitMs(b, cost)
  local w = 0
  for k = 1, 3 do
    local need = cost[k]
    if need > b.caps[k] then need = b.caps[k] end
    if b.lv[k] < need then
      local x = (need - b.lv[k]) / b.rates[k]
      if x > w then w = x end
    end
  end
  return w
end

local function saveBuckets(b)
  -- expire once refilled to full: an absent hash reads as full, so nothing is lost
  local full = 0
  for k = 1, 3 do
    local x = (b.caps[k] - b.lv[k]) / b.rates[k]
    if x > full then full = x end
  end
  redis.call('HSET', b.key, 'r', b.lv[1], 'i', b.lv[2], 'o', b.lv[3], 't', b.t)
  redis.call('PEXPIRE', b.key, math.ceil(full) + 1000)
end

local function argTriple(i)
  return { tonumber(ARGV[i]), tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2]) }
end

-- queue member: id|share|inputTokens|outputTokens|schoolId
local function parseMember(m)
  local _, share, tin, tout, school = string.match(m, '^([^|]*)|([^|]*)|([^|]*)|([^|]*)|(.*)$')
  return tonumber(share), tonumber(tin), tonumber(tout), school
end
`;

/**
 * One admission attempt for one ticket: drop dead tickets, enqueue (or heartbeat) this one, then take
 * from every bucket at once if the ticket may go first and all buckets can cover it.
 * KEYS: queue, queue-expiry, pause, global bucket.
 * ARGV: now, member, score, maxLength, ticketTtlMs, caps×3, rates×3, schoolKeyPrefix.
 * School bucket keys are built inside the script (which schools are queued ahead isn't known before
 * it runs): fine on a single Redis and on Upstash's default global script lock, not on Redis Cluster.
 * Reply {code, waitMs}: code 1 admitted, 0 wait (at the head, for tokens), 3 wait (behind others
 * in the queue; waitMs estimates our turn), 2 paused, -1 queue full.
 */
export const TAKE = lua(`${PRELUDE}
local now = tonumber(ARGV[1])
local member = ARGV[2]
local caps, rates = argTriple(6), argTriple(9)
local schoolPrefix = ARGV[12]
local qKey, expKey = KEYS[1], KEYS[2]

local dead = redis.call('ZRANGEBYSCORE', expKey, '-inf', now, 'LIMIT', 0, 100)
for i = 1, #dead do
  redis.call('ZREM', qKey, dead[i])
  redis.call('ZREM', expKey, dead[i])
end

local rank = redis.call('ZRANK', qKey, member)
if not rank then
  local depth = redis.call('ZCARD', qKey)
  if depth >= tonumber(ARGV[4]) then return { -1, 0 } end
  redis.call('ZADD', qKey, ARGV[3], member)
  rank = redis.call('ZRANK', qKey, member)
end
redis.call('ZADD', expKey, now + tonumber(ARGV[5]), member)

local paused = tonumber(redis.call('GET', KEYS[3]))
if paused and paused > now then return { 2, math.ceil(paused - now) } end

local share, tin, tout, school = parseMember(member)
local cost = { 1, tin, tout }
local g = loadBuckets(KEYS[4], now, caps, rates, 1)
local s = nil
if share < 1 then s = loadBuckets(schoolPrefix .. school, now, caps, rates, share) end
local wait = deficitMs(g, cost)
if s then
  local ws = deficitMs(s, cost)
  if ws > wait then wait = ws end
end

if rank > 0 then
  -- Queue order is strict, except that a ticket held back only by its own school's share does not
  -- hold back other schools: that is what keeps one school's exam week from starving the rest.
  local ahead = redis.call('ZRANGE', qKey, 0, rank - 1)
  local schools = {}
  local blockers = 0
  for i = 1, #ahead do
    local xs, xin, xout, xschool = parseMember(ahead[i])
    local held = false
    if xs and xs < 1 and not (share < 1 and xschool == school) then
      local b = schools[xschool]
      if not b then
        b = loadBuckets(schoolPrefix .. xschool, now, caps, rates, xs)
        schools[xschool] = b
      end
      held = deficitMs(b, { 1, xin, xout }) > 0
    end
    if not held then blockers = blockers + 1 end
    -- enough to know we wait; the caller caps its sleep long before 50 turns
    if blockers >= 50 then break end
  end
  if blockers > 0 then
    -- our turn comes after about that many requests like ours have been refilled
    local each = 0
    for k = 1, 3 do
      local x = cost[k] / g.rates[k]
      if x > each then each = x end
    end
    if blockers * each > wait then wait = blockers * each end
    return { 3, math.ceil(wait) }
  end
end
if wait > 0 then return { 0, math.ceil(wait) } end

for k = 1, 3 do g.lv[k] = g.lv[k] - cost[k] end
saveBuckets(g)
if s then
  for k = 1, 3 do s.lv[k] = s.lv[k] - cost[k] end
  saveBuckets(s)
end
redis.call('ZREM', qKey, member)
redis.call('ZREM', expKey, member)
return { 1, 0 }
`);

/** KEYS: queue, queue-expiry. ARGV: member. */
export const LEAVE = lua(`
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`);

/**
 * Refill one bucket triple to now, then per dimension either add a delta (mode "add": reconcile's
 * refund or charge, capped at capacity) or lower to a value (mode "min": header correction, never raises).
 * KEYS: bucket. ARGV: now, caps×3, rates×3, share, mode, value×3 ("" = leave that dimension alone).
 * Reply: the three levels after, floored.
 */
export const ADJUST = lua(`${PRELUDE}
local now = tonumber(ARGV[1])
local b = loadBuckets(KEYS[1], now, argTriple(2), argTriple(5), tonumber(ARGV[8]))
local mode = ARGV[9]
for k = 1, 3 do
  local v = tonumber(ARGV[9 + k])
  if v then
    if mode == 'add' then
      b.lv[k] = b.lv[k] + v
      if b.lv[k] > b.caps[k] then b.lv[k] = b.caps[k] end
    elseif v < b.lv[k] then
      b.lv[k] = v
    end
  end
end
saveBuckets(b)
return { math.floor(b.lv[1]), math.floor(b.lv[2]), math.floor(b.lv[3]) }
`);

/** Extend the shared pause to `until` (never shorten it). KEYS: pause. ARGV: now, until. Reply: until in force. */
export const PAUSE = lua(`
local now, untilMs = tonumber(ARGV[1]), tonumber(ARGV[2])
local cur = tonumber(redis.call('GET', KEYS[1]))
if cur and cur >= untilMs then return cur end
redis.call('SET', KEYS[1], ARGV[2], 'PX', math.ceil(untilMs - now))
return untilMs
`);

/**
 * Raw state for status()/estimateWait(), computed in TS with bucket-math.ts.
 * KEYS: queue, queue-expiry, pause, bucket. ARGV: now, "1" to include the queued members.
 * Reply: {r, i, o, t, pausedUntil, liveDepth, members...}, absent values as "".
 */
export const PEEK = lua(`
local function str(v)
  local n = tonumber(v)
  if n then return tostring(n) end
  return ''
end
local h = redis.call('HMGET', KEYS[4], 'r', 'i', 'o', 't')
local out = { str(h[1]), str(h[2]), str(h[3]), str(h[4]), str(redis.call('GET', KEYS[3])),
  redis.call('ZCOUNT', KEYS[2], '(' .. ARGV[1], '+inf') }
if ARGV[2] == '1' then
  local members = redis.call('ZRANGE', KEYS[1], 0, -1)
  for i = 1, #members do out[#out + 1] = members[i] end
end
return out
`);
