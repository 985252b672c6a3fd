// npm run db:seed [-- --students N --classes N --teachers N]
// Seeds the demo school into DATABASE_URL (deterministic, idempotent).
import { parseArgs } from "node:util";
import { createPrisma } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed-demo";
import { env } from "@/lib/env";

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    console.error(`--${name} must be a whole number from 1 to 100000 (got "${value}")`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: { students: { type: "string" }, classes: { type: "string" }, teachers: { type: "string" } },
  });
  if (!env.DATABASE_URL) {
    console.error("DATABASE_URL is not set. Run `npm run dev` (it seeds the embedded database) or set DATABASE_URL.");
    process.exit(2);
  }
  const students = positive("students", values.students, 60);
  const classes = positive("classes", values.classes, 3);
  const teachers = values.teachers === undefined ? undefined : positive("teachers", values.teachers, 1);
  const db = createPrisma(env.DATABASE_URL, 4);
  const started = Date.now();
  try {
    const r = await seedDemo(db, { students, classes, teachers, password: env.SEED_PASSWORD });
    console.log(`Seeded demo school: ${r.students} students, ${r.classes} classes, ${r.teachers} teachers in ${Date.now() - started} ms.`);
    console.log(`Sign in as admin@demo.test, teacher1@demo.test or student${"1".padStart(Math.max(3, String(students).length), "0")}@demo.test with the SEED_PASSWORD.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error("Seeding failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
