"use client";
// One budget policy row: blank fields inherit from the level above (shown as the placeholder).
import { useState, type FormEvent } from "react";
import { FIELD_LABELS, POLICY_FIELDS, type PolicyField } from "@/lib/admin/policy-input";
import type { PolicyView } from "@/lib/db/admin-policies";
import { adminFetch, withSchool } from "./admin-api";
import { buttonClass, dangerButtonClass, Feedback, inputClass } from "./ui";

type Field = PolicyField | "monthlyTokenCap" | "monthlyCostCapUsd";

const HELP: Partial<Record<Field, string>> = {
  nearBudgetRatio: "0–1: past this share of the budget, answers become concise.",
  dailyTokenCap: "Tokens per day on top of the window budget.",
  monthlyCostCapUsd: "Estimated with the price table; at the cap answers come from practice mode.",
};

export function PolicyForm({
  policy,
  schoolId,
  inherited,
  monthly = false,
  removable = false,
  onSaved,
}: {
  policy: PolicyView;
  schoolId: string | null;
  /** What a blank field falls back to, for the placeholder. */
  inherited: Partial<Record<Field, number | null>>;
  monthly?: boolean;
  removable?: boolean;
  onSaved: () => void;
}) {
  const fields: Field[] = monthly ? [...POLICY_FIELDS, "monthlyTokenCap", "monthlyCostCapUsd"] : [...POLICY_FIELDS];
  const [values, setValues] = useState<Record<Field, string>>(() => Object.fromEntries(fields.map((f) => [f, policy[f] == null ? "" : String(policy[f])])) as Record<Field, string>);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, unknown> = { scope: policy.scope, ...(schoolId && { schoolId }) };
    for (const f of fields) {
      const raw = values[f].trim();
      if (raw === "") continue;
      const n = Number(raw);
      if (!Number.isFinite(n)) return setFeedback({ kind: "error", text: `${FIELD_LABELS[f]} must be a number.` });
      body[f] = n;
    }
    await run(() => adminFetch("/api/admin/policies", { method: "PUT", body }), "Saved. It applies to the next message each student sends.");
  }

  async function remove() {
    await run(() => adminFetch(withSchool(`/api/admin/policies?scope=${encodeURIComponent(policy.scope)}`, schoolId), { method: "DELETE" }), "Override removed.");
  }

  async function run(call: () => Promise<unknown>, ok: string) {
    setBusy(true);
    try {
      await call();
      setFeedback({ kind: "ok", text: ok });
      onSaved();
    } catch (err) {
      setFeedback({ kind: "error", text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  const idFor = (f: Field) => `${policy.scope.replace(/[^a-z0-9]/gi, "-")}-${f}`;
  return (
    <form onSubmit={save} data-testid="policy-form" data-scope={policy.scope} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" noValidate>
      {fields.map((f) => (
        <div key={f}>
          <label htmlFor={idFor(f)} className="block text-xs font-medium text-slate-700">
            {FIELD_LABELS[f]}
          </label>
          <input
            id={idFor(f)}
            inputMode="decimal"
            className={`${inputClass} mt-1`}
            value={values[f]}
            placeholder={inherited[f] == null ? "inherit" : `${inherited[f]} (inherited)`}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          />
          {HELP[f] && <p className="mt-0.5 text-xs text-slate-500">{HELP[f]}</p>}
        </div>
      ))}
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClass} disabled={busy}>
          Save
        </button>
        {removable && (
          <button type="button" className={dangerButtonClass} disabled={busy} onClick={remove}>
            Remove override
          </button>
        )}
      </div>
      <div className="sm:col-span-2 lg:col-span-4">
        <Feedback state={feedback} testId="policy-feedback" />
      </div>
    </form>
  );
}
