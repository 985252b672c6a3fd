import { ClassEditor } from "@/components/admin/class-editor";
import { SchoolPicker } from "@/components/admin/school-picker";
import { EmptyState, PageTitle, Section } from "@/components/admin/ui";
import { requirePageRole } from "@/lib/auth/guards";
import { listClassesWithTeachers } from "@/lib/db/admin-classes";
import { pageSchoolContext } from "@/lib/db/admin-schools";
import { listSchoolUsers } from "@/lib/db/admin-users";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// /admin/classes – create classes and assign their teachers.
export default async function ClassesPage({ searchParams }: { searchParams: Promise<{ school?: string }> }) {
  const user = await requirePageRole(["ADMIN", "SUPER_ADMIN"]);
  const db = getPrisma();
  const { schoolId, schoolName, schools } = await pageSchoolContext({ db, user, requested: (await searchParams).school });
  const [classes, teachers] = schoolId ? await Promise.all([listClassesWithTeachers({ db, schoolId }), listSchoolUsers({ db, schoolId, role: "TEACHER" })]) : [[], []];
  const active = teachers.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name }));
  const forApi = user.role === "SUPER_ADMIN" ? schoolId : null;
  return (
    <>
      <PageTitle title="Classes" subtitle={schoolName ?? "Choose a school"} />
      {user.role === "SUPER_ADMIN" && <SchoolPicker schools={schools} current={schoolId} />}
      {schoolId && (
        <>
          <Section title="New class">
            <ClassEditor teachers={active} schoolId={forApi} />
          </Section>
          <Section title="Classes" description="Students join classes through a roster import (People).">
            {classes.length === 0 && <EmptyState>No classes yet.</EmptyState>}
            {classes.map((c) => (
              <details key={c.id} data-testid="class-item" className="border-t border-slate-100 py-2">
                <summary className="cursor-pointer">
                  <span className="font-medium">{c.name}</span>{" "}
                  <span className="text-sm text-slate-600">
                    — {c.subject ?? "no subject"}, grade {c.gradeLevel === null ? "—" : c.gradeLevel === 0 ? "K" : c.gradeLevel}, {c.students} student(s), taught by {c.teachers.map((t) => t.name).join(", ") || "nobody yet"}
                  </span>
                </summary>
                <div className="mt-3">
                  <ClassEditor cls={c} teachers={active} schoolId={forApi} />
                </div>
              </details>
            ))}
          </Section>
        </>
      )}
    </>
  );
}
