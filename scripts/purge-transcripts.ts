// npm run db:purge-transcripts
// Deletes conversations older than each school's transcript retention (School.transcriptRetentionDays)
// from DATABASE_URL. The usage ledger is untouched, so budgets, caps and reports keep their totals.
// Run it daily (cron, a scheduled job); running it twice is harmless.
import { createPrisma } from "@/lib/db/client";
import { purgeExpiredTranscripts } from "@/lib/db/admin-privacy";
import { env } from "@/lib/env";

async function main() {
  if (!env.DATABASE_URL) {
    console.error("DATABASE_URL is not set. Point it at the database to purge (with `npm run dev` running, the embedded one is at the URL it prints).");
    process.exit(2);
  }
  const db = createPrisma(env.DATABASE_URL, 2);
  try {
    const purged = await purgeExpiredTranscripts({ db });
    const total = purged.reduce((s, p) => s + p.conversations, 0);
    for (const p of purged) console.log(`school ${p.schoolId}: ${p.conversations} conversation(s) deleted`);
    console.log(`Purged ${total} conversation(s) past retention in ${purged.length} school(s) with a retention period.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error("Purging transcripts failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});
