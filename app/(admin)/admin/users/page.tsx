import { RosterImport } from "@/components/admin/roster-import";
import { SchoolPicker } from "@/components/admin/school-picker";
import { buttonClass, inputClass, PageTitle, Section } from "@/components/admin/ui";
import { UserTable } from "@/components/admin/user-table";
import { requirePageRole } from "@/lib/auth/guards";
import type { Role } from "@/lib/auth/roles";
import { pageSchoolContext } from "@/lib/db/admin-schools";
import { listSchoolUsers } from "@/lib/db/admin-users";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";
const ROLES = ["STUDENT", "TEACHER", "ADMIN"] as const;

// /admin/users – the school's people: find, set grades, deactivate, reset passwords, import a roster.
export default async function UsersPage({ searchParams }: { searchParams: Promise<{ school?: string; role?: string; q?: string }> }) {
  const user = await requirePageRole(["ADMIN", "SUPER_ADMIN"]);
  const params = await searchParams;
  const db = getPrisma();
  const { schoolId, schoolName, schools } = await pageSchoolContext({ db, user, requested: params.school });
  const role = ROLES.find((r) => r === params.role) as Role | undefined;
  const q = params.q?.trim().slice(0, 100) || undefined;
  const users = schoolId ? await listSchoolUsers({ db, schoolId, role, q }) : [];
  return (
    <>
      <PageTitle title="People" subtitle={schoolName ?? "Choose a school"} />
      {user.role === "SUPER_ADMIN" && <SchoolPicker schools={schools} current={schoolId} />}
      {schoolId && (
        <>
          <Section title="Find people" description="Showing up to 200; search to narrow it down.">
            <form className="flex flex-wrap items-end gap-2" role="search">
              {params.school && <input type="hidden" name="school" value={params.school} />}
              <label className="text-sm font-medium">
                Name or email
                <input name="q" defaultValue={q} className={`${inputClass} mt-1`} />
              </label>
              <label className="text-sm font-medium">
                Role
                <select name="role" defaultValue={role ?? ""} className={`${inputClass} mt-1`}>
                  <option value="">Everyone</option>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>{r.toLowerCase()}</option>
                  ))}
                </select>
              </label>
              <button type="submit" className={buttonClass}>Search</button>
            </form>
            <div className="mt-4 overflow-x-auto">
              <UserTable users={users} />
            </div>
          </Section>
          <RosterImport schoolId={user.role === "SUPER_ADMIN" ? schoolId : null} />
        </>
      )}
    </>
  );
}
