// Test-only: a whole tutor back end on real parts — a database (real PostgreSQL or embedded PGlite),
// a store (real Redis or the embedded one), the Anthropic simulator, the ledger — and a seeded
// school, so a test can run turns exactly as POST /api/tutor does, minus HTTP.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createAnthropic } from "@/lib/ai/client";
import { defaultPolicy, type EffectivePolicy } from "@/lib/budget/policy";
import { createPrisma, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { seedDemo } from "@/lib/db/seed-demo";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createTestDatabase, testAdminUrl, type TestDatabase, type TestDatabaseKind } from "@/lib/db/test-db";
import { env } from "@/lib/env";
import type { GovernorLimits } from "@/lib/governor/config";
import { Ledger } from "@/lib/ledger/ledger";
import { closeRedis, createRedis } from "@/lib/redis";
import { startSimulator, type Simulator, type SimConfigPatch } from "@/scripts/sim/server";
import { createTutorDeps } from "./deps";
import { prepareTurn, type PrepareDeps } from "./prepare";
import type { DoneEvent, MetaEvent, TurnEvent } from "./sse";
import { runTurn } from "./turn";

export interface HarnessOptions {
  database: TestDatabaseKind;
  store: "real" | "embedded";
  students?: number;
  sim?: SimConfigPatch;
  /** The governor's idea of the key's limits; defaults to the simulator's. */
  governor?: Partial<GovernorLimits> & { windowMs?: number };
  policy?: Partial<EffectivePolicy>;
  maxWaitMs?: number;
  deadlineMs?: number;
}

export interface TurnResult {
  events: TurnEvent[];
  meta: MetaEvent;
  done: DoneEvent | null;
  text: string;
  error: { code: string; message: string } | null;
}

export interface Harness {
  db: Db;
  sim: Simulator;
  ledger: Ledger;
  deps: PrepareDeps;
  schoolId: string;
  students: { id: string; schoolId: string; name: string }[];
  turn(studentIndex: number, message: string, conversationId?: string): Promise<TurnResult>;
  /** Makes the database refuse connections (a real outage), then lets it back. */
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  close(): Promise<void>;
}

export async function createHarness(o: HarnessOptions): Promise<Harness> {
  const outage = o.database === "real" ? await realOutage() : await embeddedOutage();
  const db = createPrisma(outage.url, 5);
  const prefix = `test:turn:${randomBytes(4).toString("hex")}`;
  const redis = o.store === "real" ? createRedis({ redisUrl: "redis://127.0.0.1:6379", prefix }) : createRedis({ embedded: true, prefix });
  const sim = await startSimulator({ remainingRounding: 1, ttftMs: 20, tokensPerSecond: 2_000, answerTokens: 60, cacheMinTokens: 256, ...o.sim });
  const ledger = new Ledger({ db: () => db, redis, prefix, retryMs: 200 });
  const seeded = await seedDemo(db, { students: o.students ?? 4, classes: 2, password: "harness-password" });
  const students = await db.user.findMany({ where: { schoolId: seeded.schoolId, role: "STUDENT" }, orderBy: { email: "asc" }, select: { id: true, schoolId: true, name: true } });
  const limits = { rpm: sim.config.rpm, itpm: sim.config.itpm, otpm: sim.config.otpm, ...o.governor };
  const deps = createTutorDeps({
    db: () => db,
    redis,
    ledger,
    anthropic: createAnthropic({ apiKey: "test-key", baseURL: sim.url }),
    governor: { prefix: `${prefix}:gov`, limits: { rpm: limits.rpm, itpm: limits.itpm, otpm: limits.otpm }, ...(o.governor?.windowMs ? { windowMs: o.governor.windowMs } : {}) },
    load: { prefix: `${prefix}:load` },
    maxWaitMs: o.maxWaitMs ?? 2_000,
    deadlineMs: o.deadlineMs ?? 15_000,
    defaults: { ...defaultPolicy(env), ...o.policy },
  });

  return {
    db,
    sim,
    ledger,
    deps,
    schoolId: seeded.schoolId,
    students: students.map((s) => ({ id: s.id, schoolId: s.schoolId!, name: s.name })),
    async turn(i, message, conversationId) {
      const s = students[i]!;
      const input = await prepareTurn(deps, { user: { id: s.id, role: "STUDENT", schoolId: s.schoolId, name: s.name, email: "" }, message, conversationId, subject: null });
      const events: TurnEvent[] = [];
      for await (const e of runTurn(deps, input)) events.push(e);
      const metas = events.filter((e) => e.event === "meta");
      return {
        events,
        meta: metas[metas.length - 1]!.data as MetaEvent,
        done: (events.find((e) => e.event === "done")?.data as DoneEvent | undefined) ?? null,
        text: events.map((e) => (e.event === "delta" ? e.data.text : "")).join(""),
        error: (events.find((e) => e.event === "error")?.data as TurnResult["error"] | undefined) ?? null,
      };
    },
    stopDatabase: outage.stop,
    startDatabase: outage.start,
    async close() {
      ledger.stop();
      await ledger.settle();
      await db.$disconnect().catch(() => undefined);
      await closeRedis(redis);
      await sim.stop();
      await outage.drop();
    },
  };
}

interface Outage {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  drop(): Promise<void>;
}

/** A database of its own on the real server; an outage refuses new connections and ends current ones. */
async function realOutage(): Promise<Outage> {
  const database: TestDatabase = await createTestDatabase({ kind: "real" });
  const name = new URL(database.url).pathname.slice(1);
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: testAdminUrl() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  return {
    url: database.url,
    stop: async () => {
      await admin(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
      await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    },
    start: () => admin(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`),
    drop: async () => {
      await admin(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
      await database.drop();
    },
  };
}

/** An embedded PGlite on disk; an outage stops the server, and it comes back on the same port and data. */
async function embeddedOutage(): Promise<Outage> {
  const dir = mkdtempSync(path.join(tmpdir(), "ft-harness-"));
  const dataDir = path.join(dir, "pglite");
  let server: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, port: 0, handleSignals: false });
  const url = server.url;
  await applyMigrations(url);
  const port = Number(new URL(url).port);
  return {
    url,
    stop: () => server.stop(),
    start: async () => {
      server = await startEmbeddedPostgres({ dataDir, port, handleSignals: false });
    },
    drop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
