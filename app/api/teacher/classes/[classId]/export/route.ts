// GET /api/teacher/classes/:classId/export?kind=daily|turns&range=… – the class's usage as a CSV download.
import { route } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db/client";
import { openClassOrThrow } from "@/lib/db/teacher-access";
import { buildDailyCsv, streamTurnsCsv } from "@/lib/db/usage-export";
import { parseRangeQuery } from "@/lib/db/usage-range";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = route<undefined, { classId: string }>({ surface: "export", roles: ["TEACHER", "ADMIN", "SUPER_ADMIN"] }, async ({ req, user, params }) => {
  const db = getPrisma();
  const cls = await openClassOrThrow({ db, user, classId: params.classId, surface: "export" });
  const query = new URL(req.url).searchParams;
  const kind = query.get("kind") ?? "daily";
  if (kind !== "daily" && kind !== "turns") throw new AppError("bad_request:export", "kind must be daily or turns.");
  const range = parseRangeQuery(query, cls.timeZone, "export");
  const slug = cls.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "class";
  const headers = {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${slug}-${range.fromDate}-to-${range.toDate}-${kind}.csv"`,
    "cache-control": "no-store",
  };
  if (kind === "daily") return new Response(await buildDailyCsv({ db, classId: cls.id, range }), { headers });
  // Raw turns can be many: streamed page by page rather than built in memory.
  const chunks = streamTurnsCsv({ db, classId: cls.id, range });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, { headers });
});
