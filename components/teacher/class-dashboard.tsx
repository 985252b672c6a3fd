"use client";
// The class page's live part: the range, totals, charts, students and topics, refreshed from the
// dashboard API every few seconds while the tab is visible (no reload).
import { useState } from "react";
import type { ClassDashboard as Dashboard } from "@/lib/db/teacher-dashboard";
import { ActivityHeatmap } from "./activity-heatmap";
import { formatTime } from "./format";
import { RangePicker, rangeQuery, type RangeValue } from "./range-picker";
import { StudentTable } from "./student-table";
import { TopicsPanel } from "./topics-panel";
import { UsageChart } from "./usage-chart";
import { UsageTotalsCards } from "./usage-totals";
import { usePolling } from "./use-polling";

const LIVE_REFRESH_MS = 5_000;

export function ClassDashboard({ initial, initialRange }: { initial: Dashboard; initialRange: RangeValue }) {
  const classId = initial.class.id;
  const [range, setRange] = useState<RangeValue>(initialRange);
  const query = rangeQuery(range);
  const { data, error } = usePolling<Dashboard>(`/api/teacher/classes/${classId}?${query}`, initial, LIVE_REFRESH_MS);
  const d = data ?? initial;
  const tz = d.class.timeZone;

  function changeRange(next: RangeValue) {
    setRange(next);
    // Kept in the address so a reload or a shared link opens the same range.
    window.history.replaceState(null, "", `?${rangeQuery(next)}`);
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <RangePicker value={range} onChange={changeRange} fromDate={d.range.fromDate} toDate={d.range.toDate} />
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <a href={`/api/teacher/classes/${classId}/export?kind=daily&${query}`} download data-testid="export-daily" className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50">Export CSV (per student per day)</a>
          <a href={`/api/teacher/classes/${classId}/export?kind=turns&${query}`} download data-testid="export-turns" className="rounded-md px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50">Export CSV (every turn)</a>
        </div>
      </div>
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="live-status">
        {d.range.fromDate === d.range.toDate ? d.range.fromDate : `${d.range.fromDate} to ${d.range.toDate}`} · school time ({tz}) ·{" "}
        {error ? <span role="alert" className="text-rose-700">{error} Showing figures from {formatTime(d.generatedAt, tz)}.</span> : <>Live, updated {formatTime(d.generatedAt, tz)}</>}
      </p>
      <UsageTotalsCards totals={d.usage.totals} students={d.students.length} activeNow={d.students.filter((s) => s.activeNow).length} />
      <div className="grid gap-6 xl:grid-cols-2">
        <UsageChart series={d.usage.series} title={d.range.bucket === "hour" ? "Use per hour, by answer mode" : "Use per day, by answer mode"} />
        <ActivityHeatmap cells={d.usage.heatmap} />
      </div>
      <StudentTable classId={classId} students={d.students} now={Date.parse(d.generatedAt)} timeZone={tz} />
      <TopicsPanel classId={classId} query={query} />
    </div>
  );
}
