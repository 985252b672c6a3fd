import Link from "next/link";
import { NotificationList } from "@/components/admin/notification-list";
import { SchoolPicker } from "@/components/admin/school-picker";
import { PageTitle, Section } from "@/components/admin/ui";
import { ClassTable } from "@/components/class-table";
import { getAdminServices } from "@/lib/admin/wiring";
import { requirePageRole } from "@/lib/auth/guards";
import { listNotifications } from "@/lib/db/admin-notifications";
import { pageSchoolContext } from "@/lib/db/admin-schools";
import { listSchoolClasses } from "@/lib/db/classes";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// /admin – the school at a glance: alerts, this month against the cap, every class and today's use.
export default async function AdminHome({ searchParams }: { searchParams: Promise<{ school?: string }> }) {
  const user = await requirePageRole(["ADMIN", "SUPER_ADMIN"]);
  const db = getPrisma();
  const { schoolId, schoolName, schools } = await pageSchoolContext({ db, user, requested: (await searchParams).school });
  const [classes, alerts, month] = await Promise.all([
    schoolId ? listSchoolClasses({ db, schoolId }) : [],
    listNotifications({ db, schoolId: user.role === "SUPER_ADMIN" ? schoolId : user.schoolId }),
    schoolId ? getAdminServices().monthStandings(schoolId).catch(() => null) : null,
  ]);
  return (
    <>
      <PageTitle title={schoolName ?? "District"} subtitle={schoolId ? "Alerts, this month's AI use and every class today." : "Pick a school to manage it, or use the district pages."} />
      {user.role === "SUPER_ADMIN" && <SchoolPicker schools={schools} current={schoolId} />}
      <Section title="Alerts" testId="alerts">
        <NotificationList items={alerts} />
      </Section>
      {month && (
        <Section title={`This month (${month.month})`} testId="month-standing">
          <p className="text-sm">
            {month.tokens.toLocaleString("en")} tokens · about ${month.costUsd.toFixed(2)}
            {month.used !== null ? ` · ${Math.round(month.used * 100)} % of the monthly cap` : " · no monthly cap set"}.{" "}
            <Link className="text-indigo-700 underline" href={`/admin/budgets${user.role === "SUPER_ADMIN" ? `?school=${schoolId}` : ""}`}>
              Budgets and caps
            </Link>
          </p>
        </Section>
      )}
      {schoolId && (
        <Section title="Classes today">
          <ClassTable classes={classes} caption="Classes in this school and today's tutor use" />
        </Section>
      )}
    </>
  );
}
