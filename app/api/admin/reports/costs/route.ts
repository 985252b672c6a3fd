// GET /api/admin/reports/costs?from=YYYY-MM&to=YYYY-MM[&format=csv] – tokens and estimated cost per
// school, class, month and model (an admin's school; a super-admin's pick, or every school).
import { costCsv, groupCosts, priceRows, REPORT_GROUPS } from "@/lib/admin/cost-report";
import { monthRangeOrThrow } from "@/lib/admin/inputs";
import { route } from "@/lib/api/handler";
import { listUsageTotals } from "@/lib/db/admin-reports";
import { resolveSchoolIdOrThrow } from "@/lib/db/admin-schools";
import { loadPriceOverrides } from "@/lib/db/admin-usage";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = route({ surface: "reports", roles: ["ADMIN", "SUPER_ADMIN"] }, async ({ req, user }) => {
  const db = getPrisma();
  const params = new URL(req.url).searchParams;
  const format = params.get("format") ?? "json";
  if (format !== "json" && format !== "csv") throw new AppError("bad_request:reports", "format must be json or csv.");
  const { from, to } = monthRangeOrThrow(params.get("from"), params.get("to"));
  const requested = params.get("schoolId");
  const schoolId = user.role === "SUPER_ADMIN" && !requested ? null : await resolveSchoolIdOrThrow({ db, user, schoolId: requested, surface: "reports" });
  const [totals, prices] = await Promise.all([listUsageTotals({ db, schoolId, from, to }), loadPriceOverrides({ db })]);
  const rows = priceRows(totals, prices);
  if (format === "csv") {
    const name = `fairtutor-costs-${from.toISOString().slice(0, 7)}-to-${new Date(to.getTime() - 1).toISOString().slice(0, 7)}.csv`;
    return new Response(costCsv(rows), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" } });
  }
  const groups = Object.fromEntries(REPORT_GROUPS.map((g) => [g, groupCosts(rows, g)]));
  const total = rows.reduce((t, r) => ({ turns: t.turns + r.turns, tokens: t.tokens + r.tokens, costUsd: t.costUsd + r.costUsd }), { turns: 0, tokens: 0, costUsd: 0 });
  return Response.json({ from: from.toISOString(), to: to.toISOString(), schoolId, total, groups, rows });
});
