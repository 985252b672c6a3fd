// Checks an email + password, rate limited so passwords can't be guessed at speed: failed attempts
// count against the account and against the IP address, and either running out locks sign-in for
// the window. Successes don't count, because a whole school signs in from behind one address at 8:00.
import { Ratelimit } from "@upstash/ratelimit";
import { getPrisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getRedis } from "@/lib/redis/client";
import { DUMMY_HASH, verifyPassword } from "./password";
import type { SessionUser } from "./roles";

let limiters: { account: Ratelimit; ip: Ratelimit } | null = null;

function signinLimiters() {
  const window = `${env.SIGNIN_WINDOW_SECONDS} s` as const;
  limiters ??= {
    account: new Ratelimit({
      redis: getRedis(),
      limiter: Ratelimit.slidingWindow(env.SIGNIN_ATTEMPTS_PER_ACCOUNT, window),
      prefix: `${env.REDIS_PREFIX}:signin:account`,
      timeout: 0,
    }),
    ip: new Ratelimit({
      redis: getRedis(),
      limiter: Ratelimit.slidingWindow(env.SIGNIN_ATTEMPTS_PER_IP, window),
      prefix: `${env.REDIS_PREFIX}:signin:ip`,
      timeout: 0,
    }),
  };
  return limiters;
}

export async function authenticate({ email, password, ip }: { email: string; password: string; ip: string }): Promise<SessionUser | null | "rate_limited"> {
  const { account, ip: perIp } = signinLimiters();
  const [byAccount, byIp] = await Promise.all([account.getRemaining(email), perIp.getRemaining(ip)]);
  if (byAccount.remaining <= 0 || byIp.remaining <= 0) return "rate_limited";

  const user = await getPrisma().user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, schoolId: true, active: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    await Promise.all([account.limit(email), perIp.limit(ip)]);
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role, schoolId: user.schoolId };
}
