"use client";
// Tokens and estimated cost for a range of months, grouped by school, class, month or model, with a
// CSV export of the detailed rows.
import { useEffect, useState } from "react";
import type { CostGroup, ReportGroup } from "@/lib/admin/cost-report";
import { adminFetch, withSchool } from "./admin-api";
import { Feedback, inputClass, quietButtonClass, Section } from "./ui";

interface Report {
  total: { turns: number; tokens: number; costUsd: number };
  groups: Record<ReportGroup, CostGroup[]>;
}

const LABELS: Record<ReportGroup, string> = { school: "School", class: "Class", month: "Month", model: "Model" };
const thisMonth = () => new Date().toISOString().slice(0, 7);
const monthsAgo = (n: number) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)).toISOString().slice(0, 7);
};

export function CostReport({ schoolId, district }: { schoolId: string | null; district: boolean }) {
  const [from, setFrom] = useState(monthsAgo(2));
  const [to, setTo] = useState(thisMonth());
  const [by, setBy] = useState<ReportGroup>(district ? "school" : "class");
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const query = withSchool(`/api/admin/reports/costs?from=${from}&to=${to}`, schoolId);

  useEffect(() => {
    adminFetch<Report>(query)
      .then((r) => {
        setReport(r);
        setProblem(null);
      })
      .catch((err: Error) => setProblem(err.message));
  }, [query]);

  const groups: ReportGroup[] = district ? ["school", "class", "month", "model"] : ["class", "month", "model"];
  return (
    <Section title="Tokens and estimated cost" description="Costs are estimates from the ledger's token counts and the price table below." testId="cost-report">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          From
          <input type="month" className={`${inputClass} mt-1`} value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <label className="text-sm font-medium">
          To
          <input type="month" className={`${inputClass} mt-1`} value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
        <div role="group" aria-label="Group by" className="flex gap-1">
          {groups.map((g) => (
            <button key={g} type="button" aria-pressed={by === g} className={`${quietButtonClass} ${by === g ? "bg-indigo-50 font-semibold" : ""}`} onClick={() => setBy(g)}>
              By {LABELS[g].toLowerCase()}
            </button>
          ))}
        </div>
        <a className={quietButtonClass} href={`${query}&format=csv`} download>
          Export CSV
        </a>
      </div>
      {problem && <Feedback state={{ kind: "error", text: problem }} />}
      {report && (
        <table className="mt-4 w-full text-left text-sm">
          <caption className="sr-only">Cost by {LABELS[by].toLowerCase()}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">{LABELS[by]}</th>
              <th scope="col" className="px-3 py-2 text-right">Turns</th>
              <th scope="col" className="px-3 py-2 text-right">Tokens</th>
              <th scope="col" className="px-3 py-2 text-right">Estimated cost</th>
            </tr>
          </thead>
          <tbody>
            {report.groups[by].map((g) => (
              <tr key={g.key} data-testid="cost-row" className="border-t border-slate-100">
                <th scope="row" className="px-3 py-2 font-medium">{g.label}</th>
                <td className="px-3 py-2 text-right">{g.turns.toLocaleString("en")}</td>
                <td className="px-3 py-2 text-right">{g.tokens.toLocaleString("en")}</td>
                <td className="px-3 py-2 text-right">${g.costUsd.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold">
              <th scope="row" className="px-3 py-2">Total</th>
              <td className="px-3 py-2 text-right">{report.total.turns.toLocaleString("en")}</td>
              <td className="px-3 py-2 text-right">{report.total.tokens.toLocaleString("en")}</td>
              <td className="px-3 py-2 text-right" data-testid="cost-total">${report.total.costUsd.toFixed(2)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </Section>
  );
}
