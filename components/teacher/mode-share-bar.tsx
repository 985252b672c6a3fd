// A thin stacked bar of answers by mode, with the same numbers in words for screen readers.
import { modeLabel } from "@/lib/tutor/reasons";
import { MODES } from "@/lib/tutor/types";
import type { ModeCounts } from "@/lib/db/usage-modes";
import { formatPercent } from "./format";
import { MODE_COLOR } from "./mode-colors";

export function ModeShareBar({ counts, className = "" }: { counts: ModeCounts; className?: string }) {
  const total = MODES.reduce((n, m) => n + counts[m], 0);
  if (total === 0) return <span className={`block text-xs text-slate-500 ${className}`}>No answers</span>;
  const parts = MODES.filter((m) => counts[m] > 0);
  const words = parts.map((m) => `${modeLabel(m)} ${formatPercent(counts[m] / total)}`).join(", ");
  return (
    <span className={`block ${className}`} title={words}>
      <span aria-hidden="true" className="flex h-2.5 w-full min-w-24 overflow-hidden rounded-full bg-slate-100">
        {parts.map((m) => (
          <span key={m} style={{ width: `${(counts[m] / total) * 100}%`, backgroundColor: MODE_COLOR[m] }} />
        ))}
      </span>
      <span className="sr-only">{words}</span>
    </span>
  );
}
