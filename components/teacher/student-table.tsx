"use client";
// The class's students: budget used in the current window, use over the range, last active and flags.
// Sortable by any column (buttons in the headers, aria-sort), filterable by name and by what needs
// attention; near- and over-budget rows are highlighted.
import Link from "next/link";
import { useMemo, useState } from "react";
import type { DashboardStudent } from "@/lib/db/teacher-dashboard";
import { REPEATED_EXHAUSTION } from "@/lib/db/teacher-students";
import { formatCompact, formatInt, formatPercent, formatSince } from "./format";

type SortKey = "name" | "budget" | "messages" | "tokens" | "degraded" | "lastActive" | "flags";
type Filter = "all" | "budget" | "flagged" | "active";

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "name", label: "Student", numeric: false },
  { key: "budget", label: "Budget (window)", numeric: true },
  { key: "messages", label: "Messages", numeric: true },
  { key: "tokens", label: "Tokens", numeric: true },
  { key: "degraded", label: "Not full answers", numeric: true },
  { key: "lastActive", label: "Last active", numeric: true },
  { key: "flags", label: "Flags", numeric: true },
];

const usedShare = (s: DashboardStudent) => (s.budget && s.budget.limit > 0 ? (s.budget.limit - s.budget.remaining) / s.budget.limit : 0);
const degradedShare = (s: DashboardStudent) => (s.messages ? s.degraded / s.messages : 0);
const exhaustedRepeatedly = (s: DashboardStudent) => s.budgetExhausted >= REPEATED_EXHAUSTION;
const flagScore = (s: DashboardStudent) => s.safetyFlags * 1_000 + (exhaustedRepeatedly(s) ? s.budgetExhausted : 0);

const VALUE: Record<SortKey, (s: DashboardStudent) => number | string> = {
  name: (s) => s.name.toLowerCase(),
  budget: usedShare,
  messages: (s) => s.messages,
  tokens: (s) => s.tokens,
  degraded: degradedShare,
  lastActive: (s) => (s.lastActiveAt ? Date.parse(s.lastActiveAt) : 0),
  flags: flagScore,
};

const MATCHES: Record<Filter, (s: DashboardStudent) => boolean> = {
  all: () => true,
  budget: (s) => s.budget?.status === "near" || s.budget?.status === "over",
  flagged: (s) => flagScore(s) > 0,
  active: (s) => s.activeNow,
};

export function StudentTable({ classId, students, now, timeZone }: { classId: string; students: DashboardStudent[]; now: number; timeZone: string }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: "ascending" | "descending" }>({ key: "name", dir: "ascending" });
  const [query, setQuery] = useState("");
  const [filter, setFilter] = useState<Filter>("all");

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const get = VALUE[sort.key];
    const sign = sort.dir === "ascending" ? 1 : -1;
    return students
      .filter((s) => MATCHES[filter](s) && (!q || s.name.toLowerCase().includes(q) || s.email.toLowerCase().includes(q)))
      .sort((a, b) => {
        const x = get(a);
        const y = get(b);
        return (x < y ? -1 : x > y ? 1 : 0) * sign || a.name.localeCompare(b.name);
      });
  }, [students, sort, query, filter]);

  function sortBy(key: SortKey) {
    // Numbers start with the largest: "who used the most" is the usual question.
    setSort((s) => (s.key === key ? { key, dir: s.dir === "ascending" ? "descending" : "ascending" } : { key, dir: key === "name" ? "ascending" : "descending" }));
  }

  return (
    <section aria-labelledby="students-heading" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-end gap-3 p-4">
        <h2 id="students-heading" className="mr-auto text-lg font-semibold">Students</h2>
        <label className="text-xs text-slate-600">Find a student
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} className="mt-0.5 block w-48 rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <label className="text-xs text-slate-600">Show students
          <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)} className="mt-0.5 block rounded-md border border-slate-300 px-2 py-1 text-sm">
            <option value="all">All students</option>
            <option value="budget">Near or over budget</option>
            <option value="flagged">Flagged</option>
            <option value="active">Active now</option>
          </select>
        </label>
      </div>
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[56rem] text-left text-sm">
          <caption className="sr-only">Students in this class, {rows.length} shown. Column headers are buttons that sort the table.</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.dir : "none"} className={`whitespace-nowrap px-3 py-2 ${c.numeric ? "text-right" : ""}`}>
                  <button type="button" onClick={() => sortBy(c.key)} className="inline-flex items-center gap-1 font-semibold hover:text-indigo-700">
                    {c.label}
                    <span aria-hidden="true" className="text-xs">{sort.key === c.key ? (sort.dir === "ascending" ? "▲" : "▼") : "↕"}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr><td colSpan={COLUMNS.length} className="px-3 py-6 text-center text-slate-500">No students match.</td></tr>
            )}
            {rows.map((s) => {
              const status = s.budget?.status ?? "ok";
              const tone = status === "over" ? "bg-rose-50" : status === "near" ? "bg-amber-50" : "";
              return (
                <tr key={s.id} data-testid="student-row" data-student-id={s.id} data-budget-status={status} className={`border-t border-slate-100 ${tone}`}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/teacher/classes/${classId}/students/${s.id}`} className="text-indigo-700 underline-offset-2 hover:underline">{s.name}</Link>
                    {s.activeNow && <span className="ml-2 rounded-full bg-emerald-50 px-1.5 text-xs font-normal text-emerald-800">active now</span>}
                  </th>
                  <td className="px-3 py-2 text-right"><BudgetCell student={s} /></td>
                  <td className="px-3 py-2 text-right" data-testid="student-messages">{formatInt(s.messages)}</td>
                  <td className="px-3 py-2 text-right">{formatCompact(s.tokens)}</td>
                  <td className="px-3 py-2 text-right">{s.messages ? formatPercent(degradedShare(s)) : "—"}</td>
                  <td className="px-3 py-2 text-right">{formatSince(s.lastActiveAt, now, timeZone)}</td>
                  <td className="px-3 py-2 text-right"><Flags student={s} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function BudgetCell({ student: s }: { student: DashboardStudent }) {
  if (!s.budget) return <span className="text-slate-500">—</span>;
  const share = Math.min(1, usedShare(s));
  const label = s.budget.status === "over" ? "Used up" : s.budget.status === "near" ? "Near limit" : null;
  return (
    <span data-testid="budget-status" data-status={s.budget.status} className="inline-flex items-center justify-end gap-2 whitespace-nowrap">
      {label && <span className={`rounded px-1.5 text-xs font-medium ${s.budget.status === "over" ? "bg-rose-100 text-rose-800" : "bg-amber-100 text-amber-900"}`}>{label}</span>}
      <span>{formatInt(s.budget.limit - s.budget.remaining)} / {formatInt(s.budget.limit)}</span>
      <span aria-hidden="true" className="h-1.5 w-12 overflow-hidden rounded-full bg-slate-200">
        <span className={`block h-full ${s.budget.status === "over" ? "bg-rose-500" : s.budget.status === "near" ? "bg-amber-500" : "bg-emerald-500"}`} style={{ width: `${share * 100}%` }} />
      </span>
    </span>
  );
}

function Flags({ student: s }: { student: DashboardStudent }) {
  const flags = [
    s.safetyFlags > 0 && <span key="safety" className="whitespace-nowrap rounded bg-rose-100 px-1.5 text-xs font-medium text-rose-800">Safety ×{s.safetyFlags}</span>,
    exhaustedRepeatedly(s) && <span key="budget" className="whitespace-nowrap rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">Budget used up ×{s.budgetExhausted}</span>,
  ].filter(Boolean);
  return flags.length ? <span className="inline-flex flex-wrap justify-end gap-1">{flags}</span> : <span className="text-slate-400">—</span>;
}
