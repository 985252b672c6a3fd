"use client";
// Today / 7 days / 30 days / custom dates. A custom range applies only when both dates are set.
import { useState } from "react";
import type { RangePreset } from "@/lib/db/usage-range";

export interface RangeValue {
  preset: RangePreset;
  from?: string;
  to?: string;
}

const PRESETS: { preset: Exclude<RangePreset, "custom">; label: string }[] = [
  { preset: "today", label: "Today" },
  { preset: "7d", label: "7 days" },
  { preset: "30d", label: "30 days" },
];

export function rangeQuery(v: RangeValue): string {
  const q = new URLSearchParams({ range: v.preset });
  if (v.preset === "custom" && v.from && v.to) {
    q.set("from", v.from);
    q.set("to", v.to);
  }
  return q.toString();
}

export function RangePicker({ value, onChange, fromDate, toDate }: { value: RangeValue; onChange: (v: RangeValue) => void; fromDate: string; toDate: string }) {
  const [custom, setCustom] = useState(value.preset === "custom");
  const [from, setFrom] = useState(value.from ?? fromDate);
  const [to, setTo] = useState(value.to ?? toDate);
  const button = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ring-1 ${active ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`;
  return (
    <div className="flex flex-wrap items-end gap-2" role="group" aria-label="Date range">
      {PRESETS.map((p) => (
        <button key={p.preset} type="button" aria-pressed={!custom && value.preset === p.preset} className={button(!custom && value.preset === p.preset)} onClick={() => {
          setCustom(false);
          onChange({ preset: p.preset });
        }}>
          {p.label}
        </button>
      ))}
      <button type="button" aria-pressed={custom} aria-expanded={custom} className={button(custom)} onClick={() => setCustom(true)}>Custom</button>
      {custom && (
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => {
          e.preventDefault();
          if (from && to) onChange({ preset: "custom", from, to });
        }}>
          <label className="text-xs text-slate-600">From
            <input type="date" required value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} className="mt-0.5 block rounded-md border border-slate-300 px-2 py-1 text-sm" />
          </label>
          <label className="text-xs text-slate-600">To
            <input type="date" required value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} className="mt-0.5 block rounded-md border border-slate-300 px-2 py-1 text-sm" />
          </label>
          <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">Apply</button>
        </form>
      )}
    </div>
  );
}
