// `npm run db:migration:create -- <name>`: writes the next migration from a change to
// prisma/schema.prisma, offline. The existing migrations are replayed on a throwaway in-memory
// PGlite (no server, no DATABASE_URL), which is then diffed against the schema — what
// `prisma migrate dev --create-only` does with its shadow database.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import {
  diffSchemaToSql,
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
} from "@/lib/db/schema-engine";

const NAME_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 100;

function validateName(name: string | undefined): string {
  if (!name) throw new Error("Usage: npm run db:migration:create -- <name>   (e.g. add_school_locale)");
  if (!NAME_PATTERN.test(name) || name.length > MAX_NAME_LENGTH) {
    throw new Error(
      `Invalid migration name ${JSON.stringify(name)}: use lowercase letters, digits and single underscores ` +
        `(snake_case, at most ${MAX_NAME_LENGTH} characters), e.g. add_school_locale.`,
    );
  }
  return name;
}

/** UTC YYYYMMDDHHMMSS, the prefix Prisma gives migration folders. */
function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function diffAgainstScratchDatabase(): Promise<string | null> {
  const scratch = await startEmbeddedPostgres({ memory: true, port: 0, handleSignals: false });
  try {
    return await diffSchemaToSql({ shadowUrl: scratch.url, migrationsDir: MIGRATIONS_DIR, schemaPath: SCHEMA_PATH });
  } finally {
    await scratch.stop();
  }
}

async function writeMigration(name: string, sql: string): Promise<string> {
  const dir = path.join(MIGRATIONS_DIR, `${formatTimestamp(new Date())}_${name}`);
  await mkdir(MIGRATIONS_DIR, { recursive: true });
  await mkdir(dir);
  await writeFile(path.join(dir, "migration.sql"), sql, "utf8");
  await writeFile(path.join(MIGRATIONS_DIR, MIGRATION_LOCK_FILE), MIGRATION_LOCK_CONTENT, "utf8");
  return dir;
}

async function main(): Promise<void> {
  const name = validateName(process.argv[2]);
  const sql = await diffAgainstScratchDatabase();
  if (sql === null) {
    console.log("No changes: prisma/schema.prisma already matches prisma/migrations. Nothing written.");
    return;
  }
  const dir = await writeMigration(name, sql);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql. Review it, then run \`npm run db:migrate\` and \`npm run db:generate\`.`);
}

main().catch((error: unknown) => {
  console.error(`db:migration:create failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
