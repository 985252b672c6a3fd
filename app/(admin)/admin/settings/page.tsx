import { SchoolPicker } from "@/components/admin/school-picker";
import { SettingsForm } from "@/components/admin/settings-form";
import { PageTitle, Section } from "@/components/admin/ui";
import { requirePageRole } from "@/lib/auth/guards";
import { getSchoolSettings, pageSchoolContext } from "@/lib/db/admin-schools";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// /admin/settings – transcript retention, the alert webhook, and where one student's data is exported or deleted.
export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ school?: string }> }) {
  const user = await requirePageRole(["ADMIN", "SUPER_ADMIN"]);
  const db = getPrisma();
  const { schoolId, schoolName, schools } = await pageSchoolContext({ db, user, requested: (await searchParams).school });
  const settings = schoolId ? await getSchoolSettings({ db, schoolId }) : null;
  return (
    <>
      <PageTitle title="Settings & privacy" subtitle={schoolName ?? "Choose a school"} />
      {user.role === "SUPER_ADMIN" && <SchoolPicker schools={schools} current={schoolId} />}
      {settings && <SettingsForm initial={settings} schoolId={user.role === "SUPER_ADMIN" ? schoolId : null} />}
      {settings && (
        <Section title="Share of the AI key">
          <p className="text-sm text-slate-700">
            {settings.keyShare === null ? "No cap: this school may use any free capacity of the district's key." : `This school may use at most ${Math.round(settings.keyShare * 100)} % of the district's key per minute.`} The district administrator sets this.
          </p>
        </Section>
      )}
      {settings && (
        <Section title="One student's data">
          <p className="text-sm text-slate-700">
            Find the student under People, then use <strong>Export data</strong> (everything stored about them, as JSON) or <strong>Delete transcripts</strong>. Deleting transcripts never resets a budget or the usage totals.
          </p>
        </Section>
      )}
    </>
  );
}
