// A student's token budget in the current window, as the tutor sees it, and the top-up form.
import type { StudentBudget } from "@/lib/db/teacher-budgets";
import type { TopUpAllowance } from "@/lib/db/teacher-top-up";
import { formatInt, formatTime } from "./format";
import { TopUpForm } from "./top-up-form";

export function StudentBudgetCard(p: { classId: string; studentId: string; budget: StudentBudget | null; allowance: TopUpAllowance | null; timeZone: string }) {
  const b = p.budget;
  return (
    <section aria-labelledby="budget-heading" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="budget-heading" className="text-lg font-semibold">Tutor budget</h2>
      {!b ? (
        <p className="mt-2 text-sm text-slate-600">This student&apos;s budget can&apos;t be read (the account may be inactive).</p>
      ) : (
        <div data-testid="student-budget" data-remaining={b.remaining} data-limit={b.limit} data-status={b.status}>
          <p className="mt-2 text-2xl font-semibold">
            {formatInt(b.remaining)} <span className="text-base font-normal text-slate-600">of {formatInt(b.limit)} tokens left</span>
          </p>
          <div role="meter" aria-label="Budget left in this window" aria-valuemin={0} aria-valuemax={b.limit} aria-valuenow={b.remaining} className="mt-2 h-2 overflow-hidden rounded-full bg-slate-200">
            <div className={`h-full ${b.status === "over" ? "bg-rose-500" : b.status === "near" ? "bg-amber-500" : "bg-emerald-500"}`} style={{ width: `${b.limit > 0 ? Math.max(0, Math.min(100, (b.remaining / b.limit) * 100)) : 0}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-600">
            {b.status === "over" ? "Used up: answers come from practice mode until " : b.status === "near" ? "Near the limit: answers are shorter until " : "Refills fully at "}
            {formatTime(b.resetAt, p.timeZone)}.
          </p>
        </div>
      )}
      {b && p.allowance && <TopUpForm classId={p.classId} studentId={p.studentId} allowance={p.allowance} />}
    </section>
  );
}
