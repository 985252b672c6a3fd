import { describe, expect, it } from "vitest";
import { ttlCache } from "./ttl-cache";

describe("ttlCache", () => {
  it("loads once per ttl and again after it", async () => {
    let t = 0;
    let loads = 0;
    const get = ttlCache({ load: async (k: string) => `${k}${++loads}`, ttlMs: 10_000, now: () => t });
    expect(await get("a")).toBe("a1");
    t = 9_999;
    expect(await get("a")).toBe("a1");
    t = 10_000;
    expect(await get("a")).toBe("a2");
    expect(await get("b")).toBe("b3");
  });

  it("shares one load between concurrent readers", async () => {
    let loads = 0;
    const get = ttlCache({ load: async () => ++loads, ttlMs: 1_000 });
    expect(await Promise.all([get("k"), get("k"), get("k")])).toEqual([1, 1, 1]);
  });

  it("serves the last value when a refresh fails, and fails when there is none", async () => {
    let t = 0;
    let fail = false;
    const stale: string[] = [];
    const get = ttlCache({
      load: async (k: string) => {
        if (fail) throw new Error("db down");
        return k.toUpperCase();
      },
      ttlMs: 100,
      now: () => t,
      onStale: (k) => stale.push(k),
    });
    expect(await get("x")).toBe("X");
    fail = true;
    t = 500;
    expect(await get("x")).toBe("X");
    expect(stale).toEqual(["x"]);
    await expect(get("y")).rejects.toThrow("db down");
  });

  it("drops the oldest key past maxEntries", async () => {
    let loads = 0;
    const get = ttlCache({ load: async (k: number) => k * 10 + ++loads, ttlMs: 1_000_000, maxEntries: 2 });
    await get(1);
    await get(2);
    await get(3);
    expect(await get(2)).toBe(22);
    expect(await get(1)).toBe(14);
  });
});
