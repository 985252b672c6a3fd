"use client";
// Messages or tokens per hour/day, stacked by answer mode (recharts), with the same numbers as a table
// for anyone who can't read the chart.
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UsagePoint } from "@/lib/db/usage-class";
import { modeLabel } from "@/lib/tutor/reasons";
import { MODES } from "@/lib/tutor/types";
import { formatBucket, formatCompact, formatInt } from "./format";
import { MODE_COLOR } from "./mode-colors";

type Metric = "messages" | "tokens";

export function UsageChart({ series, title }: { series: UsagePoint[]; title: string }) {
  const [metric, setMetric] = useState<Metric>("messages");
  const data = series.map((p) => ({ label: formatBucket(p.bucket), ...p[metric] }));
  const total = series.reduce((n, p) => n + MODES.reduce((m, mode) => m + p[metric][mode], 0), 0);
  const shown = MODES.filter((m) => series.some((p) => p[metric][m] > 0));
  return (
    <figure data-testid="usage-chart" data-metric={metric} data-total={total} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption className="font-semibold">{title}</figcaption>
        <div role="group" aria-label="Chart shows" className="flex gap-1 text-sm">
          {(["messages", "tokens"] as const).map((m) => (
            <button key={m} type="button" aria-pressed={metric === m} onClick={() => setMetric(m)} className={`rounded-md px-2.5 py-1 ring-1 ${metric === m ? "bg-slate-800 text-white ring-slate-800" : "ring-slate-300 hover:bg-slate-50"}`}>
              {m === "messages" ? "Messages" : "Tokens"}
            </button>
          ))}
        </div>
      </div>
      <div className="mt-3 h-64" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
            <YAxis tick={{ fontSize: 11 }} allowDecimals={false} tickFormatter={formatCompact} width={48} />
            <Tooltip formatter={(v) => formatInt(Number(v))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {(shown.length ? shown : (["full"] as const)).map((m) => (
              <Bar key={m} dataKey={m} name={modeLabel(m)} stackId="modes" fill={MODE_COLOR[m]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-indigo-700">Show the numbers as a table</summary>
        <div className="relative mt-2 max-h-64 overflow-auto">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{`${title}: ${metric} per period by answer mode`}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1">Period</th>
                {MODES.map((m) => <th key={m} scope="col" className="px-2 py-1 text-right">{modeLabel(m)}</th>)}
              </tr>
            </thead>
            <tbody>
              {series.map((p) => (
                <tr key={p.bucket} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1 font-normal">{p.bucket.replace("T", " ") + (p.bucket.includes("T") ? ":00" : "")}</th>
                  {MODES.map((m) => <td key={m} className="px-2 py-1 text-right">{formatInt(p[metric][m])}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
