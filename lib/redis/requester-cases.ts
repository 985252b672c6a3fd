// Round-trips through each backend's requester: values must come back exactly as @upstash/redis
// would get them from Upstash REST. Part of describeLimiterSuite, so it runs on every backend.
import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import { describe, expect, it } from "vitest";
import { pingRedis } from "@/lib/redis/client";

export function describeRequesterCases(getRedis: () => Redis, getPrefix: () => string): void {
  describe("requester round-trips", () => {
    const key = (k: string) => `${getPrefix()}:rt:${k}`;

    it("strings, numbers, nil and expiry", async () => {
      const redis = getRedis();
      expect(await redis.ping()).toBe("PONG");
      expect(await pingRedis(redis)).toBeGreaterThanOrEqual(0);
      await redis.set(key("s"), "hello");
      expect(await redis.get(key("s"))).toBe("hello");
      expect(await redis.get(key("missing"))).toBeNull();
      expect(await redis.set(key("s"), "other", { nx: true })).toBeNull();
      await redis.set(key("n"), 42);
      expect(await redis.get(key("n"))).toBe(42);
      expect(await redis.incrby(key("n"), -50)).toBe(-8);
      await redis.set(key("px"), "v", { px: 60_000 });
      const ttl = await redis.pttl(key("px"));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
      const text = 'ünïcødé ✓ 🎓 "quoted" \\ \n tab\t';
      await redis.set(key("u"), text);
      expect(await redis.get(key("u"))).toBe(text);
      await redis.set(key("j"), { a: 1, b: [true, null] });
      expect(await redis.get(key("j"))).toEqual({ a: 1, b: [true, null] });
      expect(await redis.del(key("s"), key("missing"))).toBe(1);
    });

    it("arrays, hashes and sorted sets", async () => {
      const redis = getRedis();
      await redis.rpush(key("l"), "a", "b", "c");
      expect(await redis.lrange(key("l"), 0, -1)).toEqual(["a", "b", "c"]);
      await redis.set(key("m1"), "x");
      expect(await redis.mget(key("m1"), key("missing"))).toEqual(["x", null]);
      await redis.hset(key("h"), { f1: "v1", f2: "2" });
      expect(await redis.hgetall(key("h"))).toEqual({ f1: "v1", f2: 2 });
      expect(await redis.hmget(key("h"), "f1", "nope")).toEqual({ f1: "v1", nope: null });
      expect(await redis.hget(key("h"), "nope")).toBeNull();
      await redis.zadd(key("z"), { score: 2, member: "b" }, { score: 1, member: "a" });
      expect(await redis.zadd(key("z"), { nx: true }, { score: 9, member: "a" })).toBe(0);
      expect(await redis.zrange(key("z"), 0, -1, { withScores: true })).toEqual(["a", 1, "b", 2]);
      expect(await redis.zrem(key("z"), "a")).toBe(1);
    });

    it("eval: Lua values convert as in Redis", async () => {
      const redis = getRedis();
      // Floats truncate, false is nil, an array ends at its first nil.
      expect(await redis.eval("return {1, false, 'x', 3.7, -3.7, {2, 'y'}, nil, 9}", [], [])).toEqual([1, null, "x", 3, -3, [2, "y"]]);
      expect(await redis.eval("return true", [], [])).toBe(1);
      expect(await redis.eval("return nil", [], [])).toBeNull();
      expect(await redis.eval("return redis.status_reply('FINE')", [], [])).toBe("FINE");
      expect(await redis.eval("return {KEYS[1], ARGV[1], ARGV[2]}", ["k"], ["a", 5])).toEqual(["k", "a", 5]);
      // A missing field inside an array reply is `false` in Lua (what broke the token bucket on the mock).
      await redis.hset(key("h2"), { a: "1" });
      const hmget = "local b = redis.call('HMGET', KEYS[1], 'a', 'nope') return {b[1], tostring(b[2] == false)}";
      expect(await redis.eval(hmget, [key("h2")], [])).toEqual([1, true]);
      // Integer replies print without ".0" and numbers go back to Redis as Redis formats them
      // (a "5.0" would not deserialize to the number 5).
      const numbers = "local n = redis.call('INCRBY', KEYS[1], 5) redis.call('SET', KEYS[2], n / 5) return {tostring(n), redis.call('GET', KEYS[2]), tostring(tonumber(ARGV[1]))}";
      expect(await redis.eval(numbers, [key("i"), key("i2")], [1_712_345_678_901])).toEqual([5, 1, 1_712_345_678_901]);
    });

    it("eval: errors reject with Redis's messages", async () => {
      const redis = getRedis();
      await expect(redis.eval("local x = 1\nerror('boom')", [], [])).rejects.toThrow(/user_script:2: boom/);
      await expect(redis.eval("return redis.error_reply('MYCODE custom failure')", [], [])).rejects.toThrow(/^MYCODE custom failure/);
      await expect(redis.eval("return redis.error_reply('custom')", [], [])).rejects.toThrow(/^ERR custom/);
      await expect(redis.eval("return redis.call('NOSUCHCOMMAND')", [], [])).rejects.toThrow(/Unknown Redis command/);
      const pcall = "local r = redis.pcall('NOSUCHCOMMAND') return type(r) == 'table' and r.err ~= nil";
      expect(await redis.eval(pcall, [], [])).toBe(1);
      await expect(redis.evalsha("0".repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
    });

    it("scripts: EVALSHA falls back to EVAL once, then finds the cached script", async () => {
      const redis = getRedis();
      // The Upstash-only shebang flag that @upstash/ratelimit uses: rewritten per backend, yet
      // still addressed by the SHA1 of the text sent.
      const script = redis.createScript<number>("#!lua flags=allow-key-locking\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])");
      expect(await script.exec([key("c")], ["2"])).toBe(2);
      expect(await script.evalsha([key("c")], ["3"])).toBe(5);
      const sha = await redis.scriptLoad("return ARGV[1]");
      expect(await redis.evalsha(sha, [], ["hi"])).toBe("hi");
      expect(await redis.scriptExists(sha)).toEqual([1]);
    });

    it("pipelines and transactions", async () => {
      const redis = getRedis();
      const p = redis.pipeline();
      p.set(key("p"), "1").incr(key("p")).get(key("p")).hget(key("missing"), "f");
      expect(await p.exec()).toEqual(["OK", 2, 2, null]);
      const m = redis.multi();
      m.set(key("t"), "5").incrby(key("t"), 2).eval("return redis.call('GET', KEYS[1])", [key("t")], []);
      expect(await m.exec()).toEqual(["OK", 7, 7]);
      const bad = redis.pipeline();
      bad.set(key("b"), "1").eval("return redis.call('NOSUCHCOMMAND')", [], []).get(key("b"));
      const kept = await bad.exec({ keepErrors: true });
      expect(kept.map((r) => r.result)).toEqual(["OK", undefined, 1]);
      expect(kept[1].error).toMatch(/Unknown Redis command/);
      const failing = redis.pipeline();
      failing.get(key("b")).eval("return redis.call('NOSUCHCOMMAND')", [], []);
      await expect(failing.exec()).rejects.toThrow(/Command 2 \[ eval \] failed/);
    });

    it("runs a governor-style script with times passed as arguments", async () => {
      const redis = getRedis();
      const script = `
        local now = tonumber(ARGV[1])
        redis.call('SET', KEYS[1], now, 'px', 60000)
        redis.call('HSET', KEYS[2], 'inflight', 0, 'since', now)
        local spent = redis.call('INCRBY', KEYS[3], tonumber(ARGV[2]))
        redis.call('PEXPIRE', KEYS[3], 60000)
        redis.call('ZADD', KEYS[4], now, 'req-a')
        redis.call('ZADD', KEYS[4], now + 500, 'req-b')
        redis.call('ZREM', KEYS[4], 'req-a')
        local f = redis.call('HMGET', KEYS[2], 'since', 'missing')
        return {redis.call('GET', KEYS[1]), redis.call('HGET', KEYS[2], 'inflight'), f[1], f[2] == false and 'nil' or 'set',
          spent, redis.call('ZRANGE', KEYS[4], 0, -1, 'WITHSCORES'), redis.call('PTTL', KEYS[3]) > 0, redis.call('PTTL', KEYS[1]) > 0}`;
      const now = 1_712_345_678_901;
      const keys = [key("g1"), key("g2"), key("g3"), key("g4")];
      expect(await redis.eval(script, keys, [now, 250])).toEqual([now, 0, now, "nil", 250, ["req-b", now + 500], 1, 1]);
    });

    it("runs @upstash/ratelimit's scripts, token bucket included", async () => {
      const redis = getRedis();
      const algorithms = {
        tokenBucket: Ratelimit.tokenBucket(10, "1 h", 10),
        slidingWindow: Ratelimit.slidingWindow(10, "1 h"),
        fixedWindow: Ratelimit.fixedWindow(10, "1 h"),
      };
      for (const [name, limiter] of Object.entries(algorithms)) {
        const rl = new Ratelimit({ redis, limiter, prefix: key(`rl:${name}`), ephemeralCache: false, timeout: 0 });
        expect(await rl.limit("id", { rate: 4 })).toMatchObject({ success: true, remaining: 6 });
        expect((await rl.limit("id", { rate: 8 })).success).toBe(false);
        // Over-remaining multi-unit requests: the token bucket refuses without consuming, the
        // window algorithms count them anyway — why lib/budget takes refused charges back.
        expect((await rl.getRemaining("id")).remaining).toBe(name === "tokenBucket" ? 6 : 0);
      }
    });
  });
}
