import { PolicyEditor } from "@/components/admin/policy-editor";
import { SchoolPicker } from "@/components/admin/school-picker";
import { PageTitle } from "@/components/admin/ui";
import { requirePageRole } from "@/lib/auth/guards";
import { defaultPolicy } from "@/lib/budget/policy";
import { listPolicies } from "@/lib/db/admin-policies";
import { pageSchoolContext } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// /admin/budgets – how much AI each student may use: school defaults and caps, grade bands, classes, students.
export default async function BudgetsPage({ searchParams }: { searchParams: Promise<{ school?: string }> }) {
  const user = await requirePageRole(["ADMIN", "SUPER_ADMIN"]);
  const db = getPrisma();
  const { schoolId, schoolName, schools } = await pageSchoolContext({ db, user, requested: (await searchParams).school });
  const policies = schoolId ? await listPolicies({ db, schoolId }) : null;
  return (
    <>
      <PageTitle title="Budgets" subtitle={`${schoolName ?? "Choose a school"} — changes apply to each student's next message.`} />
      {user.role === "SUPER_ADMIN" && <SchoolPicker schools={schools} current={schoolId} />}
      {policies && <PolicyEditor initial={policies} schoolId={user.role === "SUPER_ADMIN" ? schoolId : null} defaults={defaultPolicy(env)} />}
    </>
  );
}
