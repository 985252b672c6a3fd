// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL the way `prisma migrate deploy`
// does (same `_prisma_migrations` rows and checksums), with no native engine download.
//   npm run db:migrate                                  apply pending migrations
//   npm run db:migrate -- --rolled-back <migration>     after fixing a failed migration, let it rerun
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  applyMigrations,
  assertPostgresUrl,
  ensureDatabaseExists,
  markMigrationRolledBack,
  MIGRATIONS_DIR,
  SchemaEngineError,
} from "@/lib/db/schema-engine";

export type MigrateOptions = { migrationsDir?: string; log?: (line: string) => void };

/** Creates the database if missing, applies pending migrations; returns the names applied. */
export async function migrate(
  url: string,
  { migrationsDir = MIGRATIONS_DIR, log = (line: string) => console.log(line) }: MigrateOptions = {},
): Promise<string[]> {
  const started = Date.now();
  if (await ensureDatabaseExists(url)) log(`Created database ${new URL(url).pathname.slice(1)}.`);
  const applied = await applyMigrations(url, { migrationsDir });
  const took = `${Date.now() - started} ms`;
  if (applied.length === 0) log(`No pending migrations (${took}).`);
  else log(`Applied ${applied.length} migration(s) in ${took}:\n${applied.map((name) => `  ${name}`).join("\n")}`);
  return applied;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "rolled-back": { type: "string" } } });
  if (!process.env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/fairtutor npm run db:migrate");
  }
  const url = assertPostgresUrl(process.env.DATABASE_URL);
  const rolledBack = values["rolled-back"];
  if (rolledBack) {
    await markMigrationRolledBack(url, rolledBack);
    console.log(`Marked ${rolledBack} as rolled back; the next db:migrate applies it again.`);
    return;
  }
  await migrate(url);
}

// Imported by the dev runner, seed and tests for `migrate`; only `tsx scripts/db-migrate.ts` runs main.
function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? "") === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

function reportFailure(error: unknown): void {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof SchemaEngineError && error.failedMigration) {
    console.error(
      `Its SQL was rolled back (each migration runs in one transaction) and it is recorded as failed. Fix ` +
        `prisma/migrations/${error.failedMigration}/migration.sql, then run ` +
        `\`npm run db:migrate -- --rolled-back ${error.failedMigration}\` and \`npm run db:migrate\`.`,
    );
  }
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    reportFailure(error);
    process.exit(1);
  });
}
