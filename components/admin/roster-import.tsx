"use client";
// Roster import: pick or paste a CSV; every line is checked and the whole file is imported or none of
// it. Generated passwords are shown once, with a download to hand them out.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { RosterResult } from "@/lib/db/admin-roster";
import { AdminApiError, adminFetch } from "./admin-api";
import { buttonClass, Feedback, inputClass, Section } from "./ui";

const EXAMPLE = "email,name,role,grade,class\nada@school.test,Ada Lovelace,student,7,Maths 7\ngrace@school.test,Grace Hopper,teacher,,Maths 7";

export function RosterImport({ schoolId }: { schoolId: string | null }) {
  const router = useRouter();
  const [csv, setCsv] = useState("");
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [lines, setLines] = useState<{ line: number; message: string }[]>([]);
  const [result, setResult] = useState<RosterResult | null>(null);

  async function submit() {
    setBusy(true);
    setLines([]);
    setResult(null);
    try {
      const { imported } = await adminFetch<{ imported: RosterResult }>("/api/admin/roster", { method: "POST", body: { csv, ...(schoolId && { schoolId }) } });
      setResult(imported);
      setFeedback({ kind: "ok", text: `Imported: ${imported.created.length} new account(s), ${imported.updated} updated, ${imported.assigned} class place(s) added.` });
      router.refresh();
    } catch (err) {
      setFeedback({ kind: "error", text: (err as Error).message });
      if (err instanceof AdminApiError) setLines(err.lines);
    } finally {
      setBusy(false);
    }
  }

  const generated = result?.created.filter((c) => c.password) ?? [];
  const credentials = `data:text/csv;charset=utf-8,${encodeURIComponent(["email,temporary_password", ...generated.map((c) => `${c.email},${c.password}`)].join("\n"))}`;
  return (
    <Section title="Import a roster (CSV)" description="Columns: email, name, role (student or teacher), grade (K–12), class (an existing class name), password (optional: one is generated). Nothing is imported unless every line is valid." testId="roster-import">
      <label className="block text-sm font-medium">
        CSV file
        <input
          type="file"
          accept=".csv,text/csv"
          className="mt-1 block text-sm"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setCsv(await file.text());
          }}
        />
      </label>
      <label className="mt-3 block text-sm font-medium">
        Roster
        <textarea aria-label="Roster CSV" rows={6} className={`${inputClass} mt-1 font-mono`} placeholder={EXAMPLE} value={csv} onChange={(e) => setCsv(e.target.value)} />
      </label>
      <button type="button" className={`${buttonClass} mt-3`} disabled={busy || !csv.trim()} onClick={submit}>
        {busy ? "Importing…" : "Import"}
      </button>
      <Feedback state={feedback} testId="roster-feedback" />
      {lines.length > 0 && (
        <ul data-testid="roster-errors" className="mt-2 list-disc pl-5 text-sm text-rose-900">
          {lines.map((l, i) => (
            <li key={i} data-line={l.line}>
              Line {l.line}: {l.message}
            </li>
          ))}
        </ul>
      )}
      {generated.length > 0 && (
        <p className="mt-2 text-sm">
          {generated.length} account(s) got a generated password, shown only now.{" "}
          <a className="text-indigo-700 underline" href={credentials} download="roster-passwords.csv">
            Download the passwords
          </a>
        </p>
      )}
    </Section>
  );
}
