// The audit log: who changed what, and for each change the fields whose values differ before → after.
import type { AuditRow } from "@/lib/db/admin-audit";
import { EmptyState } from "./ui";

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));

function changes(before: unknown, after: unknown): { field: string; from: unknown; to: unknown }[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null))
    .map((field) => ({ field, from: b[field], to: a[field] }));
}

export function AuditTable({ entries }: { entries: AuditRow[] }) {
  if (entries.length === 0) return <EmptyState>No changes recorded yet.</EmptyState>;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Audit log, newest first</caption>
      <thead className="bg-slate-100 text-slate-700">
        <tr>
          <th scope="col" className="px-3 py-2">When (UTC)</th>
          <th scope="col" className="px-3 py-2">Who</th>
          <th scope="col" className="px-3 py-2">What</th>
          <th scope="col" className="px-3 py-2">Change</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid="audit-row" data-action={e.action} data-target={e.targetId ?? ""} className="border-t border-slate-100 align-top">
            <td className="whitespace-nowrap px-3 py-2"><time dateTime={e.at}>{e.at.slice(0, 19).replace("T", " ")}</time></td>
            <td className="px-3 py-2">{e.actor ? `${e.actor.name} <${e.actor.email}>` : "—"}</td>
            <td className="px-3 py-2">
              <span className="font-mono">{e.action}</span>
              <span className="block text-xs text-slate-500">{e.targetType} {e.targetId}</span>
            </td>
            <td className="px-3 py-2">
              <ul>
                {changes(e.before, e.after).map((c) => (
                  <li key={c.field} data-testid="audit-change" data-field={c.field}>
                    {c.field}: {show(c.from)} → {show(c.to)}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
