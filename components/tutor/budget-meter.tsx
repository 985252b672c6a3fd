"use client";
import type { BudgetSnapshot } from "@/lib/tutor/types";

export function BudgetMeter({ budget, now }: { budget: BudgetSnapshot | null; now: number }) {
  if (!budget) return null;
  const pct = budget.limit > 0 ? Math.max(0, Math.min(100, Math.round((budget.remaining / budget.limit) * 100))) : 0;
  const refillIn = Math.max(0, Math.ceil((budget.resetAt - now) / 60_000));
  const tone = pct <= 10 ? "bg-rose-500" : pct <= 25 ? "bg-amber-500" : "bg-emerald-500";
  return (
    <div data-testid="budget-meter" data-remaining={budget.remaining} data-limit={budget.limit} className="w-56 text-xs text-slate-600">
      <div className="flex justify-between">
        <span>Tutor budget</span>
        <span>{pct}% left</span>
      </div>
      <div role="meter" aria-label="Tutor budget left" aria-valuemin={0} aria-valuemax={budget.limit} aria-valuenow={budget.remaining} className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200">
        <div className={`h-full ${tone}`} style={{ width: `${pct}%` }} />
      </div>
      {pct < 100 && <p className="mt-1">Refills fully in about {refillIn} min.</p>}
    </div>
  );
}
