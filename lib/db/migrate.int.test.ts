// Offline migrations (WebAssembly schema engine) against a real PostgreSQL and the embedded PGlite,
// and the embedded server's two hard parts: many pooled clients at once, and reopening after kill -9.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { PrismaClient } from "@/lib/db/generated/client";
import { applyMigrations, markMigrationRolledBack, MIGRATIONS_DIR, SchemaEngineError } from "@/lib/db/schema-engine";
import { createTestDatabase, testAdminUrl, testDatabaseKinds, type TestDatabase } from "@/lib/db/test-db";
import { migrate } from "@/scripts/db-migrate";

const INIT = "20261203000000_init";
/** Every migration in the repository, in the order they apply (init first). */
const ALL = readdirSync(MIGRATIONS_DIR).filter((d) => /^\d{14}_/.test(d)).sort();
const ROOT = path.resolve(MIGRATIONS_DIR, "../..");
const kinds = await testDatabaseKinds();

function prismaFor(url: string, max = 10) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function withMigrations(extra: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "ft-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  for (const [name, script] of Object.entries(extra)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), script);
  }
  return dir;
}

function runScript(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: ROOT, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.each(kinds)("migrations on %s PostgreSQL", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ kind, migrate: false });
  });
  afterAll(() => db?.drop());

  it("applies init once, recorded as prisma migrate deploy records it", async () => {
    const started = Date.now();
    expect(await applyMigrations(db.url)).toEqual(ALL);
    console.info(`[${kind}] first migrate: ${Date.now() - started} ms`);

    const file = await readFile(path.join(MIGRATIONS_DIR, INIT, "migration.sql"));
    const rows = await sql(db.url, `SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"`);
    expect(rows).toHaveLength(ALL.length);
    expect(Object.keys(rows[0]).sort()).toEqual(
      ["applied_steps_count", "checksum", "finished_at", "id", "logs", "migration_name", "rolled_back_at", "started_at"],
    );
    expect(rows[0]).toMatchObject({
      migration_name: INIT,
      checksum: createHash("sha256").update(file).digest("hex"),
      applied_steps_count: 1,
      logs: null,
      rolled_back_at: null,
    });
    expect(rows[0].finished_at).toBeInstanceOf(Date);

    expect(await applyMigrations(db.url)).toEqual([]);
  });

  it("serves the generated Prisma client", async () => {
    const prisma = prismaFor(db.url);
    try {
      const created = await prisma.school.create({ data: { slug: `s-${kind}`, name: "Hillside" } });
      const read = await prisma.school.findUniqueOrThrow({ where: { slug: `s-${kind}` } });
      expect(read).toMatchObject({ id: created.id, name: "Hillside", timezone: "UTC" });
    } finally {
      await prisma.$disconnect();
    }
  });

  it("rolls a failing migration back entirely and can retry it once fixed", async () => {
    const bad = "20990101000000_bad";
    const dir = await withMigrations({
      [bad]: `CREATE TABLE "Half" (id INT);\nINSERT INTO "School" (id, slug, name, "updatedAt") VALUES ('h', 'half', 'Half', now());\nSELECT 1/0;\n`,
    });
    try {
      const failure = await applyMigrations(db.url, { migrationsDir: dir }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SchemaEngineError);
      expect((failure as SchemaEngineError).failedMigration).toBe(bad);
      expect((failure as Error).message).toMatch(/division by zero/);

      const [state] = await sql(db.url, `SELECT to_regclass('"Half"') AS half, (SELECT count(*)::int FROM "School" WHERE slug = 'half') AS rows`);
      expect(state).toEqual({ half: null, rows: 0 });
      const [row] = await sql(db.url, `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = $1`, [bad]);
      expect(row.finished_at).toBeNull();
      expect(row.logs).toMatch(/division by zero/);

      // Like prisma migrate deploy, a recorded failure blocks later runs until it is resolved.
      await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toMatchObject({ failedMigration: bad });
      await writeFile(path.join(dir, bad, "migration.sql"), `CREATE TABLE "Half" (id INT);\n`);
      await markMigrationRolledBack(db.url, bad);
      expect(await applyMigrations(db.url, { migrationsDir: dir })).toEqual([bad]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("npm run db:migrate exits 0 when up to date and 1 with a clear message on a bad URL", async () => {
    const ok = await runScript("scripts/db-migrate.ts", { DATABASE_URL: db.url });
    expect(ok.output).toMatch(/No pending migrations/);
    expect(ok.code).toBe(0);

    const unreachable = await runScript("scripts/db-migrate.ts", { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
    expect(unreachable.code).toBe(1);
    expect(unreachable.output).toMatch(/Can't reach database server at `127.0.0.1:1`/);

    const invalid = await runScript("scripts/db-migrate.ts", { DATABASE_URL: "mysql://x" });
    expect(invalid.code).toBe(1);
    expect(invalid.output).toMatch(/Not a PostgreSQL URL/);
  });
});

describe.runIf(kinds.includes("real"))("db:migrate on a real server", () => {
  it("creates a missing database first, as prisma migrate deploy does", async () => {
    const name = `ft_test_${randomBytes(6).toString("hex")}`;
    const url = new URL(testAdminUrl());
    url.pathname = `/${name}`;
    const lines: string[] = [];
    try {
      expect(await migrate(url.toString(), { log: (line) => lines.push(line) })).toEqual(ALL);
      expect(lines[0]).toBe(`Created database ${name}.`);
    } finally {
      await sql(testAdminUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});

describe("embedded PostgreSQL", () => {
  it("serves pooled clients from two 'processes' at once without mixing their sessions", async () => {
    const db = await createTestDatabase({ kind: "embedded" });
    const [app, script] = [prismaFor(db.url, 10), prismaFor(db.url, 3)];
    try {
      const school = await app.school.create({ data: { slug: "busy", name: "Busy", keyShare: 0 } });
      const work = Array.from({ length: 60 }, (_, i) => {
        const client = i % 2 ? app : script;
        if (i % 3 === 0) {
          return client.$transaction(async (tx) => {
            await tx.school.update({ where: { id: school.id }, data: { keyShare: { increment: 1 } } });
            return tx.school.findUniqueOrThrow({ where: { id: school.id } });
          });
        }
        if (i % 3 === 1) return client.school.findMany({ where: { slug: { startsWith: "bu" } } });
        return client.$transaction(async (tx) => {
          await tx.school.create({ data: { slug: `rolled-back-${i}`, name: "Gone" } });
          throw new Error("roll back");
        }).catch(() => null);
      });
      await Promise.all(work);
      expect(await app.school.findUniqueOrThrow({ where: { id: school.id } })).toMatchObject({ keyShare: 20 });
      expect(await script.school.count({ where: { slug: { startsWith: "rolled-back" } } })).toBe(0);
    } finally {
      await Promise.all([app.$disconnect(), script.$disconnect()]);
      await db.drop();
    }
  });

  describe("a data directory whose owner was killed with -9", () => {
    let dataDir: string;
    let owner: ChildProcess;
    beforeAll(async () => {
      dataDir = path.join(await mkdtemp(path.join(tmpdir(), "ft-pglite-")), "data");
    });
    afterAll(async () => {
      owner?.kill("SIGKILL");
      await rm(path.dirname(dataDir), { recursive: true, force: true });
    });

    function startOwner(): Promise<string> {
      owner = spawn(process.execPath, ["--import", "tsx", "scripts/embedded-postgres.ts", "--data-dir", dataDir, "--port", "0"], { cwd: ROOT });
      return new Promise((resolve, reject) => {
        let stderr = "";
        owner.stderr?.on("data", (chunk) => (stderr += chunk));
        owner.stdout?.on("data", (chunk: Buffer) => resolve(chunk.toString().trim().split("\n")[0]));
        owner.on("exit", (code) => reject(new Error(`embedded-postgres exited with ${code}: ${stderr}`)));
      });
    }

    it("reopens with the data, and refuses a second opener while the owner lives", async () => {
      const firstOpen = Date.now();
      const url = await startOwner();
      console.info(`[embedded] first open of a new data dir (child process, incl. tsx start): ${Date.now() - firstOpen} ms`);
      await applyMigrations(url);
      const prisma = prismaFor(url);
      await prisma.school.create({ data: { slug: "survivor", name: "Survivor" } });
      await prisma.$disconnect();

      await expect(startEmbeddedPostgres({ dataDir, port: 0, handleSignals: false })).rejects.toThrow(
        new RegExp(`in use by process ${owner.pid}`),
      );

      const exited = new Promise((resolve) => owner.once("exit", resolve));
      owner.kill("SIGKILL");
      await exited;
      expect(existsSync(`${dataDir}.lock`)).toBe(true);
      expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(true);

      const reopen = Date.now();
      const server = await startEmbeddedPostgres({ dataDir, port: 0, handleSignals: false });
      console.info(`[embedded] reopen after kill -9: ${Date.now() - reopen} ms`);
      const again = prismaFor(server.url);
      try {
        expect(await again.school.findUnique({ where: { slug: "survivor" } })).toMatchObject({ name: "Survivor" });
        expect(await applyMigrations(server.url)).toEqual([]);
      } finally {
        await again.$disconnect();
        await server.stop();
      }
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
    });
  });
});
