import { OpsView } from "@/components/admin/ops-view";
import { SchoolPicker } from "@/components/admin/school-picker";
import { PageTitle } from "@/components/admin/ui";
import { requirePageRole } from "@/lib/auth/guards";
import { pageSchoolContext } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// /admin/ops – the system during peaks: load level and why, the shared key's limits, queue, errors, recent use.
export default async function OpsPage({ searchParams }: { searchParams: Promise<{ school?: string }> }) {
  const user = await requirePageRole(["ADMIN", "SUPER_ADMIN"]);
  const { schoolId, schools } = await pageSchoolContext({ db: getPrisma(), user, requested: (await searchParams).school });
  return (
    <>
      <PageTitle title="Live operations" subtitle="Load and limits are shared by every school on the key; recent activity is for the school in view." />
      {user.role === "SUPER_ADMIN" && <SchoolPicker schools={schools} current={schoolId} />}
      <OpsView schoolId={user.role === "SUPER_ADMIN" ? schoolId : null} district={user.role === "SUPER_ADMIN" && !schoolId} />
    </>
  );
}
