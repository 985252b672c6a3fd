import { CostReport } from "@/components/admin/cost-report";
import { PriceTable } from "@/components/admin/price-table";
import { SchoolPicker } from "@/components/admin/school-picker";
import { PageTitle } from "@/components/admin/ui";
import { requirePageRole } from "@/lib/auth/guards";
import { pageSchoolContext } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// /admin/reports – tokens and estimated cost per school, class, month and model; the price table.
export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ school?: string }> }) {
  const user = await requirePageRole(["ADMIN", "SUPER_ADMIN"]);
  const superAdmin = user.role === "SUPER_ADMIN";
  const { schoolId, schoolName, schools } = await pageSchoolContext({ db: getPrisma(), user, requested: (await searchParams).school });
  return (
    <>
      <PageTitle title="Costs" subtitle={schoolName ?? "Every school in the district"} />
      {superAdmin && <SchoolPicker schools={schools} current={schoolId} />}
      <CostReport schoolId={superAdmin ? schoolId : null} district={superAdmin && !schoolId} />
      <PriceTable editable={superAdmin} />
    </>
  );
}
