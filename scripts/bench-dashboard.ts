// npm run bench:dashboard [-- --events 1000000 --iterations 200 --keep]
// Seeds a school with `events` tutor turns (into DATABASE_URL, or a fresh database on the local
// PostgreSQL at 127.0.0.1:5432 when it is unset), then calls what each teacher dashboard API runs —
// access check, queries, budgets from Redis — many times over random classes and students, and
// prints p50/p95 per endpoint against the 200 ms target.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { defaultPolicy } from "@/lib/budget";
import { assertCanViewClassOrThrow } from "@/lib/db/access";
import { createPrisma, type Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed-demo";
import { peekStudentBudgets } from "@/lib/db/teacher-budgets";
import { getClassDashboard, getDashboardClassOrThrow } from "@/lib/db/teacher-dashboard";
import { listTeacherClassOverview } from "@/lib/db/teacher-overview";
import { getConversationTranscript, getStudentUsage, listStudentConversations } from "@/lib/db/teacher-student";
import { createTestDatabase } from "@/lib/db/test-db";
import { buildDailyCsv, streamTurnsCsv } from "@/lib/db/usage-export";
import { resolveRange, type RangePreset } from "@/lib/db/usage-range";
import { seedUsage } from "@/lib/db/usage-seed";
import { listClassTopics } from "@/lib/db/usage-topics";
import { env } from "@/lib/env";
import { Ledger } from "@/lib/ledger/ledger";
import { writeTurn } from "@/lib/ledger/write-turn";
import { closeRedis, createRedis } from "@/lib/redis";
import { createTutorDeps } from "@/lib/tutor/deps";
import { governorConfigFromEnv, loadConfigFromEnv } from "@/lib/tutor/governor-port";

const TARGET_P95_MS = 200;
const { values } = parseArgs({ options: { events: { type: "string" }, iterations: { type: "string" }, keep: { type: "boolean" } } });
const EVENTS = Number(values.events ?? 1_000_000);
const ITERATIONS = Number(values.iterations ?? 200);

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function ensureSeeded(db: Db): Promise<string> {
  const school = await seedDemo(db, { students: 2_000, classes: 60, password: env.SEED_PASSWORD });
  const have = await db.usageEvent.count({ where: { schoolId: school.schoolId } });
  if (have < EVENTS) {
    console.log(`Seeding ${(EVENTS - have).toLocaleString("en")} turns (the school has ${have.toLocaleString("en")})…`);
    const r = await seedUsage(db, { schoolId: school.schoolId, events: EVENTS - have, days: 60 });
    console.log(`  done in ${(r.ms / 1000).toFixed(1)} s`);
  }
  return school.schoolId;
}

async function time(name: string, run: () => Promise<unknown>): Promise<{ name: string; p50: number; p95: number; max: number }> {
  for (let i = 0; i < 10; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { name, p50: pct(ms, 50), p95: pct(ms, 95), max: ms[ms.length - 1]! };
}

async function main() {
  const fresh = env.DATABASE_URL ? null : await createTestDatabase({ kind: "real" });
  const url = env.DATABASE_URL ?? fresh!.url;
  const db = createPrisma(url, env.DATABASE_POOL_SIZE);
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const redis = env.REDIS_URL ? createRedis({ redisUrl: env.REDIS_URL, prefix }) : createRedis({ embedded: true, prefix });
  try {
    console.log(`Database: ${fresh ? "fresh database on the local PostgreSQL" : "DATABASE_URL"}; Redis: ${env.REDIS_URL ? "REDIS_URL" : "embedded store"}`);
    const schoolId = await ensureSeeded(db);
    const deps = createTutorDeps({
      db: () => db, redis, ledger: new Ledger({ db: () => db, redis, prefix }), anthropic: null, governor: governorConfigFromEnv(), load: loadConfigFromEnv(),
      maxWaitMs: env.GOVERNOR_MAX_WAIT_MS, deadlineMs: env.TUTOR_DEADLINE_MS, defaults: defaultPolicy(env),
    });
    const assignments = await db.teachingAssignment.findMany({ where: { class: { schoolId } }, select: { classId: true, teacher: { select: { id: true, name: true, email: true } } } });
    const enrolments = await db.enrollment.findMany({ where: { class: { schoolId } }, select: { classId: true, studentId: true } });
    const conversations = await db.conversation.findMany({ where: { schoolId }, select: { id: true, classId: true, studentId: true }, take: 5_000 });
    const [events, rollups] = await Promise.all([db.usageEvent.count(), db.usageRollup.count()]);
    console.log(`Ledger: ${events.toLocaleString("en")} UsageEvents, ${rollups.toLocaleString("en")} UsageRollup rows; ${assignments.length} classes; ${ITERATIONS} calls each\n`);

    const teacherOf = (classId: string) => assignments.find((a) => a.classId === classId)!.teacher;
    const open = async (preset: RangePreset) => {
      const a = pick(assignments);
      const user = { ...a.teacher, role: "TEACHER" as const, schoolId };
      await assertCanViewClassOrThrow({ db, user, classId: a.classId, surface: "bench" });
      const cls = await getDashboardClassOrThrow({ db, classId: a.classId });
      return { cls, range: resolveRange({ preset }, cls.timeZone) };
    };
    const dashboard = (preset: RangePreset) => async () => {
      const { cls, range } = await open(preset);
      await getClassDashboard({ db, deps, cls, range });
    };
    const results = [
      await time("GET /api/teacher/classes (overview)", () => listTeacherClassOverview({ db, teacherId: pick(assignments).teacher.id })),
      await time("GET /api/teacher/classes/:id range=today", dashboard("today")),
      await time("GET /api/teacher/classes/:id range=7d", dashboard("7d")),
      await time("GET /api/teacher/classes/:id range=30d", dashboard("30d")),
      await time("GET …/:id/topics range=30d", async () => {
        const { cls, range } = await open("30d");
        await listClassTopics({ db, classId: cls.id, range });
      }),
      await time("GET …/students/:id range=30d", async () => {
        const e = pick(enrolments);
        const cls = await getDashboardClassOrThrow({ db, classId: e.classId });
        await assertCanViewClassOrThrow({ db, user: { ...teacherOf(e.classId), role: "TEACHER", schoolId }, classId: e.classId, surface: "bench" });
        const range = resolveRange({ preset: "30d" }, cls.timeZone);
        await Promise.all([getStudentUsage({ db, classId: e.classId, studentId: e.studentId, range }), listStudentConversations({ db, classId: e.classId, studentId: e.studentId }), peekStudentBudgets({ db, deps, studentIds: [e.studentId] })]);
      }),
      await time("GET …/conversations/:id (transcript)", async () => {
        const c = pick(conversations);
        await getConversationTranscript({ db, classId: c.classId!, studentId: c.studentId, conversationId: c.id });
      }),
      await time("GET …/export kind=daily range=30d", async () => {
        const { cls, range } = await open("30d");
        await buildDailyCsv({ db, classId: cls.id, range });
      }),
      await time("GET …/export kind=turns range=7d", async () => {
        const { cls, range } = await open("7d");
        for await (const chunk of streamTurnsCsv({ db, classId: cls.id, range })) void chunk;
      }),
      await time("ledger writeTurn (+ rollup)", async () => {
        const e = pick(enrolments);
        const at = new Date().toISOString();
        await writeTurn(db, {
          turnId: randomUUID(), studentId: e.studentId, schoolId, classId: e.classId, conversation: { id: randomUUID(), title: "Bench", subject: null },
          userMessage: { id: randomUUID(), content: "How do I add fractions?", createdAt: at }, assistantMessage: { id: randomUUID(), content: "Let's see.", flag: null, createdAt: at },
          mode: "full", reason: "normal", model: "bench", usage: { inputTokens: 500, outputTokens: 200, cacheReadTokens: 0, cacheWriteTokens: 0 }, costUsd: 0.0045, ttftMs: 300, latencyMs: 1_000, upstreamStatus: 200,
        });
      }),
    ];
    const width = Math.max(...results.map((r) => r.name.length));
    console.log(`${"endpoint".padEnd(width)}   p50 ms   p95 ms   max ms   p95 < ${TARGET_P95_MS} ms`);
    for (const r of results) {
      console.log(`${r.name.padEnd(width)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}   ${r.p95 < TARGET_P95_MS ? "yes" : "NO"}`);
    }
    process.exitCode = results.every((r) => r.p95 < TARGET_P95_MS) ? 0 : 1;
  } finally {
    await db.$disconnect();
    await closeRedis(redis);
    if (fresh && !values.keep) await fresh.drop();
    else if (fresh) console.log(`\nKept the database: ${fresh.url}`);
  }
}

main().catch((err) => {
  console.error("Benchmark failed:", err);
  process.exit(1);
});
