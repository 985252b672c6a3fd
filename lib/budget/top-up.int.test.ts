// Top-ups on real Redis and on the embedded store: the meter rises at once, the bounds hold under
// concurrent grants, the credit lapses with its window and never leaks through refunds.
import type { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantTopUp, peekBudget, readTopUp, reconcileTokens, reserveTokens, revokeTopUp } from "@/lib/budget";
import { testBackends, uniquePrefix } from "@/lib/governor/test-backends";
import { closeRedis, createRedis } from "@/lib/redis";
import { freshWindow, policyWith, sleep } from "@/lib/budget/test-support";

const backends = await testBackends();

describe.each(backends)("budget top-up on $name", (backend) => {
  let redis: Redis;
  let n = 0;
  const student = () => `student-${++n}`;

  beforeAll(() => {
    const prefix = uniquePrefix("topup");
    // Budget keys are built from the client's prefix, so this run gets a client of its own.
    redis = backend.name === "real Redis" ? createRedis({ redisUrl: "redis://127.0.0.1:6379", prefix }) : createRedis({ embedded: true, prefix });
  });
  afterAll(() => closeRedis(redis));

  it("raises the budget at once, even after it was used up", async () => {
    const s = student();
    const policy = policyWith();
    expect((await reserveTokens({ redis, studentId: s, policy, tokens: 1_000 })).ok).toBe(true);
    expect((await reserveTokens({ redis, studentId: s, policy, tokens: 100 })).ok).toBe(false);

    const grant = await grantTopUp({ redis, studentId: s, policy, tokens: 400 });
    expect(grant).toMatchObject({ ok: true, granted: 400, credit: { window: 400 } });
    expect(await peekBudget({ redis, studentId: s, policy })).toMatchObject({ limit: 1_400, remaining: 400 });
    expect((await reserveTokens({ redis, studentId: s, policy, tokens: 300 })).ok).toBe(true);
    expect((await peekBudget({ redis, studentId: s, policy })).remaining).toBe(100);
  });

  it("keeps the credit through refunds: unused tokens come back, the top-up stays", async () => {
    const s = student();
    const policy = policyWith();
    const r = await reserveTokens({ redis, studentId: s, policy, tokens: 800 });
    await grantTopUp({ redis, studentId: s, policy, tokens: 500 });
    const after = await reconcileTokens({ redis, studentId: s, policy, reserved: 800, actual: 100, reservedAt: r.reservedAt });
    expect(after).toMatchObject({ limit: 1_500, remaining: 1_400 });
  });

  it("refuses more than one window's budget per top-up and per window", async () => {
    const s = student();
    const policy = policyWith();
    expect(await grantTopUp({ redis, studentId: s, policy, tokens: 1_001 })).toMatchObject({ ok: false, reason: "over_per_top_up" });
    expect(await grantTopUp({ redis, studentId: s, policy, tokens: 0 })).toMatchObject({ ok: false, reason: "not_positive" });
    expect((await grantTopUp({ redis, studentId: s, policy, tokens: 700 })).ok).toBe(true);
    expect(await grantTopUp({ redis, studentId: s, policy, tokens: 301 })).toEqual({ ok: false, reason: "over_per_window", maxTokens: 300 });
    // A refused grant changed nothing.
    expect((await readTopUp(redis, s, policy)).window).toBe(700);
  });

  it("holds the per-window bound when teachers grant at the same moment", async () => {
    const s = student();
    const policy = policyWith();
    const grants = await Promise.all(Array.from({ length: 8 }, () => grantTopUp({ redis, studentId: s, policy, tokens: 300 })));
    expect(grants.filter((g) => g.ok)).toHaveLength(3);
    expect((await readTopUp(redis, s, policy)).window).toBe(900);
    expect((await peekBudget({ redis, studentId: s, policy })).limit).toBe(1_900);
  });

  it("lapses when its window ends", async () => {
    const s = student();
    const policy = policyWith({ windowSeconds: 1 });
    await freshWindow(1_000, 600);
    expect((await grantTopUp({ redis, studentId: s, policy, tokens: 500 })).ok).toBe(true);
    expect((await peekBudget({ redis, studentId: s, policy })).limit).toBe(1_500);
    await sleep(1_000 - (Date.now() % 1_000) + 20);
    expect(await peekBudget({ redis, studentId: s, policy })).toMatchObject({ limit: 1_000, remaining: 1_000 });
    // The next window starts with a fresh allowance.
    expect((await grantTopUp({ redis, studentId: s, policy, tokens: 1_000 })).ok).toBe(true);
  });

  it("raises today's cap too when the school has one", async () => {
    const s = student();
    const policy = policyWith({ dailyTokenCap: 1_200 });
    expect((await reserveTokens({ redis, studentId: s, policy, tokens: 1_000 })).ok).toBe(true);
    await grantTopUp({ redis, studentId: s, policy, tokens: 600 });
    // Window: 1600 - 1000 = 600 left; day: 1800 - 1000 = 800 left; the window binds.
    expect(await peekBudget({ redis, studentId: s, policy })).toMatchObject({ limit: 1_600, remaining: 600 });
  });

  it("can be revoked, and revoking a lapsed credit leaves nothing behind", async () => {
    const s = student();
    const policy = policyWith();
    const grant = await grantTopUp({ redis, studentId: s, policy, tokens: 400 });
    if (!grant.ok) throw new Error("grant refused");
    await revokeTopUp({ redis, studentId: s, policy, tokens: 400, grantedAt: grant.grantedAt });
    expect(await readTopUp(redis, s, policy)).toEqual({ window: 0, day: 0 });
    expect((await peekBudget({ redis, studentId: s, policy })).limit).toBe(1_000);

    const old = Date.now() - 2 * 86_400_000;
    await revokeTopUp({ redis, studentId: s, policy, tokens: 400, grantedAt: old });
    expect(await readTopUp(redis, s, policy, old)).toEqual({ window: 0, day: 0 });
  });
});
