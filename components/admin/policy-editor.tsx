"use client";
// The budget policy editor: the school's defaults and monthly caps, then grade bands, classes and
// individual students, each overriding the level above field by field.
import { useCallback, useState } from "react";
import type { EffectivePolicy } from "@/lib/budget/policy";
import type { SchoolPolicies, PolicyView } from "@/lib/db/admin-policies";
import type { AdminUserRow } from "@/lib/db/admin-users";
import { adminFetch, withSchool } from "./admin-api";
import { PolicyForm } from "./policy-form";
import { inputClass, quietButtonClass, Section } from "./ui";

const summary = (p: PolicyView) =>
  [p.tokensPerWindow != null && `${p.tokensPerWindow.toLocaleString("en")} tokens`, p.windowSeconds != null && `per ${p.windowSeconds} s`, p.messagesPerWindow != null && `${p.messagesPerWindow} messages`, p.dailyTokenCap != null && `${p.dailyTokenCap.toLocaleString("en")}/day`]
    .filter(Boolean)
    .join(", ") || "inherits everything";

export function PolicyEditor({ initial, schoolId, defaults }: { initial: SchoolPolicies; schoolId: string | null; defaults: EffectivePolicy }) {
  const [policies, setPolicies] = useState(initial);
  const reload = useCallback(async () => {
    const { policies: next } = await adminFetch<{ policies: SchoolPolicies }>(withSchool("/api/admin/policies", schoolId));
    // Forms keep their own state (and their "Saved" confirmation) across the reload: keys stay stable.
    setPolicies(next);
  }, [schoolId]);
  const schoolLevel = Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, policies.school[k as keyof PolicyView] ?? v]));

  return (
    <>
      <Section title="Whole school" description="Every student's budget unless a grade band, class or student says otherwise. Blank fields use the server's defaults." testId="policy-school">
        <PolicyForm key="school" policy={policies.school} schoolId={schoolId} inherited={defaults} monthly onSaved={reload} />
      </Section>
      <Section title="Grade bands" description="Elementary is K–5, middle 6–8, high 9–12, by each student's grade level." testId="policy-grades">
        {policies.grades.map((g) => (
          <details key={g.scope} className="border-t border-slate-100 py-2">
            <summary className="cursor-pointer font-medium">
              {g.label} <span className="font-normal text-slate-600">— {summary(g)}</span>
            </summary>
            <div className="mt-3">
              <PolicyForm policy={g} schoolId={schoolId} inherited={schoolLevel} removable={g.updatedAt !== null} onSaved={reload} />
            </div>
          </details>
        ))}
      </Section>
      <Section title="Classes" description="A class override applies to the students whose first class it is." testId="policy-classes">
        {policies.classes.length === 0 && <p className="text-sm text-slate-600">No classes yet.</p>}
        {policies.classes.map((c) => (
          <details key={c.scope} data-testid="policy-class" data-class-id={c.classId} className="border-t border-slate-100 py-2">
            <summary className="cursor-pointer font-medium">
              {c.label} <span className="font-normal text-slate-600">— {c.hasOverride ? summary(c) : "no override"}</span>
            </summary>
            <div className="mt-3">
              <PolicyForm policy={c} schoolId={schoolId} inherited={schoolLevel} removable={c.hasOverride} onSaved={reload} />
            </div>
          </details>
        ))}
      </Section>
      <StudentOverrides policies={policies} schoolId={schoolId} inherited={schoolLevel} onSaved={reload} />
    </>
  );
}

function StudentOverrides({ policies, schoolId, inherited, onSaved }: { policies: SchoolPolicies; schoolId: string | null; inherited: Record<string, number | null>; onSaved: () => void }) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<AdminUserRow[] | null>(null);
  const [adding, setAdding] = useState<AdminUserRow | null>(null);

  async function search() {
    const { users } = await adminFetch<{ users: AdminUserRow[] }>(withSchool(`/api/admin/users?role=STUDENT&q=${encodeURIComponent(query)}`, schoolId));
    setFound(users.slice(0, 10));
  }

  const blank = (s: AdminUserRow): PolicyView => ({ scope: `student:${s.id}`, label: s.name, updatedAt: null, tokensPerWindow: null, windowSeconds: null, messagesPerWindow: null, messageWindowSeconds: null, dailyTokenCap: null, nearBudgetRatio: null, monthlyTokenCap: null, monthlyCostCapUsd: null });
  return (
    <Section title="Students" description="Overrides for individual students beat every other level." testId="policy-students">
      {policies.students.map((s) => (
        <details key={s.scope} className="border-t border-slate-100 py-2">
          <summary className="cursor-pointer font-medium">
            {s.label} <span className="font-normal text-slate-600">— {summary(s)}</span>
          </summary>
          <div className="mt-3">
            <PolicyForm policy={s} schoolId={schoolId} inherited={inherited} removable onSaved={onSaved} />
          </div>
        </details>
      ))}
      <div className="mt-4 flex max-w-lg gap-2">
        <input aria-label="Find a student by name or email" placeholder="Find a student by name or email" className={inputClass} value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" className={quietButtonClass} onClick={search}>
          Find
        </button>
      </div>
      {found && (
        <ul className="mt-2 text-sm">
          {found.length === 0 && <li className="text-slate-600">No student matches.</li>}
          {found.map((s) => (
            <li key={s.id}>
              <button type="button" className="text-indigo-700 underline" onClick={() => setAdding(s)}>
                {s.name} &lt;{s.email}&gt;
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <div className="mt-4 rounded-lg bg-slate-50 p-3">
          <p className="mb-2 text-sm font-medium">New override for {adding.name}</p>
          <PolicyForm
            key={adding.id}
            policy={blank(adding)}
            schoolId={schoolId}
            inherited={inherited}
            onSaved={() => {
              setAdding(null);
              onSaved();
            }}
          />
        </div>
      )}
    </Section>
  );
}
