// The Prisma client, one per process. Same pg adapter for a real server and the embedded PGlite
// (which `npm run dev` serves over the Postgres wire protocol), so there is one code path.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";

export type Db = ReturnType<typeof createPrisma>;

export function createPrisma(url: string, poolSize = env.DATABASE_POOL_SIZE) {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // Password hashes never leave the database unless a query asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const globalForPrisma = globalThis as unknown as { fairtutorPrisma?: Db };

function databaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` (embedded PostgreSQL) or set DATABASE_URL.");
  }
  return env.DATABASE_URL;
}

/** Lazily created so importing a module never opens a connection (the build imports everything). */
export function getPrisma(): Db {
  globalForPrisma.fairtutorPrisma ??= createPrisma(databaseUrl());
  return globalForPrisma.fairtutorPrisma;
}
