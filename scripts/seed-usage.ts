// npm run db:seed:usage [-- --events 1000000 --days 60 --students 2000 --classes 60]
// Seeds the demo school (idempotent) into DATABASE_URL, then adds synthetic tutor use: conversations,
// messages, UsageEvents and their rollup, generated in SQL (a million turns in well under a minute).
import { parseArgs } from "node:util";
import { createPrisma } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed-demo";
import { seedUsage } from "@/lib/db/usage-seed";
import { env } from "@/lib/env";

function whole(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--${name} must be a whole number from 1 to ${max} (got "${value}")`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const { values } = parseArgs({ options: { events: { type: "string" }, days: { type: "string" }, students: { type: "string" }, classes: { type: "string" } } });
  if (!env.DATABASE_URL) {
    console.error("DATABASE_URL is not set. Point it at the database to seed (npm run dev prints the embedded one's URL).");
    process.exit(2);
  }
  const events = whole("events", values.events, 100_000, 20_000_000);
  const days = whole("days", values.days, 60, 400);
  const students = whole("students", values.students, 2_000, 100_000);
  const classes = whole("classes", values.classes, 60, 10_000);
  const db = createPrisma(env.DATABASE_URL, 2);
  try {
    const school = await seedDemo(db, { students, classes, password: env.SEED_PASSWORD });
    console.log(`Demo school ready: ${school.students} students in ${school.classes} classes. Generating ${events.toLocaleString("en")} turns over ${days} days…`);
    const r = await seedUsage(db, { schoolId: school.schoolId, events, days });
    console.log(`Seeded ${r.events.toLocaleString("en")} turns in ${r.conversations.toLocaleString("en")} conversations in ${(r.ms / 1000).toFixed(1)} s.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error("Seeding usage failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
