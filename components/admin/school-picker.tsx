"use client";
// A super-admin's choice of school for the school-scoped pages; it lives in the URL (?school=).
import { usePathname, useRouter } from "next/navigation";
import { inputClass } from "./ui";

export function SchoolPicker({ schools, current }: { schools: { id: string; name: string }[]; current: string | null }) {
  const router = useRouter();
  const path = usePathname();
  return (
    <label className="mt-4 block max-w-sm text-sm font-medium">
      School
      <select
        aria-label="School"
        className={`${inputClass} mt-1`}
        value={current ?? ""}
        onChange={(e) => router.push(e.target.value ? `${path}?school=${encodeURIComponent(e.target.value)}` : path)}
      >
        <option value="">Choose a school…</option>
        {schools.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
