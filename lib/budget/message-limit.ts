// Messages per window per student (default 10 per 5 minutes), checked before anything else in a
// turn. A refused message is not counted, so hammering the button does not push the window out.
import type { Redis } from "@upstash/redis";
import { retryAfterSeconds } from "@/lib/budget/budget-math";
import { withFailSafe } from "@/lib/budget/fail-safe";
import type { EffectivePolicy } from "@/lib/budget/policy";
import { charge } from "@/lib/budget/window-counter";
import type { BudgetSnapshot } from "@/lib/tutor/types";

export interface MessageCheck {
  ok: boolean;
  /** 0 when ok; otherwise whole seconds until the window refills (for a Retry-After header). */
  retryAfterSeconds: number;
  snapshot: BudgetSnapshot;
}

export function checkMessageLimit(args: {
  redis: Redis;
  studentId: string;
  policy: EffectivePolicy;
}): Promise<MessageCheck> {
  return withFailSafe(args.redis, args.policy, async (redis, policy) => {
    const counter = { scope: "messages", limit: policy.messagesPerWindow, windowMs: policy.messageWindowSeconds * 1000 };
    const { ok, snapshot } = await charge(redis, args.studentId, counter, 1);
    return { ok, retryAfterSeconds: ok ? 0 : retryAfterSeconds(snapshot.resetAt, Date.now()), snapshot };
  });
}
