// GET /api/health – readiness of the database, Redis and the model provider (Playwright waits on it).
import { getPrisma } from "@/lib/db/client";
import { env, isOfflineModel } from "@/lib/env";
import { pingRedis, redisBackend } from "@/lib/redis/client";

export const dynamic = "force-dynamic";

async function timed(check: () => Promise<unknown>) {
  const started = Date.now();
  try {
    await check();
    return { ok: true, latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, latencyMs: Date.now() - started, error: err instanceof Error ? err.message.slice(0, 200) : "unreachable" };
  }
}

export async function GET() {
  const [database, redis] = await Promise.all([timed(() => getPrisma().$queryRaw`SELECT 1`), timed(() => pingRedis())]);
  const model = isOfflineModel()
    ? { ok: true, provider: "offline", note: "No ANTHROPIC_API_KEY: every answer comes from the offline tutor." }
    : { ok: true, provider: "anthropic", baseUrl: env.ANTHROPIC_BASE_URL ? "custom" : "default" };
  const ok = database.ok && redis.ok;
  return Response.json(
    { status: ok ? "ok" : "degraded", database, redis: { ...redis, backend: redisBackend() }, model },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
