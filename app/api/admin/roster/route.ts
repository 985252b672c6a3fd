// POST /api/admin/roster – import a CSV roster, all or nothing; problems come back per line.
import { rosterSchema } from "@/lib/admin/inputs";
import { parseRoster, type LineError } from "@/lib/admin/roster";
import { route } from "@/lib/api/handler";
import { importRoster } from "@/lib/db/admin-roster";
import { resolveSchoolIdOrThrow } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";
import { errorBody } from "@/lib/errors";

export const dynamic = "force-dynamic";

// The usual envelope, with the lines an admin has to fix alongside the message.
function rejected(lines: LineError[]): Response {
  const rows = new Set(lines.map((l) => l.line)).size;
  const message = `${rows} line${rows > 1 ? "s have" : " has"} problems, so nothing was imported. Fix ${rows > 1 ? "them" : "it"} and import the file again.`;
  return Response.json({ error: { ...errorBody("bad_request:roster", message).error, lines } }, { status: 400 });
}

export const POST = route({ surface: "roster", roles: ["ADMIN", "SUPER_ADMIN"], body: rosterSchema }, async ({ user, body }) => {
  const db = getPrisma();
  const schoolId = await resolveSchoolIdOrThrow({ db, user, schoolId: body.schoolId, surface: "roster" });
  const parsed = parseRoster(body.csv);
  if (parsed.errors.length) return rejected(parsed.errors);
  const outcome = await importRoster({ db, actor: user, schoolId, rows: parsed.rows });
  if (!outcome.ok) return rejected(outcome.errors);
  return Response.json({ imported: outcome.result }, { headers: { "cache-control": "no-store" } });
});
