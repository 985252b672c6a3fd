// The teacher's classes at a glance: who is on the tutor now, today's and this week's use and cost,
// and how answers split by mode this week.
import Link from "next/link";
import type { ClassOverview } from "@/lib/db/teacher-overview";
import { formatCompact, formatInt, formatUsd } from "./format";
import { ModeShareBar } from "./mode-share-bar";

export function ClassOverviewTable({ classes }: { classes: ClassOverview[] }) {
  if (classes.length === 0) return <p className="text-slate-600">You have no classes yet. Ask your school admin to assign you to one.</p>;
  return (
    <div className="relative overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="sr-only">Your classes: students active now, tutor messages, tokens and estimated cost today and this week, and the share of answers by mode</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" rowSpan={2} className="px-4 py-2">Class</th>
            <th scope="col" rowSpan={2} className="px-3 py-2 text-right">Students</th>
            <th scope="col" rowSpan={2} className="px-3 py-2 text-right">Active now</th>
            <th scope="colgroup" colSpan={3} className="border-l border-slate-200 px-3 pt-2 text-center">Today</th>
            <th scope="colgroup" colSpan={3} className="border-l border-slate-200 px-3 pt-2 text-center">This week</th>
            <th scope="col" rowSpan={2} className="border-l border-slate-200 px-4 py-2">Answers by mode</th>
          </tr>
          <tr className="text-xs">
            <th scope="col" className="border-l border-slate-200 px-3 pb-2 text-right">Messages</th>
            <th scope="col" className="px-3 pb-2 text-right">Tokens</th>
            <th scope="col" className="px-3 pb-2 text-right">Cost</th>
            <th scope="col" className="border-l border-slate-200 px-3 pb-2 text-right">Messages</th>
            <th scope="col" className="px-3 pb-2 text-right">Tokens</th>
            <th scope="col" className="px-3 pb-2 text-right">Cost</th>
          </tr>
        </thead>
        <tbody>
          {classes.map((c) => (
            <tr key={c.id} data-testid="class-row" data-class-id={c.id} className="border-t border-slate-100">
              <th scope="row" className="px-4 py-2 font-medium">
                <Link href={`/teacher/classes/${c.id}`} className="text-indigo-700 underline-offset-2 hover:underline">{c.name}</Link>
                {c.subject && <span className="block text-xs font-normal text-slate-500">{c.subject}</span>}
              </th>
              <td className="px-3 py-2 text-right">{formatInt(c.students)}</td>
              <td className="px-3 py-2 text-right" data-testid="active-now">
                {c.activeNow > 0 ? <span className="rounded-full bg-emerald-50 px-2 py-0.5 font-medium text-emerald-800">{c.activeNow}</span> : 0}
              </td>
              <td className="border-l border-slate-100 px-3 py-2 text-right" data-testid="messages-today">{formatInt(c.today.messages)}</td>
              <td className="px-3 py-2 text-right">{formatCompact(c.today.tokens)}</td>
              <td className="px-3 py-2 text-right">{formatUsd(c.today.costUsd)}</td>
              <td className="border-l border-slate-100 px-3 py-2 text-right" data-testid="messages-week">{formatInt(c.week.messages)}</td>
              <td className="px-3 py-2 text-right">{formatCompact(c.week.tokens)}</td>
              <td className="px-3 py-2 text-right">{formatUsd(c.week.costUsd)}</td>
              <td className="border-l border-slate-100 px-4 py-2">
                <span className="grid grid-cols-[3rem_1fr] items-center gap-x-2 gap-y-1 text-xs text-slate-500">
                  <span>Today</span>
                  <ModeShareBar counts={c.today.byMode} />
                  <span>Week</span>
                  <ModeShareBar counts={c.week.byMode} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
