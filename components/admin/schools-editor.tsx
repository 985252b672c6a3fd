"use client";
// The district's schools and each one's maximum share of the shared key (RPM, ITPM and OTPM alike).
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { SchoolRow } from "@/lib/db/admin-schools";
import { adminFetch } from "./admin-api";
import { buttonClass, Feedback, inputClass, quietButtonClass, Section } from "./ui";

const toPercent = (share: number | null) => (share === null ? "" : String(Math.round(share * 1000) / 10));
const fromPercent = (v: string) => (v.trim() === "" ? null : Number(v) / 100);

function ShareForm({ school, onResult }: { school: SchoolRow; onResult: (f: { kind: "ok" | "error"; text: string }) => void }) {
  const router = useRouter();
  const [value, setValue] = useState(toPercent(school.keyShare));
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await adminFetch(`/api/admin/schools/${school.id}`, { method: "PATCH", body: { keyShare: fromPercent(value) } });
      onResult({ kind: "ok", text: `${school.name}: ${value.trim() ? `at most ${value} % of the key` : "no cap"}. The governor applies it within 10 seconds.` });
      router.refresh();
    } catch (err) {
      onResult({ kind: "error", text: (err as Error).message });
    }
  }
  return (
    <form onSubmit={save} className="flex items-center gap-2">
      <input aria-label={`Share of the key for ${school.name} (%)`} inputMode="decimal" className={`${inputClass} w-24`} value={value} placeholder="no cap" onChange={(e) => setValue(e.target.value)} />
      <span className="text-sm">%</span>
      <button type="submit" className={quietButtonClass}>Save</button>
    </form>
  );
}

export function SchoolsEditor({ schools }: { schools: SchoolRow[] }) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [draft, setDraft] = useState({ name: "", slug: "", share: "", adminName: "", adminEmail: "" });
  const total = schools.reduce((s, x) => s + (x.keyShare ?? 0), 0);

  async function create(e: FormEvent) {
    e.preventDefault();
    try {
      const admin = draft.adminEmail.trim() ? { email: draft.adminEmail.trim(), name: draft.adminName.trim() } : undefined;
      const r = await adminFetch<{ adminPassword: string | null }>("/api/admin/schools", { method: "POST", body: { name: draft.name, slug: draft.slug, keyShare: fromPercent(draft.share), admin } });
      setFeedback({ kind: "ok", text: `${draft.name} created.${r.adminPassword ? ` ${admin!.email} can sign in with the password ${r.adminPassword} (shown once).` : ""}` });
      setDraft({ name: "", slug: "", share: "", adminName: "", adminEmail: "" });
      router.refresh();
    } catch (err) {
      setFeedback({ kind: "error", text: (err as Error).message });
    }
  }

  return (
    <>
      <Section title="Schools on the key" description={`A share caps a school at that part of every limit of the key; unlisted capacity stays shared. Caps set add up to ${Math.round(total * 100)} %.`} testId="schools">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Schools and their share of the key</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">School</th>
              <th scope="col" className="px-3 py-2 text-right">Students</th>
              <th scope="col" className="px-3 py-2 text-right">Admins</th>
              <th scope="col" className="px-3 py-2">Share of the key</th>
            </tr>
          </thead>
          <tbody>
            {schools.map((s) => (
              <tr key={s.id} data-testid="school-row" data-school-id={s.id} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-2 font-medium">{s.name}<span className="block text-xs font-normal text-slate-500">{s.slug}</span></th>
                <td className="px-3 py-2 text-right">{s.students}</td>
                <td className="px-3 py-2 text-right">{s.admins}</td>
                <td className="px-3 py-2"><ShareForm school={s} onResult={setFeedback} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <Feedback state={feedback} testId="schools-feedback" />
      </Section>
      <Section title="Add a school">
        <form onSubmit={create} className="flex flex-wrap items-end gap-2">
          {([["name", "Name"], ["slug", "Short name (slug)"], ["share", "Share of the key (%)"], ["adminName", "First admin's name"], ["adminEmail", "First admin's email"]] as const).map(([k, label]) => (
            <label key={k} className="text-sm font-medium">
              {label}
              <input className={`${inputClass} mt-1`} value={draft[k]} onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))} />
            </label>
          ))}
          <button type="submit" className={buttonClass}>Create school</button>
        </form>
      </Section>
    </>
  );
}
