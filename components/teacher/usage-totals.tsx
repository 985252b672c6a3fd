// The range's headline numbers: messages, tokens, estimated cost, students who used the tutor (and
// who is on it right now), and how many answers were not full answers.
import type { UsageTotals } from "@/lib/db/usage-class";
import { formatCompact, formatInt, formatPercent, formatUsd } from "./format";
import { ModeShareBar } from "./mode-share-bar";

export function UsageTotalsCards({ totals, students, activeNow }: { totals: UsageTotals; students: number; activeNow: number }) {
  const degraded = totals.messages - totals.byMode.full;
  const cards: { label: string; value: string; testId: string; hint?: string }[] = [
    { label: "Messages", value: formatInt(totals.messages), testId: "total-messages" },
    { label: "Tokens", value: formatCompact(totals.tokens), testId: "total-tokens" },
    { label: "Estimated cost", value: formatUsd(totals.costUsd), testId: "total-cost" },
    { label: "Students who used it", value: `${formatInt(totals.activeStudents)} of ${formatInt(students)}`, testId: "total-students" },
    { label: "Active now", value: formatInt(activeNow), testId: "active-now", hint: "Used the tutor in the last 15 minutes" },
    { label: "Not full answers", value: totals.messages ? formatPercent(degraded / totals.messages) : "—", testId: "total-degraded", hint: "Shorter answers, saved answers or practice mode" },
  ];
  return (
    <section aria-label="Totals for the range" className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7">
      {cards.map((c) => (
        <div key={c.label} className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200" title={c.hint}>
          <p className="text-xs text-slate-600">{c.label}</p>
          <p className="mt-1 text-xl font-semibold" data-testid={c.testId}>{c.value}</p>
        </div>
      ))}
      <div className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <p className="text-xs text-slate-600">Answers by mode</p>
        <ModeShareBar counts={totals.byMode} className="mt-3" />
      </div>
    </section>
  );
}
