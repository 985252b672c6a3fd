// Throwaway databases for integration tests: a fresh database on a real PostgreSQL server, or an
// in-memory embedded PGlite on a free port. Both are migrated unless asked not to be.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/schema-engine";

export type TestDatabaseKind = "real" | "embedded";
export type TestDatabase = { url: string; drop: () => Promise<void> };

const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function testAdminUrl(): string {
  return process.env.TEST_PG_ADMIN_URL || DEFAULT_ADMIN_URL;
}

export async function createTestDatabase({
  kind,
  migrate = true,
}: {
  kind: TestDatabaseKind;
  /** false: leave it empty, e.g. to test migrating it. */
  migrate?: boolean;
}): Promise<TestDatabase> {
  const database = kind === "real" ? await createRealDatabase() : await createEmbeddedDatabase();
  try {
    if (migrate) await applyMigrations(database.url);
    return database;
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/**
 * The kinds a suite should run against: "real" when the server answers (a missing server is skipped
 * with a warning, or fails when REQUIRE_REAL_SERVICES is set), and always "embedded".
 */
export async function testDatabaseKinds(): Promise<TestDatabaseKind[]> {
  if (await isRealPostgresAvailable()) return ["real", "embedded"];
  const required = process.env.REQUIRE_REAL_SERVICES === "1" || process.env.REQUIRE_REAL_SERVICES === "true";
  if (required) throw new Error(`PostgreSQL at ${testAdminUrl()} is not reachable and REQUIRE_REAL_SERVICES is set.`);
  console.warn(`[test] real PostgreSQL at ${testAdminUrl()} is NOT reachable: its suite is SKIPPED (embedded only).`);
  return ["embedded"];
}

/** Whether the admin URL answers within `timeoutMs`, so suites can skip the real-server variant. */
export async function isRealPostgresAvailable(timeoutMs = 1_500): Promise<boolean> {
  const client = new pg.Client({ connectionString: testAdminUrl(), connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function createRealDatabase(): Promise<TestDatabase> {
  const name = `ft_test_${randomBytes(6).toString("hex")}`;
  await runAsAdmin(`CREATE DATABASE "${name}"`);
  const url = new URL(testAdminUrl());
  url.pathname = `/${name}`;
  // FORCE: a test that leaked a connection must not keep its database alive.
  return { url: url.toString(), drop: () => runAsAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function createEmbeddedDatabase(): Promise<TestDatabase> {
  const server = await startEmbeddedPostgres({ memory: true, port: 0, handleSignals: false });
  return { url: server.url, drop: server.stop };
}

async function runAsAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testAdminUrl(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
