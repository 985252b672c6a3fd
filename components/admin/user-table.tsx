"use client";
// A school's people with the actions an admin takes on one account: grade, deactivate, reset the
// password, and for students export or delete their data.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AdminUserRow } from "@/lib/db/admin-users";
import { adminFetch } from "./admin-api";
import { dangerButtonClass, EmptyState, Feedback, inputClass, quietButtonClass } from "./ui";

const GRADES = ["K", ...Array.from({ length: 12 }, (_, i) => String(i + 1))];

export function UserTable({ users }: { users: AdminUserRow[] }) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  async function act(call: () => Promise<string>) {
    try {
      setFeedback({ kind: "ok", text: await call() });
      router.refresh();
    } catch (err) {
      setFeedback({ kind: "error", text: (err as Error).message });
    }
  }
  const patch = (u: AdminUserRow, body: object, done: string) => act(async () => (await adminFetch(`/api/admin/users/${u.id}`, { method: "PATCH", body }), done));
  const reset = (u: AdminUserRow) =>
    act(async () => {
      const r = await adminFetch<{ generatedPassword: string }>(`/api/admin/users/${u.id}/password`, { method: "POST", body: {} });
      return `New password for ${u.email}: ${r.generatedPassword} (shown once).`;
    });
  const erase = (u: AdminUserRow) => {
    if (!window.confirm(`Delete all of ${u.name}'s conversations? Their usage totals and budget are kept.`)) return;
    void act(async () => {
      const r = await adminFetch<{ deleted: { conversations: number } }>(`/api/admin/students/${u.id}/data`, { method: "DELETE" });
      return `Deleted ${r.deleted.conversations} conversation(s) of ${u.name}.`;
    });
  };

  if (users.length === 0) return <EmptyState>Nobody matches.</EmptyState>;
  return (
    <>
      <Feedback state={feedback} testId="user-feedback" />
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">People in this school</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Name</th>
            <th scope="col" className="px-3 py-2">Role</th>
            <th scope="col" className="px-3 py-2">Grade</th>
            <th scope="col" className="px-3 py-2">Classes</th>
            <th scope="col" className="px-3 py-2">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row" data-email={u.email} className={`border-t border-slate-100 ${u.active ? "" : "text-slate-400"}`}>
              <th scope="row" className="px-3 py-2 font-medium">
                {u.name}
                <span className="block text-xs font-normal text-slate-500">{u.email}{u.active ? "" : " · deactivated"}</span>
              </th>
              <td className="px-3 py-2">{u.role.toLowerCase()}</td>
              <td className="px-3 py-2">
                {u.role === "STUDENT" && (
                  <select aria-label={`Grade of ${u.name}`} className={inputClass} value={u.gradeLevel === null ? "" : String(u.gradeLevel)} onChange={(e) => patch(u, { gradeLevel: e.target.value === "" ? null : Number(e.target.value) }, `Grade of ${u.name} saved.`)}>
                    <option value="">—</option>
                    {GRADES.map((g, i) => (
                      <option key={g} value={i}>{g}</option>
                    ))}
                  </select>
                )}
              </td>
              <td className="px-3 py-2">{u.classes.join(", ") || "—"}</td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-1">
                  <button type="button" className={quietButtonClass} onClick={() => patch(u, { active: !u.active }, `${u.name} ${u.active ? "deactivated" : "reactivated"}.`)}>
                    {u.active ? "Deactivate" : "Reactivate"}
                  </button>
                  <button type="button" className={quietButtonClass} onClick={() => reset(u)}>Reset password</button>
                  {u.role === "STUDENT" && (
                    <>
                      <a className={quietButtonClass} href={`/api/admin/students/${u.id}/export`}>Export data</a>
                      <button type="button" className={dangerButtonClass} onClick={() => erase(u)}>Delete transcripts</button>
                    </>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
