// One suite, every backend: the budgets and limits must behave identically on real Redis and on
// the embedded store, or the embedded store proves nothing. Short windows (1 s) exercise refills.
import { randomUUID } from "node:crypto";
import type { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkMessageLimit,
  peekBudget,
  reconcileTokens,
  reserveTokens,
  type EffectivePolicy,
} from "@/lib/budget";
import { closeRedis } from "@/lib/redis/client";
import { describeRequesterCases } from "@/lib/redis/requester-cases";
import { freshWindow, policyWith, sleep } from "@/lib/budget/test-support";

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, { match: `${prefix}:*`, count: 500 });
    if (keys.length) await redis.del(...keys);
    cursor = String(next);
  } while (cursor !== "0");
}

export function describeLimiterSuite(name: string, makeRedis: (prefix: string) => Redis): void {
  describe(`limiter suite: ${name}`, () => {
    const prefix = `test:${name}:${randomUUID()}`;
    let redis: Redis;
    let n = 0;
    const student = () => `student-${++n}`;
    const budget = (studentId: string, policy: EffectivePolicy) => ({ redis, studentId, policy });

    beforeAll(() => {
      redis = makeRedis(prefix);
    });
    afterAll(async () => {
      await deleteKeys(redis, prefix);
      await closeRedis(redis);
    });

    it("reserves within the budget and reports when the window refills", async () => {
      const s = student();
      const policy = policyWith();
      const r = await reserveTokens({ ...budget(s, policy), tokens: 300 });
      expect(r.ok).toBe(true);
      expect(r.snapshot.limit).toBe(1_000);
      expect(r.snapshot.remaining).toBe(700);
      expect(r.snapshot.resetAt % 3_600_000).toBe(0);
      expect(r.snapshot.resetAt).toBeGreaterThan(Date.now());
      expect(await peekBudget(budget(s, policy))).toEqual(r.snapshot);
    });

    it("refuses a reservation beyond what remains, without consuming it", async () => {
      const s = student();
      const policy = policyWith();
      expect((await reserveTokens({ ...budget(s, policy), tokens: 800 })).ok).toBe(true);
      const refused = await reserveTokens({ ...budget(s, policy), tokens: 300 });
      expect(refused.ok).toBe(false);
      expect(refused.snapshot.remaining).toBe(200);
      expect((await reserveTokens({ ...budget(s, policy), tokens: 200 })).ok).toBe(true);
      expect((await peekBudget(budget(s, policy))).remaining).toBe(0);
    });

    it("never lets a student exceed the budget by more than one request's estimate error", async () => {
      const s = student();
      const policy = policyWith();
      const estimateError = 50;
      let used = 0;
      for (;;) {
        const r = await reserveTokens({ ...budget(s, policy), tokens: 100 });
        if (!r.ok) break;
        used += 100 + estimateError;
        await reconcileTokens({ ...budget(s, policy), reserved: 100, actual: 100 + estimateError, reservedAt: r.reservedAt });
      }
      // 7 turns of 150: the last reservation fit (900 + 100) and overran by one estimate error.
      expect(used).toBe(1_050);
      expect(used).toBeLessThanOrEqual(1_000 + estimateError);
      expect((await peekBudget(budget(s, policy))).remaining).toBe(0);
    });

    it("reconcile: a refund raises what remains, an overrun lowers it", async () => {
      const s = student();
      const policy = policyWith();
      const a = await reserveTokens({ ...budget(s, policy), tokens: 400 });
      expect((await reconcileTokens({ ...budget(s, policy), reserved: 400, actual: 250, reservedAt: a.reservedAt })).remaining).toBe(750);
      const b = await reserveTokens({ ...budget(s, policy), tokens: 100 });
      expect(b.snapshot.remaining).toBe(650);
      expect((await reconcileTokens({ ...budget(s, policy), reserved: 100, actual: 180, reservedAt: b.reservedAt })).remaining).toBe(570);
      expect((await reconcileTokens({ ...budget(s, policy), reserved: 0, actual: 0, reservedAt: b.reservedAt })).remaining).toBe(570);
    });

    it("refunds never push usage below zero", async () => {
      const s = student();
      const policy = policyWith();
      const r = await reserveTokens({ ...budget(s, policy), tokens: 100 });
      // A caller bug refunding more than was charged must not create hidden credit.
      const after = await reconcileTokens({ ...budget(s, policy), reserved: 600, actual: 0, reservedAt: r.reservedAt });
      expect(after.remaining).toBe(1_000);
      expect((await reserveTokens({ ...budget(s, policy), tokens: 1_000 })).ok).toBe(true);
      expect((await reserveTokens({ ...budget(s, policy), tokens: 1 })).ok).toBe(false);
    });

    it("refills the window after time passes, and never refunds into the next window", async () => {
      const s = student();
      const policy = policyWith({ windowSeconds: 1 });
      await freshWindow(1_000);
      const r = await reserveTokens({ ...budget(s, policy), tokens: 1_000 });
      expect(r.ok).toBe(true);
      const refused = await reserveTokens({ ...budget(s, policy), tokens: 1 });
      expect(refused.ok).toBe(false);
      expect(refused.snapshot.resetAt).toBe(r.snapshot.resetAt);
      await sleep(refused.snapshot.resetAt - Date.now() + 20);
      // The reservation's window is over: its refund must not become credit in this one.
      await reconcileTokens({ ...budget(s, policy), reserved: 1_000, actual: 0, reservedAt: r.reservedAt });
      expect((await reserveTokens({ ...budget(s, policy), tokens: 1_000 })).ok).toBe(true);
      expect((await reserveTokens({ ...budget(s, policy), tokens: 1 })).ok).toBe(false);
    });

    it("enforces the daily cap across windows and reports the binding budget", async () => {
      const s = student();
      const policy = policyWith({ windowSeconds: 1, dailyTokenCap: 1_500 });
      await freshWindow(86_400_000, 10_000);
      await freshWindow(1_000);
      expect((await reserveTokens({ ...budget(s, policy), tokens: 1_000 })).ok).toBe(true);
      await freshWindow(1_000, 1_000);
      const refused = await reserveTokens({ ...budget(s, policy), tokens: 600 });
      expect(refused.ok).toBe(false);
      expect(refused.snapshot).toMatchObject({ limit: 1_500, remaining: 500 });
      expect(refused.snapshot.resetAt % 86_400_000).toBe(0);
      // The refused reservation left the window counter untouched.
      const ok = await reserveTokens({ ...budget(s, policy), tokens: 500 });
      expect(ok.ok).toBe(true);
      expect(ok.snapshot).toMatchObject({ limit: 1_500, remaining: 0 });
    });

    it("limits messages per window and says when to retry", async () => {
      const s = student();
      const policy = policyWith();
      for (let i = 0; i < 3; i++) expect((await checkMessageLimit(budget(s, policy))).ok).toBe(true);
      const refused = await checkMessageLimit(budget(s, policy));
      expect(refused.ok).toBe(false);
      expect(refused.snapshot.remaining).toBe(0);
      const expected = Math.ceil((refused.snapshot.resetAt - Date.now()) / 1000);
      expect(Math.abs(refused.retryAfterSeconds - expected)).toBeLessThanOrEqual(1);
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      // Refused messages were not counted: one more allowed message means exactly one more.
      expect((await checkMessageLimit(budget(s, policyWith({ messagesPerWindow: 4 })))).ok).toBe(true);
      expect((await checkMessageLimit(budget(s, policyWith({ messagesPerWindow: 4 })))).ok).toBe(false);
    });

    it("lets messages through again once the message window refills", async () => {
      const s = student();
      const policy = policyWith({ messagesPerWindow: 2, messageWindowSeconds: 1 });
      await freshWindow(1_000);
      await checkMessageLimit(budget(s, policy));
      await checkMessageLimit(budget(s, policy));
      const refused = await checkMessageLimit(budget(s, policy));
      expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 1 });
      await sleep(refused.snapshot.resetAt - Date.now() + 20);
      expect((await checkMessageLimit(budget(s, policy))).ok).toBe(true);
    });

    it("applies a policy change to the very next request", async () => {
      const s = student();
      expect((await reserveTokens({ ...budget(s, policyWith()), tokens: 600 })).ok).toBe(true);
      const lowered = policyWith({ tokensPerWindow: 500 });
      expect((await reserveTokens({ ...budget(s, lowered), tokens: 1 })).ok).toBe(false);
      expect(await peekBudget(budget(s, lowered))).toMatchObject({ limit: 500, remaining: 0 });
      const raised = policyWith({ tokensPerWindow: 2_000 });
      expect((await peekBudget(budget(s, raised))).remaining).toBe(1_400);
      expect((await reserveTokens({ ...budget(s, raised), tokens: 1_400 })).ok).toBe(true);
      // A new window length is a new grid: counting restarts (documented in lib/budget/README.md).
      expect((await peekBudget(budget(s, policyWith({ windowSeconds: 7_200 })))).remaining).toBe(1_000);
    });

    it("keeps students apart", async () => {
      const [a, b] = [student(), student()];
      await reserveTokens({ ...budget(a, policyWith()), tokens: 1_000 });
      await checkMessageLimit(budget(a, policyWith({ messagesPerWindow: 1 })));
      expect((await peekBudget(budget(b, policyWith()))).remaining).toBe(1_000);
      expect((await checkMessageLimit(budget(b, policyWith({ messagesPerWindow: 1 })))).ok).toBe(true);
    });

    it("keeps key prefixes apart on the same server", async () => {
      const other = makeRedis(`${prefix}:other`);
      try {
        const s = student();
        await reserveTokens({ ...budget(s, policyWith()), tokens: 1_000 });
        expect((await peekBudget({ redis: other, studentId: s, policy: policyWith() })).remaining).toBe(1_000);
      } finally {
        await closeRedis(other);
      }
    });

    it("never overspends under 50 concurrent reservations", async () => {
      const policy = policyWith();
      const s = student();
      const equal = await Promise.all(Array.from({ length: 50 }, () => reserveTokens({ ...budget(s, policy), tokens: 100 })));
      expect(equal.filter((r) => r.ok)).toHaveLength(10);
      expect((await peekBudget(budget(s, policy))).remaining).toBe(0);

      const t = student();
      const sizes = Array.from({ length: 50 }, (_, i) => 1 + ((i * 37) % 200));
      const mixed = await Promise.all(sizes.map((tokens) => reserveTokens({ ...budget(t, policy), tokens })));
      const granted = sizes.filter((_, i) => mixed[i].ok).reduce((a, b) => a + b, 0);
      expect(granted).toBeLessThanOrEqual(1_000);
      // Every refused reservation was taken back: the counter holds exactly the granted ones.
      expect((await peekBudget(budget(t, policy))).remaining).toBe(1_000 - granted);
    });

    it("admits exactly the message limit under 50 concurrent messages", async () => {
      const s = student();
      const policy = policyWith({ messagesPerWindow: 10 });
      const results = await Promise.all(Array.from({ length: 50 }, () => checkMessageLimit(budget(s, policy))));
      expect(results.filter((r) => r.ok)).toHaveLength(10);
    });

    describeRequesterCases(() => redis, () => prefix);
  });
}
