import Link from "next/link";
import { AuditTable } from "@/components/admin/audit-table";
import { SchoolPicker } from "@/components/admin/school-picker";
import { PageTitle, Section } from "@/components/admin/ui";
import { requirePageRole } from "@/lib/auth/guards";
import { listAuditLog } from "@/lib/db/admin-audit";
import { pageSchoolContext } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";
const PAGE = 100;

// /admin/audit – every admin change: who, what, before and after.
export default async function AuditPage({ searchParams }: { searchParams: Promise<{ school?: string; before?: string }> }) {
  const user = await requirePageRole(["ADMIN", "SUPER_ADMIN"]);
  const params = await searchParams;
  const db = getPrisma();
  const { schoolId, schoolName, schools } = await pageSchoolContext({ db, user, requested: params.school });
  const before = params.before && !Number.isNaN(Date.parse(params.before)) ? new Date(params.before) : undefined;
  // A super-admin with no school picked sees every entry, district changes included.
  const entries = await listAuditLog({ db, schoolId: user.role === "SUPER_ADMIN" ? schoolId : user.schoolId, limit: PAGE, before });
  const older = entries.length === PAGE ? `?${new URLSearchParams({ ...(params.school && { school: params.school }), before: entries.at(-1)!.at })}` : null;
  return (
    <>
      <PageTitle title="Audit log" subtitle={schoolName ?? "Every school and the district"} />
      {user.role === "SUPER_ADMIN" && <SchoolPicker schools={schools} current={schoolId} />}
      <Section title="Changes, newest first">
        <div className="overflow-x-auto">
          <AuditTable entries={entries} />
        </div>
        {older && (
          <Link className="mt-3 inline-block text-indigo-700 underline" href={older}>
            Older changes
          </Link>
        )}
      </Section>
    </>
  );
}
