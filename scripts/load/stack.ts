// Everything a load run needs around the app: a fresh database on the local PostgreSQL (migrated and
// seeded), the Anthropic simulator in this process, a Redis connection for the time series and
// clean-up, and the environment the app is started with.
import { randomBytes } from "node:crypto";
import IORedis from "ioredis";
import { createPrisma, type Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed-demo";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-db";
import { isClassTime } from "@/lib/tutor/decide";
import { startSimulator, type SimConfigPatch, type Simulator } from "@/scripts/sim/server";

export const REDIS_URL = "redis://127.0.0.1:6379";

export interface SeededStudent {
  email: string;
  id: string;
}

export interface Stack {
  db: TestDatabase;
  prisma: Db;
  sim: Simulator;
  redis: IORedis;
  runId: string;
  authSecret: string;
  password: string;
  students: SeededStudent[];
  /** Extra students, only for the gate-overhead calibration (kept out of the workload's numbers). */
  calibration: SeededStudent[];
  /** The school's time zone, chosen so the run happens in class time whatever the hour here. */
  timeZone: string;
  classTime: boolean;
  close(): Promise<void>;
}

export interface StackOptions {
  students: number;
  classes: number;
  calibrationStudents: number;
  sim: SimConfigPatch;
}

/**
 * A fixed-offset zone where it is now a weekday between 09:00 and 14:00, so a run of a few minutes
 * stays inside class time (the gate ranks class-time questions higher) and results don't depend on
 * when the benchmark is run. null at weekends, when there is no such zone.
 */
export function classTimeZone(now = new Date()): string | null {
  for (let offset = -12; offset <= 14; offset++) {
    const zone = offset === 0 ? "UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
    const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "numeric", hour12: false }).format(now));
    if (hour >= 9 && hour <= 14 && isClassTime(now, zone)) return zone;
  }
  return null;
}

export async function createStack(o: StackOptions): Promise<Stack> {
  const runId = randomBytes(4).toString("hex");
  const password = `bench-${runId}-password`;
  const db = await createTestDatabase({ kind: "real" });
  const prisma = createPrisma(db.url, 4);
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false });
  let sim: Simulator | null = null;
  try {
    const total = o.students + o.calibrationStudents;
    const seeded = await seedDemo(prisma, { students: total, classes: o.classes, password });
    const zone = classTimeZone();
    await prisma.school.update({ where: { id: seeded.schoolId }, data: { timezone: zone ?? "UTC" } });
    const pad = Math.max(3, String(total).length);
    const emails = Array.from({ length: total }, (_, i) => `student${String(i + 1).padStart(pad, "0")}@demo.test`);
    const rows = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
    const idOf = new Map(rows.map((r) => [r.email, r.id]));
    const all = emails.map((email) => ({ email, id: idOf.get(email)! }));
    sim = await startSimulator({ port: 0, ...o.sim });
    const started = sim;
    return {
      db,
      prisma,
      sim,
      redis,
      runId,
      authSecret: randomBytes(32).toString("hex"),
      password,
      students: all.slice(0, o.students),
      calibration: all.slice(o.students),
      timeZone: zone ?? "UTC",
      classTime: zone !== null,
      async close() {
        await started.stop().catch(() => undefined);
        await prisma.$disconnect().catch(() => undefined);
        await db.drop().catch((err) => console.error("[load] could not drop the database:", err));
        redis.disconnect();
      },
    };
  } catch (err) {
    await sim?.stop().catch(() => undefined);
    await prisma.$disconnect().catch(() => undefined);
    await db.drop().catch(() => undefined);
    redis.disconnect();
    throw err;
  }
}

export interface AppEnvOptions {
  pipeline: "gated" | "naive";
  prefix: string;
  limits: { rpm: number; itpm: number; otpm: number };
}

/** The app's environment for one run: the stack's services, the simulated key's real limits. */
export function appEnv(stack: Stack, o: AppEnvOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: stack.db.url,
    REDIS_URL,
    REDIS_PREFIX: o.prefix,
    // Blank, not absent: an Upstash configuration in the caller's shell would win over REDIS_URL.
    UPSTASH_REDIS_REST_URL: "",
    UPSTASH_REDIS_REST_TOKEN: "",
    AUTH_SECRET: stack.authSecret,
    ANTHROPIC_API_KEY: "bench-key",
    ANTHROPIC_BASE_URL: stack.sim.url,
    ANTHROPIC_RPM: String(o.limits.rpm),
    ANTHROPIC_ITPM: String(o.limits.itpm),
    ANTHROPIC_OTPM: String(o.limits.otpm),
    // Every simulated student signs in from 127.0.0.1; the per-IP guess limit (30 per 15 min) is
    // meant for attackers, not for one school behind one address.
    SIGNIN_ATTEMPTS_PER_IP: "1000000",
    TUTOR_PIPELINE: o.pipeline,
  };
}

/** Deletes every key under `prefix` (SCAN, never KEYS). Bounded in rounds. */
export async function clearPrefix(redis: IORedis, prefix: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  for (let round = 0; round < 10_000; round++) {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    if (keys.length > 0) deleted += await redis.unlink(...keys);
    cursor = next;
    if (cursor === "0") break;
  }
  return deleted;
}
