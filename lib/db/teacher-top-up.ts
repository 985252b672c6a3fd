// A teacher's one-off budget top-up for a student: granted in Redis within the school's policy, then
// written to the audit log with the budget before and after. If the log can't be written the grant
// is taken back, so there is never a top-up nobody can account for.
import type { Redis } from "@upstash/redis";
import { grantTopUp, readTopUp, revokeTopUp, topUpAllowance } from "@/lib/budget";
import { AppError } from "@/lib/errors";
import { isRedisUnavailable } from "@/lib/redis";
import type { BudgetSnapshot } from "@/lib/tutor/types";
import type { Db } from "./client";
import type { BudgetReader } from "./teacher-budgets";

export const TOP_UP_ACTION = "budget.top_up";

export interface TopUpResult {
  granted: number;
  before: BudgetSnapshot;
  after: BudgetSnapshot;
}

export async function grantStudentTopUp(args: { db: Db; redis: Redis; deps: BudgetReader; actorId: string; studentId: string; tokens: number; note?: string }): Promise<TopUpResult> {
  const { db, redis, deps, studentId, tokens } = args;
  const student = await deps.loadStudent(studentId);
  if (!student) throw new AppError("bad_request:top_up", "This student's account isn't active, so it has no budget to top up.");
  const policy = await deps.loadPolicy(student);
  const before = await deps.budget.peek(studentId, policy);
  const grant = await grantTopUp({ redis, studentId, policy, tokens }).catch((err: unknown) => {
    if (isRedisUnavailable(err)) throw new AppError("unavailable:top_up", "Budgets can't be changed right now. Please try again shortly.");
    throw err;
  });
  if (!grant.ok) {
    const message =
      policy.tokensPerWindow === 0
        ? "This student's tutor budget is switched off (by a policy or the school's monthly cap), so it can't be topped up."
        : grant.reason === "over_per_top_up"
        ? `A top-up can be at most ${policy.tokensPerWindow} tokens (one budget window).`
        : grant.maxTokens > 0
          ? `This student can be given at most ${grant.maxTokens} more tokens in this budget window.`
          : "This student has already been given a full window's budget in top-ups. Try again when the window refills.";
    throw new AppError("bad_request:top_up", message);
  }
  const after = await deps.budget.peek(studentId, policy);
  try {
    await db.auditLog.create({
      data: {
        schoolId: student.schoolId,
        actorId: args.actorId,
        action: TOP_UP_ACTION,
        targetType: "student",
        targetId: studentId,
        before: { ...before, topUpTokensThisWindow: grant.credit.window - tokens },
        after: { ...after, topUpTokensThisWindow: grant.credit.window, granted: tokens, note: args.note ?? null },
      },
    });
  } catch (err) {
    await revokeTopUp({ redis, studentId, policy, tokens, grantedAt: grant.grantedAt }).catch((e: unknown) =>
      console.error(`[teacher] top-up of ${tokens} for student ${studentId} not logged and not revoked; it lapses with its window`, e),
    );
    throw err;
  }
  return { granted: tokens, before, after };
}

export interface TopUpAllowance {
  /** The most one top-up may be: one window's budget. */
  perTopUp: number;
  /** What may still be granted in the current window. */
  remaining: number;
}

/** What the top-up form may offer right now; null for a student without a budget (inactive). */
export async function getTopUpAllowance({ redis, deps, studentId }: { redis: Redis; deps: BudgetReader; studentId: string }): Promise<TopUpAllowance | null> {
  const student = await deps.loadStudent(studentId);
  if (!student) return null;
  const policy = await deps.loadPolicy(student);
  const credit = await readTopUp(redis, studentId, policy).catch(() => null);
  return credit ? { perTopUp: policy.tokensPerWindow, remaining: topUpAllowance(policy, credit) } : null;
}
