"use client";
// Grants a student a one-off top-up for the current budget window. The server enforces the school's
// bounds; the form only offers what they allow and shows the server's answer either way.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TopUpAllowance, TopUpResult } from "@/lib/db/teacher-top-up";
import { formatInt } from "./format";

export function TopUpForm({ classId, studentId, allowance }: { classId: string; studentId: string; allowance: TopUpAllowance }) {
  const router = useRouter();
  const [tokens, setTokens] = useState(String(Math.min(1_000, allowance.remaining) || ""));
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const res = await fetch(`/api/teacher/classes/${classId}/students/${studentId}/top-up`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tokens: Number(tokens), ...(note.trim() ? { note: note.trim() } : {}) }),
      });
      const json = (await res.json().catch(() => null)) as { topUp?: TopUpResult; error?: { message: string } } | null;
      if (res.ok && json?.topUp) {
        const t = json.topUp;
        setResult({ ok: true, text: `Granted ${formatInt(t.granted)} tokens. ${formatInt(t.after.remaining)} of ${formatInt(t.after.limit)} left in this window.` });
        router.refresh();
      } else {
        setResult({ ok: false, text: json?.error?.message ?? "The top-up couldn't be granted. Please try again." });
      }
    } catch {
      setResult({ ok: false, text: "The server can't be reached. Please try again." });
    } finally {
      setBusy(false);
    }
  }

  if (allowance.remaining <= 0) {
    return <p className="mt-3 text-sm text-slate-600">This student has had a full window&apos;s budget in top-ups already. More can be granted when the window refills.</p>;
  }
  return (
    <form onSubmit={submit} className="mt-4 space-y-2" aria-describedby="top-up-help">
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm text-slate-700">Extra tokens
          <input type="number" name="tokens" required min={1} max={allowance.remaining} step={1} value={tokens} onChange={(e) => setTokens(e.target.value)} className="mt-0.5 block w-32 rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <label className="grow text-sm text-slate-700">Note (optional)
          <input type="text" name="note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} className="mt-0.5 block w-full rounded-md border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" disabled={busy} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
          {busy ? "Granting…" : "Grant top-up"}
        </button>
      </div>
      <p id="top-up-help" className="text-xs text-slate-500">
        For the current budget window only. Up to {formatInt(allowance.remaining)} more tokens can be granted now (at most {formatInt(allowance.perTopUp)} per window). Every top-up is recorded in the audit log.
      </p>
      {result && (
        <p role={result.ok ? "status" : "alert"} data-testid="top-up-result" data-ok={result.ok} className={`text-sm ${result.ok ? "text-emerald-800" : "text-rose-700"}`}>{result.text}</p>
      )}
    </form>
  );
}
