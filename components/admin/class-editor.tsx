"use client";
// Create a class, or change one: name, subject, grade and which teachers teach it.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AdminClassRow } from "@/lib/db/admin-classes";
import { adminFetch } from "./admin-api";
import { buttonClass, Feedback, inputClass } from "./ui";

export function ClassEditor({ cls, teachers, schoolId }: { cls?: AdminClassRow; teachers: { id: string; name: string }[]; schoolId: string | null }) {
  const router = useRouter();
  const [name, setName] = useState(cls?.name ?? "");
  const [subject, setSubject] = useState(cls?.subject ?? "");
  const [grade, setGrade] = useState(cls?.gradeLevel == null ? "" : String(cls.gradeLevel));
  const [picked, setPicked] = useState<string[]>(cls?.teachers.map((t) => t.id) ?? []);
  const [feedback, setFeedback] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const prefix = cls ? `class-${cls.id}` : "new-class";

  async function save(e: FormEvent) {
    e.preventDefault();
    const body = { name, subject: subject.trim() || null, gradeLevel: grade === "" ? null : Number(grade), teacherIds: picked };
    try {
      if (cls) await adminFetch(`/api/admin/classes/${cls.id}`, { method: "PATCH", body });
      else await adminFetch("/api/admin/classes", { method: "POST", body: { ...body, ...(schoolId && { schoolId }) } });
      setFeedback({ kind: "ok", text: cls ? "Class saved." : `Class "${name}" created.` });
      if (!cls) setName("");
      router.refresh();
    } catch (err) {
      setFeedback({ kind: "error", text: (err as Error).message });
    }
  }

  return (
    <form onSubmit={save} className="grid gap-3 sm:grid-cols-4" data-testid={cls ? "class-edit" : "class-create"}>
      <label className="text-sm font-medium" htmlFor={`${prefix}-name`}>
        Name
        <input id={`${prefix}-name`} required className={`${inputClass} mt-1`} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="text-sm font-medium" htmlFor={`${prefix}-subject`}>
        Subject
        <input id={`${prefix}-subject`} className={`${inputClass} mt-1`} value={subject} onChange={(e) => setSubject(e.target.value)} />
      </label>
      <label className="text-sm font-medium" htmlFor={`${prefix}-grade`}>
        Grade
        <select id={`${prefix}-grade`} className={`${inputClass} mt-1`} value={grade} onChange={(e) => setGrade(e.target.value)}>
          <option value="">—</option>
          {Array.from({ length: 13 }, (_, i) => (
            <option key={i} value={i}>{i === 0 ? "K" : i}</option>
          ))}
        </select>
      </label>
      <fieldset className="text-sm">
        <legend className="font-medium">Teachers</legend>
        {teachers.length === 0 && <p className="text-slate-600">No teachers yet.</p>}
        {teachers.map((t) => (
          <label key={t.id} className="block">
            <input type="checkbox" checked={picked.includes(t.id)} onChange={(e) => setPicked((p) => (e.target.checked ? [...p, t.id] : p.filter((x) => x !== t.id)))} /> {t.name}
          </label>
        ))}
      </fieldset>
      <div className="sm:col-span-4">
        <button type="submit" className={buttonClass}>{cls ? "Save class" : "Create class"}</button>
        <Feedback state={feedback} testId="class-feedback" />
      </div>
    </form>
  );
}
