import { AppHeader } from "@/components/app-header";
import { AutoRefresh } from "@/components/teacher/auto-refresh";
import { ClassOverviewTable } from "@/components/teacher/class-overview-table";
import { requirePageRole } from "@/lib/auth/guards";
import { getPrisma } from "@/lib/db/client";
import { listTeacherClassOverview } from "@/lib/db/teacher-overview";

export const dynamic = "force-dynamic";

// /teacher – the teacher's classes with today's and this week's use of the tutor, refreshed while open.
export default async function TeacherHome() {
  const user = await requirePageRole(["TEACHER"]);
  const classes = await listTeacherClassOverview({ db: getPrisma(), teacherId: user.id });
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-semibold">My classes</h1>
        <p className="mt-1 text-slate-600">How your students are using the tutor today and this week. Open a class for charts, students and topics.</p>
        <div className="mt-6">
          <ClassOverviewTable classes={classes} />
        </div>
        <AutoRefresh everyMs={30_000} />
      </main>
    </>
  );
}
