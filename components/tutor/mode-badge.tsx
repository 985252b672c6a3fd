"use client";
import { modeLabel } from "@/lib/tutor/reasons";
import type { Mode } from "@/lib/tutor/types";

const TONE: Record<Mode, string> = {
  full: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  concise: "bg-sky-50 text-sky-800 ring-sky-200",
  cached: "bg-violet-50 text-violet-800 ring-violet-200",
  batched: "bg-violet-50 text-violet-800 ring-violet-200",
  fallback: "bg-amber-50 text-amber-900 ring-amber-200",
};

export function ModeBadge({ mode, reasonText }: { mode: Mode; reasonText?: string }) {
  return (
    <p className="mt-2 flex flex-wrap items-center gap-2 text-xs">
      <span data-testid="mode-badge" data-mode={mode} className={`rounded-full px-2 py-0.5 font-medium ring-1 ${TONE[mode]}`}>
        {modeLabel(mode)}
      </span>
      {reasonText && <span data-testid="mode-reason" className="text-slate-600">{reasonText}</span>}
    </p>
  );
}
